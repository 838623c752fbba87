package io.checkup.stats;

import java.time.LocalDate;

/**
 * The periods statistics are counted in and the report reads them by: UTC hours and days, as epoch
 * milliseconds. One place for the arithmetic, so that a day starts at the same instant for the
 * collector, the store and the report.
 */
public final class UtcPeriods {

  public static final long HOUR = 3_600_000L;
  public static final long DAY = 24 * HOUR;

  private UtcPeriods() {}

  /** The start of the UTC hour of an instant. */
  public static long hourStart(long epochMillis) {
    return epochMillis - Math.floorMod(epochMillis, HOUR);
  }

  /** The start of the UTC day of an instant. */
  public static long dayStart(long epochMillis) {
    return epochMillis - Math.floorMod(epochMillis, DAY);
  }

  /** The UTC date of an instant. */
  public static LocalDate date(long epochMillis) {
    return LocalDate.ofEpochDay(Math.floorDiv(epochMillis, DAY));
  }

  /** The start of a UTC date. */
  public static long startOf(LocalDate date) {
    return date.toEpochDay() * DAY;
  }

  /** Whole days from one instant to a later one. */
  public static long daysBetween(long from, long to) {
    return (to - from) / DAY;
  }
}
