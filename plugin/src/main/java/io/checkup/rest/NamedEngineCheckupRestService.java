package io.checkup.rest;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * The check-up of a named engine, {@code /engine-rest/engine/{name}/checkup/...}, next to Camunda's
 * own resources of that engine. Camunda's authentication filter authenticates a request on this
 * path against the engine it names, so tenant visibility is that engine's, exactly as for {@code
 * /engine-rest/engine/{name}/process-definition}.
 */
@Path("/engine/{engineName}/checkup")
public class NamedEngineCheckupRestService extends CheckupRestService {

  @PathParam("engineName")
  private String engineName;

  @Override
  protected String engineName() {
    return engineName;
  }
}
