package io.checkup.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule's verdict on a timer value against the engine's own: each value goes to the business
 * calendar the engine schedules that kind of timer with ({@code timeDate}, {@code timeDuration},
 * {@code timeCycle}), and the rule reports a value exactly when the calendar throws. A user found
 * two values the rule let through and the engine refused ('-PT1H' failed every instance start, hour
 * 24 the deployment). A repeat count of 0 or less ({@code R-1}) is read by the engine and still
 * reported, on purpose: the rule's fixtures check that one. {@code user-task-due-date} reads a user
 * task's dates with the same check, as the engine reads them with the same calendar.
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
        cycle("0 0 ? * * *"));
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
