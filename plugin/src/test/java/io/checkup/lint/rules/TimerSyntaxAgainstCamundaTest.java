package io.checkup.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule's verdict on a timer value against the engine's own: each value goes to the business
 * calendar the engine schedules that kind of timer with ({@code timeDate}, {@code timeDuration},
 * {@code timeCycle}), and the rule reports a value exactly when the calendar throws. A user found
 * two values the rule let through and the engine refused ('-PT1H' failed every instance start, hour
 * 24 the deployment). {@code user-task-due-date} reads a user task's dates with the same check, as
 * the engine reads them with the same calendar.
 *
 * <p>What the calendar reads and the rule still reports ({@link TimerBehaviour}: an expression the
 * engine's parse refuses, a cycle whose repetitions fail or never move forward, a cron expression
 * that matches no date) is checked against what the engine then does with it, in {@link
 * #takenButBroken()}.
 */
class TimerSyntaxAgainstCamundaTest {

  static List<Arguments> values() {
    return List.of(
        // timeDate
        date("2030-01-01"),
        date("2030-01-01T10:00:00Z"),
        date("2030-01-01T10:00+02:00"),
        date("2030-01-01T10:00:00.123Z"),
        date("2030-01-01T10"),
        date("2030-01-01T23:59:59Z"),
        date("2030-01-01T24:00:00Z"),
        date("2030-01-01T24:00"),
        date("2030-01-01T10:60:00Z"),
        date("2030-01-01T10:00:60Z"),
        date("2028-02-29"),
        date("2030-02-29"),
        date("2030-04-31"),
        date("2030-13-01"),
        date("2030-00-10"),
        date("2030-W01-1"),
        date("2030-001"),
        date("2030-367"),
        date("2030"),
        date("2030-01"),
        date("01.01.2030"),
        date("tomorrow"),
        date("P1W2D"),
        date("PT5M"),
        date("P1D"),
        date("PX"),
        date("-PT1H"),
        // a user task's due and follow-up dates, read by the same calendar as written (no trimming)
        date("p3d"),
        date(" P1D"),
        date("2030-12-24 "),
        date("2030-W51-1"),
        date("2030-12-20T09:30:00+01:00"),
        date("24.12.2030"),
        date(""),
        // the engine's parser is more lenient than ISO 8601 as written (a modeler's trial found
        // these refused)
        date("P"),
        date("P-3D"),
        date("P2d"),
        date("2030-12-24t17:00:00z"),
        date("T17:00"),
        date("20301224"),
        // timeDuration
        duration("PT5M"),
        duration("P2W"),
        duration("P1DT12H"),
        duration("PT1.5S"),
        duration("P1Y2M"),
        duration("P1W2D"),
        duration("PT5X"),
        duration("-PT1H"),
        duration("-P1D"),
        duration("-PX"),
        duration("5 days"),
        duration("P"),
        duration("PT"),
        duration("2030-01-01T10:00/PT1H"),
        duration("PT1H/2030-01-01T10:00"),
        duration("2030-01-01T10:00/2030-01-02T10:00"),
        duration("2030-01-01T24:00/PT1H"),
        duration("R3/PT10M"),
        duration("R/PT1H"),
        duration("R/PT1H/"),
        duration("PT1H/"),
        // a timer oracle's disagreements (2026-12-07): fractions the engine's xs:duration reads,
        // weeks beyond a long
        duration("PT1.S"),
        duration("PT.5S"),
        duration("P99999999999999999999W"),
        duration("P15250284452W"),
        // timeCycle
        cycle("R3/PT10M"),
        cycle("R/PT1H"),
        cycle("R+5/PT1H"),
        cycle("R\u0663/PT1H"),
        cycle("R/2030-01-01T00:00/PT1H"),
        cycle("R5/2030-01-01T24:00:00Z/PT1H"),
        cycle("R99999999999/PT1H"),
        cycle("Rx/PT1H"),
        cycle("R3/-PT1H"),
        cycle("PT1H"),
        cycle("0 0 9 * * MON-FRI"),
        cycle("0 15 10 ? * 1#1"),
        cycle("0 0 12 L * ?"),
        cycle("0 0 12 15W * ?"),
        cycle("0 0 12 ? * 5L"),
        cycle("@daily"),
        cycle("@hourly"),
        cycle("0 9 * * MON-FRI"),
        cycle("0 0 9 ? * * 2030"),
        cycle("0 0 25 * * ?"),
        cycle("0 5,60 * * * ?"),
        cycle("0 0 ? * * *"),
        cycle("R3/PT1.S"),
        cycle("R/P99999999999999999999W"),
        cycle("R3/PT1H/2030-01-01T00:00/"),
        // cron as the engine's cron-utils reads it: a plus sign and leading zeros in a number, a
        // week or a year that goes round, but not an hour; steps within the field; macros in lower
        // case
        cycle("+0 * * * * ?"),
        cycle("000 0 012 * * ?"),
        cycle("0 0 12 * * FRI-MON"),
        cycle("0 0 12 * * 5-1"),
        cycle("0 0 12 1 NOV-FEB ?"),
        cycle("0 0 23-1 * * ?"),
        cycle("59-0 * * * * ?"),
        cycle("*/59 * * * * ?"),
        cycle("*/60 * * * * ?"),
        cycle("0 0 */24 * * ?"),
        cycle("@DAILY"),
        cycle("0 0 12 29 2 ?"),
        cycle("0 0 12 1 * MON"),
        cycle("0 0 12 ? * 5#5"),
        cycle("0 0 12 25-31 * 6L"),
        cycle("0 0 12 1/7 * ?"),
        cycle("0 0 12 30,? 2 ?"),
        cycle("0 0 12 15 * ?,MON"));
  }

  /**
   * What the engine's calendar reads and the rule still reports, each with what the engine then
   * does with it: the rule's message says so, and this is the engine showing it.
   */
  static List<Arguments> takenButBroken() {
    Date probe = Date.from(Instant.parse("2030-01-01T00:00:00.500Z"));
    Function<String, String> repeating = value -> TimerBehaviour.check("timeCycle", value, true);
    Function<String, String> duration = value -> TimerBehaviour.check("timeDuration", value, false);
    return List.of(
        // the engine's parse of the model fails on an expression it cannot read
        broken("timeDuration", "${reminderDelay", ElSyntax::problem, () -> el("${reminderDelay")),
        broken("timeDate", "#{ }", ElSyntax::problem, () -> el("#{ }")),
        // R<n>/duration/ reads, but a repeating timer gets a date written in at every '/'
        broken("timeCycle", "R/PT1M/", repeating, () -> repeatFails("R/PT1M/")),
        broken("timeCycle", "R3/P1D/", repeating, () -> repeatFails("R3/P1D/")),
        // a period that does not move forward: bounded, no due date just after the start, where a
        // period that moves gives one (R alone runs the same loop 2^31 times, which a test cannot
        // wait for)
        broken("timeCycle", "R/PT0S", repeating, () -> stuck("R5/PT0S", "R5/PT1S")),
        broken(
            "timeCycle",
            "R5/2030-01-01T00:00/P0D",
            repeating,
            () -> stuck("R5/2030-01-01T00:00/P0D", "R5/2030-01-01T00:00/P1D")),
        broken(
            "timeCycle",
            "R/2030-01-02T00:00/2030-01-01T00:00",
            repeating,
            () ->
                stuck(
                    "R5/2030-01-01T00:00/2029-12-31T00:00",
                    "R5/2030-01-01T00:00/2030-01-02T00:00")),
        // a third part the engine ignores: the due date is the first two parts' alone
        broken(
            "timeDuration",
            "2030-01-01T10:00:00/PT1H/P1D",
            duration,
            () -> sameDueDate("2030-01-01T10:00:00/PT1H/P1D", "2030-01-01T10:00:00/PT1H")),
        // cron that matches no date: the engine's timer is due at the time it asks from
        broken("timeCycle", "0 0 12 30 2 ?", repeating, () -> never(probe, "0 0 12 30 2 ?")),
        broken("timeCycle", "0 0 12 31 4,6 ?", repeating, () -> never(probe, "0 0 12 31 4,6 ?")),
        broken("timeCycle", "0 15 10 ? * 6#6", repeating, () -> never(probe, "0 15 10 ? * 6#6")),
        broken("timeCycle", "0 15 10 ? * 6#0", repeating, () -> never(probe, "0 15 10 ? * 6#0")),
        broken("timeCycle", "0 15 10 L * 6#3", repeating, () -> never(probe, "0 15 10 L * 6#3")),
        broken("timeCycle", "0 0 12 1-7 * 6#2", repeating, () -> never(probe, "0 0 12 1-7 * 6#2")),
        broken("timeCycle", "0 0 12 ? * ?", repeating, () -> never(probe, "0 0 12 ? * ?")),
        broken("timeCycle", "0 0 12 L-31 * ?", repeating, () -> never(probe, "0 0 12 L-31 * ?")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("takenButBroken")
  void theRuleReportsWhatTheEngineTakesButCannotRun(
      String kind, String value, Function<String, String> rule, Callable<Boolean> engineShows)
      throws Exception {
    assertThat(rule.apply(value)).as("%s '%s'", kind, value).isNotNull();
    assertThat(engineShows.call()).as("what the engine does with %s '%s'", kind, value).isTrue();
  }

  private static Arguments broken(
      String kind, String value, Function<String, String> rule, Callable<Boolean> engineShows) {
    return Arguments.of(kind, value, rule, engineShows);
  }

  private static boolean el(String text) {
    try {
      new JuelExpressionManager().createExpression(text);
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }

  private static boolean repeatFails(String cycle) {
    new CycleBusinessCalendar().resolveDuedate(cycle); // read when the timer is first scheduled
    try {
      new CycleBusinessCalendar()
          .resolveDuedate(TimerEntity.replaceRepeatCycleAndDate(cycle), null, 0L);
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }

  /**
   * No due date just after the start of a bounded cycle whose period does not move, where the same
   * cycle with a period that moves has one.
   */
  private static boolean stuck(String boundedCycle, String moving) throws Exception {
    Date start = Date.from(Instant.parse("2030-01-01T00:00:00Z"));
    Date after = new Date(start.getTime() + 1);
    return new DurationHelper(boundedCycle, start).getDateAfter(after) == null
        && new DurationHelper(moving, start).getDateAfter(after) != null;
  }

  private static boolean sameDueDate(String threeParts, String twoParts) {
    DurationBusinessCalendar calendar = new DurationBusinessCalendar();
    return calendar.resolveDuedate(threeParts).equals(calendar.resolveDuedate(twoParts));
  }

  private static boolean never(Date probe, String cron) throws Exception {
    new CycleBusinessCalendar().resolveDuedate(cron); // the engine takes it
    return CronTimer.parse(cron).getDueDate(probe).equals(probe)
        && !CronTimer.parse("0 0 12 * * ?").getDueDate(probe).equals(probe);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("values")
  void theRuleRefusesWhatTheEngineRefuses(
      String kind, String value, Function<String, String> rule, BusinessCalendar calendar) {
    assertSameVerdict(kind, value, rule, calendar);
  }

  /** The rule reports the value exactly when the engine's calendar cannot resolve it. */
  static void assertSameVerdict(
      String kind, String value, Function<String, String> rule, BusinessCalendar calendar) {
    boolean engineReads;
    try {
      calendar.resolveDuedate(value);
      engineReads = true;
    } catch (RuntimeException e) {
      engineReads = false;
    }
    String finding = rule.apply(value);
    assertThat(finding == null)
        .as(
            "%s '%s': the engine %s it, the rule says %s",
            kind, value, engineReads ? "reads" : "refuses", finding)
        .isEqualTo(engineReads);
  }

  private static Arguments date(String value) {
    Function<String, String> rule = TimerSyntax::checkDate;
    return Arguments.of("timeDate", value, rule, new DueDateBusinessCalendar());
  }

  private static Arguments duration(String value) {
    Function<String, String> rule = TimerSyntax::checkDuration;
    return Arguments.of("timeDuration", value, rule, new DurationBusinessCalendar());
  }

  private static Arguments cycle(String value) {
    Function<String, String> rule = TimerSyntax::checkCycle;
    return Arguments.of("timeCycle", value, rule, new CycleBusinessCalendar());
  }
}
