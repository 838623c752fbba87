package io.checkup.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * {@code /api/cockpit/plugin/checkup}: the assets ({@code static/app/plugin.js}, {@code
 * static/app/plugin.css}, served by Cockpit to anyone, as every plugin's are) and, under {@code
 * {engine}/}, the data, which Cockpit's security filter gives only to a user logged in to that
 * engine and its CSRF filter guards like the rest of Cockpit's API.
 */
@Path("plugin/" + CheckupCockpitPlugin.ID)
public class CockpitRootResource extends AbstractCockpitPluginRootResource {

  public CockpitRootResource() {
    super(CheckupCockpitPlugin.ID);
  }

  @Path("{engineName}/process-definition/{id}")
  public DiagramResource diagram(
      @PathParam("engineName") String engineName, @PathParam("id") String id) {
    return subResource(new DiagramResource(engineName, id), engineName);
  }

  @Path("{engineName}/dashboard")
  public DashboardResource dashboard(@PathParam("engineName") String engineName) {
    return subResource(new DashboardResource(engineName), engineName);
  }
}
