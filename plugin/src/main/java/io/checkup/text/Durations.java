package io.checkup.text;

import java.time.Duration;
import java.util.Locale;

/**
 * Reads durations as settings write them: {@code 60s}, {@code 5m}, {@code 12h}, {@code 14d}, ISO
 * {@code PT1M}.
 */
public final class Durations {

  private Durations() {}

  /**
   * A duration as settings write it, in its largest whole unit: {@code 14d}, {@code 12h}, {@code
   * 5m}, {@code 1s}, {@code 250ms}; it reads back as the same duration.
   */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    long millis;
    try {
      millis = duration.toMillis();
    } catch (ArithmeticException tooLong) {
      long seconds = duration.getSeconds();
      return duration.getNano() == 0 && seconds % 86_400 == 0
          ? seconds / 86_400 + "d"
          : duration.toString();
    }
    if (millis == 0 || !duration.equals(Duration.ofMillis(millis))) {
      return duration.toString(); // finer than a millisecond: ISO 8601, which reads back as well
    }
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (millis % sizes[i] == 0) {
        return millis / sizes[i] + units[i];
      }
    }
    return millis + "ms";
  }

  /**
   * A duration as settings write it; the error says what is wrong, the caller names the setting.
   *
   * @param bareNumberUnit what a bare number means ({@code "s"} or {@code "d"})
   */
  public static Duration parse(String text, String bareNumberUnit) {
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
          "'"
              + text
              + "' is not a duration (write 60s, 5m, 12h, 14d or "
              + "ISO 8601 such as PT1M)");
    }
  }
}
