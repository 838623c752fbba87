package io.checkup.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * camunda-checkup inside Cockpit (docs/cockpit.md): lint findings and dead branches on the process
 * definition's diagram, a heatmap from the statistics, a tab of findings, and the check-up on the
 * dashboard. Cockpit finds it through {@code
 * META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}; nothing else loads this
 * class, so an engine without the webapps never needs Cockpit's classes.
 */
public class CheckupCockpitPlugin extends AbstractCockpitPlugin {

  /** The plugin's id: its assets are served at {@code /api/cockpit/plugin/checkup/static/}. */
  public static final String ID = "checkup";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(CockpitRootResource.class);
  }
}
