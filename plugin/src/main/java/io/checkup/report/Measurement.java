package io.checkup.report;

import java.util.List;
import java.util.Map;

/**
 * What an indicator measured for one tenant: its value (null when it cannot be worked out) and the
 * elements behind it (processes, gateways, instances, tasks...), at most the configured details
 * limit of them.
 */
record Measurement(Number value, List<Map<String, Object>> details, long elements) {

  Measurement {
    details = List.copyOf(details);
  }

  static Measurement of(Number value) {
    return new Measurement(value, List.of(), 0);
  }

  /** A value with every element behind it listed. */
  static Measurement of(Number value, List<Map<String, Object>> details) {
    return new Measurement(value, details, details.size());
  }

  /** A value with the first of {@code elements} elements listed (the details' limit). */
  static Measurement listing(Number value, List<Map<String, Object>> details, long elements) {
    return new Measurement(value, details, Math.max(elements, details.size()));
  }

  /** No value: the report says why with the indicator's own words. */
  static Measurement none() {
    return new Measurement(null, List.of(), 0);
  }
}
