package io.checkup.report;

import java.util.List;
import java.util.Map;

/**
 * What an indicator measured for one tenant: its value (null when it cannot be worked out) and the
 * elements behind it (processes, gateways, instances, tasks...), at most the configured details
 * limit of them.
 */
record Measurement(Number value, List<Map<String, Object>> details) {

  Measurement {
    details = List.copyOf(details);
  }

  static Measurement of(Number value) {
    return new Measurement(value, List.of());
  }

  static Measurement of(Number value, List<Map<String, Object>> details) {
    return new Measurement(value, details);
  }

  /** No value: the report says why with the indicator's own words. */
  static Measurement none() {
    return new Measurement(null, List.of());
  }
}
