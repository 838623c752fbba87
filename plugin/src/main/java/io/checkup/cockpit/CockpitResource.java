package io.checkup.cockpit;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.engine.CheckupRegistry;
import io.checkup.report.Report;
import io.checkup.report.ReportScope;
import io.checkup.report.ReportUnavailableException;
import io.checkup.rest.Answers;
import io.checkup.rest.Caller;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the plugin's Cockpit resources share: the engine Cockpit resolved for the request's {@code
 * {engine}}, with the caller Cockpit authenticated on it, and that engine's camunda-checkup.
 */
abstract class CockpitResource extends AbstractCockpitPluginResource {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.cockpit");

  CockpitResource(String engineName) {
    super(engineName);
  }

  /**
   * The engine asked, or 404 when Cockpit has none of that name; 401 when nobody is logged in to
   * it. Cockpit's security filter already requires a login on these paths; this check makes sure
   * that a path its rules let through unauthenticated (its assets' {@code static/...}) never
   * reaches data, since {@link Caller} takes "nobody" for "authentication is off, everything is
   * visible".
   */
  ProcessEngine engine() {
    ProcessEngine engine = getProcessEngine();
    if (engine == null) {
      throw new WebApplicationException(
          Answers.notFound(
              "No process engine named '" + Answers.echo(engineName) + "' is available."));
    }
    if (engine.getIdentityService().getCurrentAuthentication() == null) {
      throw new WebApplicationException(
          Answers.error(
              Response.Status.UNAUTHORIZED,
              "AuthenticationException",
              "Log in to Cockpit on process engine '" + engine.getName() + "'."));
    }
    return engine;
  }

  /**
   * A failure of the statistics or the report that is not the database being slow: logged, and
   * answered 503 without its text, which may name tables or the database.
   */
  WebApplicationException failed(String what, RuntimeException e) {
    LOG.warn("camunda-checkup: Cockpit asked for {} and it failed", what, e);
    return new WebApplicationException(
        Answers.error(
            Response.Status.SERVICE_UNAVAILABLE,
            "CheckupUnavailableException",
            "The " + what + " cannot be had now (the server log says why); try again later."));
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

  /**
   * The check-up over these tenants: 404 when it is off on this engine, 503 when it cannot be had
   * now.
   */
  Report report(ReportScope scope) {
    CheckupProcessEnginePlugin checkup = checkup();
    if (checkup.unavailableReason() != null) {
      throw new WebApplicationException(
          Answers.notFound(
              "The check-up is off on process engine '"
                  + engine().getName()
                  + "': "
                  + checkup.unavailableReason()
                  + "."));
    }
    try {
      return checkup.getReport().generate(scope);
    } catch (ReportUnavailableException e) {
      throw Answers.unavailable(e);
    } catch (RuntimeException e) {
      throw failed("check-up", e);
    }
  }

  /** The logged-in user, with the tenants they may see (the REST API's rules). */
  Caller caller() {
    return Caller.of(engine());
  }
}
