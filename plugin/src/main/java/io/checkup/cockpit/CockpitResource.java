package io.checkup.cockpit;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.engine.CheckupRegistry;
import io.checkup.rest.Answers;
import io.checkup.rest.Caller;
import jakarta.ws.rs.WebApplicationException;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * What the plugin's Cockpit resources share: the engine Cockpit resolved for the request's {@code
 * {engine}}, with the caller Cockpit authenticated on it, and that engine's camunda-checkup.
 */
abstract class CockpitResource extends AbstractCockpitPluginResource {

  CockpitResource(String engineName) {
    super(engineName);
  }

  /** The engine asked, or 404 when Cockpit has none of that name. */
  ProcessEngine engine() {
    ProcessEngine engine = getProcessEngine();
    if (engine == null) {
      throw new WebApplicationException(
          Answers.notFound("No process engine named '" + engineName + "' is available."));
    }
    return engine;
  }

  /** The plugin of the engine asked, or 404 when that engine runs without it. */
  CheckupProcessEnginePlugin checkup() {
    CheckupProcessEnginePlugin plugin = CheckupRegistry.of(engine().getName());
    if (plugin == null) {
      throw new WebApplicationException(
          Answers.notFound(
              "The camunda-checkup plugin is not installed in process engine '"
                  + engine().getName()
                  + "'."));
    }
    return plugin;
  }

  /** The logged-in user, with the tenants they may see (the REST API's rules). */
  Caller caller() {
    return Caller.of(engine());
  }
}
