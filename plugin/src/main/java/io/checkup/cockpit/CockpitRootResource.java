package io.checkup.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * {@code /api/cockpit/plugin/checkup}: the assets ({@code static/app/plugin.js}, {@code
 * static/app/plugin.css}, served by Cockpit to anyone, as every plugin's are) and, under {@code
 * {engine}/}, the data, which Cockpit's security filter gives only to a user logged in to that
 * engine and its CSRF filter guards like the rest of Cockpit's API.
 *
 * <p>The sub-resources are made here rather than through {@code subResource(..)}, whose signature
 * differs between Camunda and Operaton and which only hands its argument back.
 */
@Path("plugin/" + CheckupCockpitPlugin.ID)
public class CockpitRootResource extends AbstractCockpitPluginRootResource {

  public CockpitRootResource() {
    super(CheckupCockpitPlugin.ID);
  }

  @Path("{engineName}/process-definition/{id}")
  public DiagramResource diagram(
      @PathParam("engineName") String engineName, @PathParam("id") String id) {
    return new DiagramResource(engineName, id);
  }

  @Path("{engineName}/dashboard")
  public DashboardResource dashboard(@PathParam("engineName") String engineName) {
    return new DashboardResource(engineName);
  }
}
