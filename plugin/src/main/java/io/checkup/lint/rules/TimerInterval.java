package io.checkup.lint.rules;

import java.util.List;

/**
 * A timer's interval as Camunda 7.24's {@code DurationHelper} reads it: split at '/' (a trailing
 * '/' is no part of its own), an optional repeat {@code R} or {@code R<n>}, then a period, a start
 * and a period, a period and an end, or a start and an end; a third part after those is ignored.
 *
 * @param repeat whether it starts with R
 * @param count the n of R&lt;n&gt;, or null for R alone or no R
 * @param period the duration part, or null for start/end
 * @param start the start date-time, or null
 * @param end the end date-time, or null
 * @param ignored a third part the engine does not read, or null
 */
record TimerInterval(
    boolean repeat, Integer count, String period, String start, String end, String ignored) {

  /** The interval, or null for a shape the engine refuses (more than three parts, an odd count). */
  static TimerInterval of(String value) {
    List<String> parts = List.of(value.split("/"));
    if (parts.isEmpty() || parts.size() > 3) {
      return null;
    }
    boolean repeat = parts.get(0).startsWith("R");
    Integer count = null;
    if (repeat) {
      if (parts.get(0).length() > 1) {
        try {
          count = Integer.parseInt(parts.get(0).substring(1));
        } catch (NumberFormatException e) {
          return null;
        }
      }
      parts = parts.subList(1, parts.size());
      if (parts.isEmpty()) {
        return null;
      }
    }
    String ignored = parts.size() == 3 ? parts.get(2) : null;
    String first = parts.get(0);
    if (first.startsWith("P")) {
      return new TimerInterval(
          repeat, count, first, null, parts.size() > 1 ? parts.get(1) : null, ignored);
    }
    if (parts.size() < 2) {
      return null;
    }
    String second = parts.get(1);
    return second.startsWith("P")
        ? new TimerInterval(repeat, count, second, first, null, ignored)
        : new TimerInterval(repeat, count, null, first, second, ignored);
  }

  /**
   * Whether its period does not move forward in time: a period of zero, or an end no later than its
   * start. Camunda finds a repeating timer's due date by adding the period to the start until it
   * passes the time now (or stepping back from the end while it is ahead), at most once per
   * repetition; such a period never gets there.
   */
  boolean standsStill() {
    if (period != null) {
      return TimerSyntax.isZero(period);
    }
    Long from = EngineDates.millis(start);
    Long to = EngineDates.millis(end);
    return from != null && to != null && to <= from;
  }
}
