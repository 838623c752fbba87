package io.checkup.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.camunda.bpm.engine.impl.calendar.CronTimer;

/**
 * Six-field cron expressions made of the values each field takes (days that some months lack, n-th
 * weekdays, last days, weekdays near a date, ranges that go round, lists): where {@code
 * timer-expression} says an expression matches no date, the engine's cron timer has no date to give
 * (it answers the time it was asked from, or fails); and an expression the rule takes, the engine's
 * cron parser takes. The rule says "never" only where it is sure: the engine finds no date for more
 * expressions than the rule reports (a weekday near the 15th on Sundays only), and the next date it
 * computes for some it takes fails in February (cron-utils' "Invalid date 'FEBRUARY 31'"),
 * depending on the day it is asked.
 */
class CronAgainstCamundaPropertiesTest {

  private static final Date PROBE = Date.from(Instant.parse("2030-01-01T00:00:00.500Z"));

  private static final List<List<String>> FIELDS =
      List.of(
          List.of("0", "*", "*/15", "0-30", "5,10", "+0", "00", "59"),
          List.of("0", "*", "*/5", "10-20", "0,30"),
          List.of("0", "12", "*", "23", "1-5", "*/2", "012"),
          List.of(
              "1", "15", "29", "30", "31", "L", "LW", "L-3", "L-30", "L-31", "15W", "31W", "?", "*",
              "1-7", "1/7", "28-31", "30,31", "2,29"),
          List.of("*", "2", "4", "FEB", "NOV-FEB", "DEC-JAN", "2-4", "4,6", "FEB,APR", "1/3"),
          List.of(
              "?", "*", "MON", "6#3", "6#6", "6#0", "5#5", "1#1", "6L", "FRI-MON", "5-1", "L",
              "MON,6#2", "0", "7", "1-5"));

  @Property(tries = 3000)
  void whatTheRuleCallsDatelessTheEngineFindsNoDateFor(@ForAll("cron") String cron) {
    if (TimerSyntax.checkCron(cron) != null) {
      return; // refused as written: TimerSyntaxAgainstCamundaTest
    }
    CronTimer timer;
    try {
      timer = CronTimer.parse(cron);
    } catch (Exception e) {
      throw new AssertionError(
          "the engine's cron parser refuses '" + cron + "', the rule takes it", e);
    }
    if (TimerBehaviour.check("timeCycle", cron, true) != null) {
      assertThat(dateless(timer)).as("the engine has no date for '%s'", cron).isTrue();
    }
  }

  private static boolean dateless(CronTimer timer) {
    try {
      return timer.getDueDate(PROBE).equals(PROBE);
    } catch (RuntimeException e) {
      return true; // cron-utils fails computing the next date: no date either
    }
  }

  @Provide
  Arbitrary<String> cron() {
    List<Arbitrary<String>> fields =
        FIELDS.stream()
            .map(
                values ->
                    Arbitraries.of(values)
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(2)
                        .map(list -> String.join(",", list)))
            .toList();
    return Combinators.combine(fields).as(parts -> String.join(" ", parts));
  }
}
