package io.checkup.lint.rules;

import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the day fields of a six-field cron expression, each fine on its own, ever come together
 * on a date as Camunda 7.24 reads them (cron-utils with Spring's definition): a date must satisfy
 * the day-of-month and the day-of-week both, and '?' in both matches none. Camunda accepts an
 * expression that matches no date and makes its timer due at once, again after every firing.
 *
 * <p>Each field is widened to the days of a month it can fall on (the third Friday on days 15 to
 * 21, the last day on 28 to 31 by month): "never" is said only where no month has a day both allow.
 */
final class CronDays {

  /** The longest each month can be (February in a leap year). */
  private static final int[] LONGEST = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private CronDays() {}

  static boolean fires(String dayOfMonth, String month, String dayOfWeek) {
    if (dayOfMonth.equals("?") && dayOfWeek.equals("?")) {
      return false;
    }
    BitSet months = expand(month.toUpperCase(Locale.ROOT), 1, 12, TimerSyntax.MONTHS);
    BitSet weekDays = daysOfWeek(dayOfWeek.toUpperCase(Locale.ROOT));
    if (months == null || weekDays == null) {
      return true; // a shape this does not read: no verdict
    }
    for (int m = months.nextSetBit(1); m >= 1 && m <= 12; m = months.nextSetBit(m + 1)) {
      BitSet days = daysOfMonth(dayOfMonth.toUpperCase(Locale.ROOT), LONGEST[m - 1], m == 2);
      if (days == null) {
        return true;
      }
      if (days.intersects(weekDays)) {
        return true;
      }
    }
    return false;
  }

  /** The days of a month of {@code length} days the day-of-month field can fall on, or null. */
  private static BitSet daysOfMonth(String field, int length, boolean february) {
    BitSet days = new BitSet();
    for (String item : field.split(",")) {
      if (item.equals("L")) {
        days.set(february ? 28 : length, length + 1);
      } else if (item.equals("LW")) {
        days.set(Math.max(1, length - 3), length + 1);
      } else if (item.startsWith("L-")) {
        int back = Integer.parseInt(item.substring(2));
        int first = (february ? 28 : length) - back;
        days.set(Math.max(1, first), Math.max(1, length - back + 1));
      } else if (item.endsWith("W")) {
        int day = Integer.parseInt(item.substring(0, item.length() - 1));
        int near = Math.min(day, length);
        days.set(Math.max(1, near - 2), Math.min(length, near + 2) + 1);
      } else {
        BitSet plain = expand(item, 1, 31, Map.of());
        if (plain == null) {
          return null;
        }
        days.or(plain.get(0, length + 1));
      }
    }
    return days;
  }

  /** The days of a month the day-of-week field can fall on (1 to 31), or null. */
  private static BitSet daysOfWeek(String field) {
    BitSet days = new BitSet();
    for (String item : field.split(",")) {
      int hash = item.indexOf('#');
      if (hash > 0) {
        int nth = Integer.parseInt(item.substring(hash + 1));
        if (nth >= 1 && nth <= 5) {
          days.set(7 * nth - 6, Math.min(31, 7 * nth) + 1);
        }
      } else if (item.length() > 1 && item.endsWith("L")) {
        days.set(22, 32); // the last such weekday of a month
      } else {
        days.set(1, 32); // every weekday falls on every day of a month in some year
      }
    }
    return days;
  }

  /** The values of a field of numbers, ranges and steps, or null for anything else. */
  private static BitSet expand(String field, int min, int max, Map<String, Integer> names) {
    BitSet values = new BitSet();
    for (String item : field.split(",")) {
      String range = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        step = Integer.parseInt(item.substring(slash + 1));
      }
      int from;
      int to;
      if (range.equals("*") || range.equals("?")) {
        from = min;
        to = max;
      } else {
        String[] bounds = range.split("-");
        Integer low = TimerSyntax.value(bounds[0], names, min, max);
        Integer high =
            bounds.length > 1
                ? TimerSyntax.value(bounds[1], names, min, max)
                : slash >= 0 ? Integer.valueOf(max) : low;
        if (low == null || high == null || low > high) {
          return null; // a range that goes round (NOV-FEB): no verdict
        }
        from = low;
        to = high;
      }
      for (int v = from; v <= to; v += step) {
        values.set(v);
      }
    }
    return values;
  }
}
