package io.checkup.lint.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks timer values the way Camunda 7.24 reads them, without needing the engine (the command line
 * has none):
 *
 * <ul>
 *   <li>{@code timeDate}: an ISO 8601 date or date-time (also week and ordinal dates), or an ISO
 *       period {@code P...} meaning "from now", read with the engine's own parser (Joda-Time's
 *       {@code ISODateTimeFormat.dateTimeParser} in the JVM's time zone and {@code
 *       ISOPeriodFormat.standard}, as Camunda's {@code DueDateBusinessCalendar} reads them; a user
 *       task's due and follow-up dates the same);
 *   <li>{@code timeDuration}: an xs:duration ({@code P1DT2H}, or weeks alone as {@code P2W}),
 *       optionally with a start or end date ({@code 2030-01-01T10:00/PT1H}) or repeated ({@code
 *       R3/PT10M});
 *   <li>{@code timeCycle}: a repeating interval {@code R[n]/...}, or a cron expression of exactly
 *       six fields (second minute hour day-of-month month day-of-week, Spring syntax, as the
 *       engine's cron-utils reads it) or a macro such as {@code @daily}.
 * </ul>
 *
 * Each check returns null when the value is fine, else the reason.
 */
final class TimerSyntax {

  private static final Pattern XS_DURATION =
      Pattern.compile(
          "P(?=\\d|T[\\d.])(\\d+Y)?(\\d+M)?(\\d+D)?"
              + "(T(?=[\\d.])(\\d+H)?(\\d+M)?((\\d+(\\.\\d*)?|\\.\\d+)S)?)?");

  /** Milliseconds in a week: Camunda counts {@code PnW} as n times this, in a long. */
  private static final long WEEK_MILLIS = 7L * 24 * 60 * 60 * 1000;

  private static final Pattern WEEKS = Pattern.compile("P\\d+W");
  private static final Pattern DATE =
      Pattern.compile(
          "(?<year>[+-]?\\d{4,9})(?:-(?:(?<month>\\d{2})(?:-(?<day>\\d{2}))?|W(?<week>\\d{2})(?:-(?<weekday>\\d))?"
              + "|(?<ordinal>\\d{3})))?");

  /** What Camunda takes for a repeat prefix: R, or R and what Java's Integer.parseInt reads. */
  private static final Pattern REPEAT = Pattern.compile("R([+-]?\\p{Nd}+)?");

  private static final Set<String> CRON_MACROS =
      Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
  static final Map<String, Integer> MONTHS =
      names("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC", 1);
  private static final Map<String, Integer> DAYS = names("SUN MON TUE WED THU FRI SAT", 0);

  private TimerSyntax() {}

  private static Map<String, Integer> names(String list, int first) {
    String[] parts = list.split(" ");
    HashMap<String, Integer> map = new HashMap<>();
    for (int i = 0; i < parts.length; i++) {
      map.put(parts[i], first + i);
    }
    return Map.copyOf(map);
  }

  /**
   * What is wrong with a trimmed value of a timer ({@code kind} {@code timeDate}, {@code
   * timeDuration} or {@code timeCycle}) that Camunda 7.24 cannot read, or null where it reads it.
   */
  static String check(String kind, String value) {
    return switch (kind) {
      case "timeDate" -> checkDate(value);
      case "timeDuration" -> checkDuration(value);
      default -> checkCycle(value);
    };
  }

  static String checkDate(String value) {
    if (value.startsWith("P")) {
      return EngineDates.isPeriod(value) ? null : "'" + value + "' is not an ISO 8601 period";
    }
    return EngineDates.isDateTime(value) ? null : notADateTime(value, "date or date-time");
  }

  /**
   * Why a value is not a date-time: a day its month does not have ('2030-02-30', which Camunda's
   * parser refuses as well), or not ISO 8601 at all.
   */
  private static String notADateTime(String value, String what) {
    int t = value.indexOf('T');
    Matcher m = DATE.matcher(t < 0 ? value : value.substring(0, t));
    if (m.matches()
        && m.group("day") != null
        && inRange(m.group("month"), 1, 12)
        && inRange(m.group("day"), 1, 31)
        && !isCalendarDate(m)) {
      try {
        YearMonth month =
            YearMonth.of(Integer.parseInt(m.group("year")), Integer.parseInt(m.group("month")));
        return "'"
            + value
            + "' names a day that does not exist: "
            + month
            + " has "
            + month.lengthOfMonth()
            + " days";
      } catch (DateTimeException | NumberFormatException e) {
        // a year out of Java's range: not ISO 8601 as far as the engine goes either
      }
    }
    return "'" + value + "' is not an ISO 8601 " + what;
  }

  static String checkDuration(String value) {
    if (value.indexOf('/') < 0 && isDuration(value)) {
      return null; // a plain duration, what nearly every timer holds
    }
    return checkInterval(value, false);
  }

  static String checkCycle(String value) {
    if (value.startsWith("R")) {
      return checkInterval(value, true);
    }
    if (value.startsWith("P")) {
      return "'"
          + value
          + "' is a duration, not a cycle: repeat it as R/"
          + value
          + " (or R<n>/"
          + value
          + ") or use a cron expression";
    }
    return checkCron(value);
  }

  /**
   * {@code [R[n]/]} followed by a duration, a duration with a start or end date, or a start and an
   * end date.
   */
  static String checkInterval(String value, boolean repeatRequired) {
    // split as the engine splits it (DurationHelper): a trailing "/" is no part of its own
    String[] parts = value.split("/");
    if (parts.length == 0) {
      return "'" + value + "' is not an ISO 8601 interval";
    }
    int first = 0;
    Matcher repeat = REPEAT.matcher(parts[0]);
    if (repeat.matches()) {
      String times = repeatTimes(value, repeat.group(1));
      if (times != null) {
        return times;
      }
      first = 1;
    } else if (repeatRequired) {
      return "'" + value + "' is not a repeating interval: it must start with R or R<n>";
    } else if (value.startsWith("-P") && isDuration(value.substring(1))) {
      return "'"
          + value
          + "' is a negative duration, which Camunda 7.24 does not read: a duration starts with P";
    }
    int rest = parts.length - first;
    if (first == 0 && parts.length == 3) {
      rest = 2; // the engine reads start and duration or end, and ignores a third part
    }
    if (rest < 1 || rest > 2 || parts.length > 3) {
      return "'"
          + value
          + "' is not an ISO 8601 interval (expected [R[n]/]duration, start/duration, "
          + "duration/end or start/end)";
    }
    if (rest == 1) {
      return durationProblem(parts[first]);
    }
    String a = parts[first];
    String b = parts[first + 1];
    boolean aDuration = a.startsWith("P");
    boolean bDuration = b.startsWith("P");
    if (aDuration && bDuration) {
      return "'" + value + "' has two durations; an interval has at most one";
    }
    for (String part : new String[] {a, b}) {
      String problem =
          part.startsWith("P")
              ? durationProblem(part)
              : EngineDates.isDateTime(part) ? null : notADateTime(part, "date-time");
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /** A duration of zero: every number in it is 0. */
  static boolean isZero(String duration) {
    for (int i = 0; i < duration.length(); i++) {
      char c = duration.charAt(i);
      if (c >= '1' && c <= '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Why the number of repetitions after R is wrong, or null: Camunda reads it with Java's
   * Integer.parseInt, so a number beyond an int fails the timer (a count of 0 or less it reads:
   * {@link TimerBehaviour}).
   */
  private static String repeatTimes(String value, String times) {
    if (times == null) {
      return null;
    }
    try {
      Integer.parseInt(times);
      return null;
    } catch (NumberFormatException e) {
      return "'" + value + "' repeats " + times + " times, more than Camunda 7.24 can count";
    }
  }

  private static boolean isDuration(String text) {
    return durationProblem(text) == null;
  }

  /**
   * Why a text is not a duration Camunda 7.24 reads, or null: an xs:duration, or weeks alone whose
   * milliseconds fit in a long (the engine counts them so; more weeks fail the timer or wrap
   * round).
   */
  private static String durationProblem(String text) {
    if (WEEKS.matcher(text).matches()) {
      String weeks = text.substring(1, text.length() - 1);
      try {
        if (Long.parseLong(weeks) <= Long.MAX_VALUE / WEEK_MILLIS) {
          return null;
        }
      } catch (NumberFormatException e) {
        // beyond a long: the engine's Long.parseLong fails the same way
      }
      return "'" + text + "' is more weeks than Camunda 7.24 can count";
    }
    return XS_DURATION.matcher(text).matches()
        ? null
        : "'" + text + "' is not an ISO 8601 duration";
  }

  /** A day that exists: no 31 April, no 29 February outside leap years. */
  private static boolean isCalendarDate(Matcher date) {
    if (date.group("day") == null) {
      return true;
    }
    try {
      LocalDate.of(
          Integer.parseInt(date.group("year")),
          Integer.parseInt(date.group("month")),
          Integer.parseInt(date.group("day")));
      return true;
    } catch (DateTimeException | NumberFormatException e) {
      return false;
    }
  }

  private static boolean inRange(String digits, int min, int max) {
    if (digits == null) {
      return true;
    }
    int value = Integer.parseInt(digits);
    return value >= min && value <= max;
  }

  /**
   * Six-field cron as Spring 5.3 defines it (what the engine's cron-utils is configured for), or a
   * macro.
   */
  static String checkCron(String value) {
    if (value.startsWith("@")) {
      if (CRON_MACROS.contains(value)) {
        return null;
      }
      String lower = value.toLowerCase(Locale.ROOT);
      return CRON_MACROS.contains(lower)
          ? "'" + value + "' is a cron macro Camunda 7.24 knows in lower case only: " + lower
          : "'"
              + value
              + "' is not a known cron macro ("
              + String.join(", ", new TreeSet<>(CRON_MACROS))
              + ")";
    }
    String[] fields = value.trim().split("\\s+");
    if (fields.length != 6) {
      return "cron expression '"
          + value
          + "' has "
          + fields.length
          + " fields; Camunda 7.24 expects exactly 6 (second minute hour day-of-month month day-of-week)";
    }
    String[] names = {"second", "minute", "hour", "day-of-month", "month", "day-of-week"};
    int[][] ranges = {{0, 59}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
    for (int i = 0; i < 6; i++) {
      String problem = checkCronField(fields[i], i, ranges[i][0], ranges[i][1]);
      if (problem != null) {
        return "cron expression '" + value + "': " + names[i] + " field " + problem;
      }
    }
    return null;
  }

  /**
   * What is wrong with one field, as it follows "minute field": "'60' is not a number from 0 to
   * 59", or of the part that is wrong, "'5,60' has '60', which is not ..."; null when nothing.
   */
  private static String checkCronField(String shown, int index, int min, int max) {
    // index: 0 second, 1 minute, 2 hour, 3 day-of-month, 4 month, 5 day-of-week
    String field = shown.toUpperCase(Locale.ROOT);
    String quoted = "'" + shown + "' ";
    Map<String, Integer> names = index == 4 ? MONTHS : index == 5 ? DAYS : Map.of();
    for (String item : field.split(",", -1)) {
      if (item.isEmpty()) {
        return quoted + "has an empty list item";
      }
      if (item.equals("?")) {
        if (index == 3 && !item.equals(field)) {
          // the engine's cron-utils reads it, and fails the timer when it schedules it
          return quoted + "may be '?' only on its own, not in a list";
        }
        if (index == 3 || index == 5) {
          continue;
        }
        return (item.equals(field) ? "" : quoted)
            + "may not be '?' (only day-of-month and day-of-week may)";
      }
      if (index == 3
          && (item.equals("L")
              || item.equals("LW")
              || item.matches("L-\\d{1,2}")
              || item.matches("\\d{1,2}W"))) {
        if (item.endsWith("W")
            && !item.equals("LW")
            && !inRange(item.substring(0, item.length() - 1), 1, 31)) {
          return quoted + "is out of range";
        }
        continue;
      }
      if (index == 5) {
        Matcher special = Pattern.compile("(\\w+)(L|#(\\d))").matcher(item);
        if (item.equals("L")) {
          continue;
        }
        if (special.matches()) {
          if (value(special.group(1), names, min, max) == null) {
            return quoted + "is not a valid day-of-week";
          }
          continue;
        }
      }
      String range = item;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        String step = item.substring(slash + 1);
        if (!step.matches("\\d{1,9}")
            || Integer.parseInt(step) == 0
            || Integer.parseInt(step) > max) {
          return quoted + "has an invalid step '" + step + "' (1 to " + max + ")";
        }
      }
      if (range.equals("*")) {
        continue;
      }
      String[] bounds = range.split("-", -1);
      if (bounds.length > 2) {
        return quoted + "has an invalid range '" + range + "'";
      }
      Integer previous = null;
      for (String bound : bounds) {
        Integer number = value(bound, names, min, max);
        if (number != null && previous != null && number < previous && index < 4) {
          // hours 23-1 are refused; days of the week FRI-MON go round the week
          return quoted + "has the range '" + range + "', which runs backwards";
        }
        previous = number;
        if (number == null) {
          return quoted
              + (bound.equals(field) ? "is not " : "has '" + bound + "', which is not ")
              + (names.isEmpty() ? "" : "a name or ")
              + "a number from "
              + min
              + " to "
              + max;
        }
      }
    }
    return null;
  }

  static Integer value(String text, Map<String, Integer> names, int min, int max) {
    if (names.containsKey(text)) {
      return names.get(text);
    }
    // the engine reads a number as Java's Integer.parseInt does: a plus sign and leading zeros too
    if (!text.matches("\\+?\\d{1,9}")) {
      return null;
    }
    int number = Integer.parseInt(text);
    return number >= min && number <= max ? number : null;
  }
}
