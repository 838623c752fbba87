package io.checkup.stats;

import java.time.Duration;
import java.util.Locale;

/**
 * Reads durations as settings write them: {@code 60s}, {@code 5m}, {@code 12h}, {@code 14d}, ISO
 * {@code PT1M}.
 */
public final class Durations {

  private Durations() {}

  /**
   * @param setting the setting's name, for the error message
   * @param bareNumberUnit what a bare number means ({@code "s"} or {@code "d"})
   */
  public static Duration parse(String text, String setting, String bareNumberUnit) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("p")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      if (value.matches("\\d+")) {
        value = value + bareNumberUnit;
      }
      long amount =
          Long.parseLong(value.substring(0, value.length() - (value.endsWith("ms") ? 2 : 1)));
      if (value.endsWith("ms")) {
        return Duration.ofMillis(amount);
      }
      return switch (value.charAt(value.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default -> throw new IllegalArgumentException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          setting
              + ": '"
              + text
              + "' is not a duration (write 60s, 5m, 12h, 14d or "
              + "ISO 8601 such as PT1M)");
    }
  }
}
