package io.checkup.metrics;

import io.checkup.report.Report;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;

/**
 * Where the plugin meets Micrometer: the only way in, so the plugin's own classes never name a
 * Micrometer type and a plain engine without Micrometer never loads one.
 */
public final class MetricsBinding {

  private MetricsBinding() {}

  /**
   * The gauges on a registry, to be handed every report over all tenants.
   *
   * @param registry a {@code io.micrometer.core.instrument.MeterRegistry}
   * @throws IllegalArgumentException when it is something else
   */
  public static Consumer<Report> gauges(Object registry) {
    if (!(registry instanceof MeterRegistry meters)) {
      throw new IllegalArgumentException(
          "camunda-checkup: the meter registry must be a io.micrometer.core.instrument.MeterRegistry, not "
              + (registry == null ? "null" : registry.getClass().getName()));
    }
    return new TenantGauges(meters);
  }
}
