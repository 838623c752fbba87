package io.checkup.lint.rules;

import java.util.TimeZone;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.format.DateTimeFormatter;
import org.joda.time.format.ISODateTimeFormat;
import org.joda.time.format.ISOPeriodFormat;
import org.joda.time.format.PeriodFormatter;

/**
 * Dates and periods read the way Camunda 7.24 reads a timer's {@code timeDate} and a user task's
 * due and follow-up dates ({@code DueDateBusinessCalendar} and {@code DateTimeUtil}, the same in
 * Operaton and CIB seven): with Joda-Time's ISO parsers, in the JVM's time zone. The engine's
 * parser is far more lenient than ISO 8601 as written ({@code P2d}, {@code PT-1H}, {@code
 * 2030-12-24t17:00z}, a time alone); only the same parser gives the same verdicts. Loaded when a
 * model has a literal date, not before. On a host without Joda-Time (no engine of the Camunda 7
 * family is one) every value is taken: no verdict rather than a wrong one.
 */
final class EngineDates {

  private EngineDates() {}

  /** Whether the engine reads the text as a date or date-time. */
  static boolean isDateTime(String text) {
    try {
      return Parsers.isDateTime(text);
    } catch (LinkageError e) {
      return true;
    }
  }

  /**
   * The instant the engine reads the date-time as, in milliseconds, or null where it does not read
   * it (or Joda-Time is not there).
   */
  static Long millis(String text) {
    try {
      return Parsers.millis(text);
    } catch (LinkageError e) {
      return null;
    }
  }

  /** Whether the engine reads the text as a period from now and can add it to the time now. */
  static boolean isPeriod(String text) {
    try {
      return Parsers.isPeriod(text);
    } catch (LinkageError e) {
      return true;
    }
  }

  /** The parsers, made when first needed (and only where Joda-Time is there). */
  private static final class Parsers {

    private static final DateTimeZone ZONE = jvmZone();
    private static final DateTimeFormatter DATE_TIME =
        ISODateTimeFormat.dateTimeParser().withZone(ZONE);
    private static final PeriodFormatter PERIOD = ISOPeriodFormat.standard();

    /** The JVM's time zone, as the engine takes it, or UTC where Joda-Time does not know it. */
    private static DateTimeZone jvmZone() {
      try {
        return DateTimeZone.forTimeZone(TimeZone.getDefault());
      } catch (RuntimeException e) {
        return DateTimeZone.UTC;
      }
    }

    static boolean isDateTime(String text) {
      try {
        DATE_TIME.parseDateTime(text).toDate();
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    }

    static Long millis(String text) {
      try {
        return DATE_TIME.parseDateTime(text).getMillis();
      } catch (RuntimeException e) {
        return null;
      }
    }

    static boolean isPeriod(String text) {
      try {
        new DateTime(ZONE).plus(PERIOD.parsePeriod(text)).toDate();
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    }
  }
}
