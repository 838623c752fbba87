package io.checkup.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Values and norms in plain words, as the report's explanations, reasons and pages show them. */
public final class IndicatorTexts {

  private IndicatorTexts() {}

  /** A window of the statistics in words: "24 hours", "7 days". */
  public static String window(int days) {
    return days == 1 ? "24 hours" : days + " days";
  }

  /** A value with its unit: "12 days", "+150 %", "1,234", "n/a". */
  public static String value(Indicator indicator, Number value) {
    if (value == null) {
      return "n/a";
    }
    String number = format(value.doubleValue());
    return switch (indicator.unit()) {
      case DAYS -> number + " days";
      case PERCENT -> (value.doubleValue() > 0 ? "+" : "") + number + " %";
      default -> number;
    };
  }

  /**
   * The bounds that apply, in words: "1,000 to 10,000", "at most 30 days", "present", "none
   * allowed".
   *
   * @param users the tenant's user count when the lower bound is a share of its users, else null
   */
  public static String norm(Indicator indicator, Double min, Double max, Integer users) {
    String unit =
        indicator.unit() == Indicator.Unit.DAYS
            ? " days"
            : indicator.unit() == Indicator.Unit.PERCENT ? " %" : "";
    if (min == null && max == null) {
      return "none applies";
    }
    if (indicator.unit() == Indicator.Unit.PERCENT && min != null && min < 0 && max == null) {
      return "no drop of more than " + format(-min) + " %";
    }
    if (min != null && max != null) {
      return format(min) + " to " + format(max) + unit;
    }
    if (min != null) {
      if (users != null) {
        return "at least " + format(min) + " of the tenant's " + users + " users";
      }
      return min == 1 && indicator.id().startsWith("capability.")
          ? "present"
          : "at least " + format(min) + unit;
    }
    // "none" alone would read as "no norm"
    return max == 0 ? "none allowed" : "at most " + format(max) + unit;
  }

  /**
   * An indicator's default norm in words, with the age rule and a share of users where it has them.
   */
  public static String defaultNorm(Indicator indicator) {
    Norm norm = indicator.norm();
    String text =
        norm.minShareOfUsers() != null
            ? "at least "
                + format(Math.round(norm.minShareOfUsers() * 1000) / 10.0)
                + " % of the tenant's users"
            : norm(indicator, norm.min(), norm.max(), null);
    return norm.minAfterAgeDays() == null
        ? text
        : text + " (the lower bound from an age of " + norm.minAfterAgeDays() + " days)";
  }

  /** A number as the report writes it: thousands separated, one decimal where it has one. */
  public static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= 1e15) {
      return String.format(Locale.ENGLISH, "%,.1f", value);
    }
    if (value == Math.rint(value)) {
      return grouped((long) value);
    }
    // one decimal, half up as %.1f rounds
    long tenths =
        BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).unscaledValue().longValue();
    String sign = tenths < 0 ? "-" : "";
    long magnitude = Math.abs(tenths);
    return sign + grouped(magnitude / 10) + "." + magnitude % 10;
  }

  /** A whole number with thousands separated by commas: 1,234,567 (a report formats thousands). */
  private static String grouped(long value) {
    String digits = Long.toString(Math.abs(value));
    if (digits.length() <= 3) {
      return value < 0 ? "-" + digits : digits;
    }
    StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3 + 1);
    if (value < 0) {
      text.append('-');
    }
    int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    text.append(digits, 0, head);
    for (int at = head; at < digits.length(); at += 3) {
      text.append(',').append(digits, at, at + 3);
    }
    return text.toString();
  }
}
