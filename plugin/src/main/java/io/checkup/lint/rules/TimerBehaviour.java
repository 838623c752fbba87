package io.checkup.lint.rules;

import io.checkup.lint.model.Bpmn;

/**
 * What a timer value Camunda 7.24 reads ({@link TimerSyntax} found nothing wrong with it) then does
 * otherwise than written: a cycle whose repetitions fail or do not move forward, a third part it
 * ignores, a repeat count of 0 or less, cron that matches no date. Each check returns null when the
 * timer works, else what happens.
 */
public final class TimerBehaviour {

  /**
   * Repetitions from which a period that does not move forward holds the engine: its due-date loop
   * runs once per repetition (about a million a second), 2^31 times for R alone.
   */
  private static final int ENDLESS = 10_000_000;

  private TimerBehaviour() {}

  /**
   * @param kind {@code timeDate}, {@code timeDuration} or {@code timeCycle}
   * @param value the trimmed value, which {@link TimerSyntax} reads
   * @param repeats whether the event repeats a cycle: a timer start event of a process, a
   *     non-interrupting boundary event or event sub-process start (Camunda's TimerDeclarationImpl
   *     repeats no other)
   */
  static String check(String kind, String value, boolean repeats) {
    if (kind.equals("timeDate")) {
      return null;
    }
    boolean cycle = kind.equals("timeCycle");
    if (cycle && !value.startsWith("R")) {
      return value.startsWith("@") ? null : cron(value);
    }
    boolean repeated = cycle && repeats;
    if (repeated && value.endsWith("/") && value.split("/").length == 2) {
      return "'"
          + value
          + "' ends with '/': Camunda 7.24 takes it, but to repeat the timer it writes the start"
          + " date in at every '/', and then fails the timer when it falls due";
    }
    TimerInterval interval = TimerInterval.of(value);
    if (interval == null) {
      return null;
    }
    if (interval.ignored() != null) {
      return "'"
          + value
          + "' has a third part, '"
          + interval.ignored()
          + "', which Camunda 7.24 ignores: it reads the first two alone";
    }
    if (!interval.repeat()) {
      return null;
    }
    Integer count = interval.count();
    if (count != null && count <= 0) {
      return "'"
          + value
          + "' repeats "
          + count
          + " times: Camunda 7.24 fires such a timer once, as soon as it is scheduled rather than"
          + " after the period, and never again; R alone repeats without end";
    }
    if (!interval.standsStill()) {
      return null;
    }
    String what =
        interval.period() != null
            ? "'" + value + "' repeats every " + interval.period()
            : "'" + value + "' ends no later than it starts";
    if (endless(count)) {
      return what
          + ", so it never moves forward in time: Camunda 7.24 would look for its due date by"
          + " adding the period up to "
          + (count == null ? "2^31" : String.format("%,d", count))
          + " times (once a start date has passed, or while an end date is ahead), which holds"
          + " the deployment of a timer start event, or the transaction that reaches the timer,"
          + " for minutes; the plugin refuses it at deployment in every lint mode";
    }
    return repeated
        ? what
            + ": its repetitions do not move forward in time, so Camunda 7.24 makes them all due"
            + " at once, or once its start has passed finds no due date and fails the timer"
        : null;
  }

  /**
   * Whether Camunda 7.24 cannot read a timer value at all ({@code timer-expression}'s "cannot be
   * parsed"): {@code kind} is {@code timeDate}, {@code timeDuration} or {@code timeCycle}. An empty
   * value and one with an expression are not read and answer false.
   */
  public static boolean cannotBeRead(String kind, String text) {
    String value = text.trim();
    if (value.isEmpty() || Bpmn.hasExpression(value)) {
      return false;
    }
    return TimerSyntax.check(kind, value) != null;
  }

  /**
   * Whether a timer cycle or duration holds Camunda 7.24's due-date calculation for minutes,
   * wherever the timer is: R alone, or ten million repetitions or more, of a period that never
   * moves forward. Expressions are not read.
   */
  public static boolean standsStill(String text) {
    String value = text.trim();
    if (Bpmn.hasExpression(value)) {
      return false;
    }
    TimerInterval interval = TimerInterval.of(value);
    return interval != null
        && interval.repeat()
        && endless(interval.count())
        && TimerSyntax.checkInterval(value, false) == null
        && interval.standsStill();
  }

  /** Whether a repeat count (null for R alone) runs the due-date loop long enough to hold it. */
  private static boolean endless(Integer count) {
    return count == null || count >= ENDLESS;
  }

  private static String cron(String value) {
    String[] fields = value.split("\\s+");
    return fields.length != 6 || CronDays.fires(fields[3], fields[4], fields[5])
        ? null
        : "cron expression '"
            + value
            + "' matches no date: its day-of-month, month and day-of-week never come together."
            + " Camunda 7.24 then makes the timer due at once, and a timer start event again after"
            + " every firing";
  }
}
