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
 * model has a literal date, not before.
 */
final class EngineDates {

  private static final DateTimeZone ZONE = DateTimeZone.forTimeZone(TimeZone.getDefault());
  private static final DateTimeFormatter DATE_TIME =
      ISODateTimeFormat.dateTimeParser().withZone(ZONE);
  private static final PeriodFormatter PERIOD = ISOPeriodFormat.standard();

  private EngineDates() {}

  /** Whether the engine reads the text as a date or date-time. */
  static boolean isDateTime(String text) {
    try {
      DATE_TIME.parseDateTime(text).toDate();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Whether the engine reads the text as a period from now and can add it to the time now. */
  static boolean isPeriod(String text) {
    try {
      new DateTime(ZONE).plus(PERIOD.parsePeriod(text)).toDate();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
