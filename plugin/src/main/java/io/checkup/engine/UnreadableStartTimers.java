package io.checkup.engine;

import io.checkup.lint.rules.TimerBehaviour;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Timer start events of a process whose timer Camunda 7.24 cannot read ({@code timer-expression}'s
 * "cannot be parsed": {@code 01.01.2030}, a seven-field cron, {@code PT1H} as a cycle). The engine
 * schedules such a timer when it deploys the process, after its parse has taken the model, and the
 * deployment fails there with an exception that quotes the value but names no element (an HTTP
 * 500). Knowing that during the parse, warn mode answers with the problem report instead, as it
 * does for a parse that fails. Only the timers the engine schedules at deployment are read: start
 * events directly in an executable process (not in a sub-process), the value the engine uses of
 * each.
 */
final class UnreadableStartTimers {

  private UnreadableStartTimers() {}

  /** Whether the file has such a timer. */
  static boolean any(Element definitions) {
    if (definitions == null) {
      return false;
    }
    for (Element process : definitions.elements("process")) {
      if (!Boolean.parseBoolean(process.attribute("isExecutable"))) {
        continue;
      }
      for (Element start : process.elements("startEvent")) {
        for (Element timer : start.elements("timerEventDefinition")) {
          Element value = EndlessTimers.scheduled(timer);
          if (value != null && TimerBehaviour.cannotBeRead(value.getTagName(), value.getText())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
