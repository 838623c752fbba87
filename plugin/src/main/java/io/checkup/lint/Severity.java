package io.checkup.lint;

import java.util.Locale;

/** How much a finding matters. Ordered: {@code OFF < INFO < WARN < ERROR}. */
public enum Severity {
  OFF,
  INFO,
  WARN,
  ERROR;

  /** Lower-case name as used in configuration, logs and reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  /**
   * Parses {@code off|info|warn|warning|error} (any case) and bpmnlint's numeric levels {@code
   * 0|1|2|3} (3 is info, as bpmnlint 11 reads it).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Severity parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "off", "0", "false" -> OFF;
      case "info", "note", "3" -> INFO;
      case "warn", "warning", "1" -> WARN;
      case "error", "2" -> ERROR;
      default ->
          throw new IllegalArgumentException(
              "unknown severity '" + text + "': use off, info, warn or error");
    };
  }
}
