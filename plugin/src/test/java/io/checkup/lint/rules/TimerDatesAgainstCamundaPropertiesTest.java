package io.checkup.lint.rules;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;

/**
 * A timer's {@code timeDate} and a user task's due and follow-up dates: for text made of the pieces
 * dates, times and periods are made of, in any order and case, {@code timer-expression} and {@code
 * user-task-due-date} report a value exactly when the engine's calendar cannot resolve it. (A
 * modeler's trial found the rule's own reading refusing 'P', 'P-3D' and '2030-12-24t17:00:00z',
 * which the engine takes.)
 */
class TimerDatesAgainstCamundaPropertiesTest {

  private static final List<String> PIECES =
      List.of(
          "P",
          "p",
          "T",
          "t",
          "Z",
          "z",
          "W",
          "-",
          "+",
          ":",
          ".",
          ",",
          " ",
          "Y",
          "M",
          "D",
          "H",
          "S",
          "d",
          "h",
          "m",
          "s",
          "w",
          "0",
          "1",
          "2",
          "5",
          "12",
          "24",
          "30",
          "59",
          "60",
          "2030",
          "-12-24",
          "-02-29",
          "T17:00:00",
          "+01:00",
          "R",
          "/");

  private final DueDateBusinessCalendar calendar = new DueDateBusinessCalendar();

  @Property(tries = 5000)
  void aDateIsReportedExactlyWhenTheEngineCannotResolveIt(@ForAll("dateLike") String value) {
    TimerSyntaxAgainstCamundaTest.assertSameVerdict(
        "timeDate", value, TimerSyntax::checkDate, calendar);
  }

  @Provide
  Arbitrary<String> dateLike() {
    return Arbitraries.of(PIECES)
        .list()
        .ofMinSize(1)
        .ofMaxSize(7)
        .map(list -> String.join("", list));
  }
}
