package io.checkup.engine;

import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.rules.TimerBehaviour;
import java.util.ArrayDeque;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Timers whose due date Camunda 7.24 would look for for minutes ({@link
 * TimerBehaviour#standsStill}): a timer start event's deployment that does not finish, or a
 * transaction that holds its connection as long where a token reaches any other such timer. The
 * plugin refuses them in every lint mode, as it refuses nesting too deep for the engine's parser.
 * Only what the engine would schedule is read: timers in the processes it deploys (for a new
 * deployment, {@code isExecutable="true"}), the value it reads of each ({@code timeDate}, else
 * {@code timeCycle}, else {@code timeDuration}).
 */
final class EndlessTimers {

  private EndlessTimers() {}

  /** A timer value that stands still, and the event whose timer it is. */
  record Found(Element timer, Element event) {}

  /** The first such timer of the file, or null: a walk with a stack of its own over the scopes. */
  static Found find(Element definitions) {
    if (definitions == null) {
      return null;
    }
    ArrayDeque<Element> scopes = new ArrayDeque<>();
    for (Element process : definitions.elements("process")) {
      if (Boolean.parseBoolean(process.attribute("isExecutable"))) {
        scopes.push(process);
      }
    }
    while (!scopes.isEmpty()) {
      for (Element child : scopes.pop().elements()) {
        if (Bpmn.SUB_PROCESSES.contains(child.getTagName())) {
          scopes.push(child);
        }
        for (Element timer : child.elements("timerEventDefinition")) {
          Element value = scheduled(timer);
          if (value != null
              && !value.getTagName().equals("timeDate")
              && TimerBehaviour.standsStill(value.getText())) {
            return new Found(value, child);
          }
        }
      }
    }
    return null;
  }

  /** The value the engine schedules the timer by (BpmnParse.parseTimer), or null. */
  static Element scheduled(Element timer) {
    for (String kind : new String[] {"timeDate", "timeCycle", "timeDuration"}) {
      Element value = timer.element(kind);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** What the refusal says, naming the value and the event that holds it. */
  static String problem(Found found) {
    Element timer = found.timer();
    Element event = found.event();
    return "the timer "
        + timer.getTagName()
        + " '"
        + DeploymentLinter.safe(timer.getText().trim())
        + "' of "
        + BpmnElement.describe(event.attribute("name"), event.attribute("id"), event.getLine())
        + " repeats without moving forward in time: Camunda would look for its due date by adding"
        + " its period up to 2^31 times (once a start date has passed, or while an end date is"
        + " ahead), holding the deployment of a timer start event, or the transaction that"
        + " reaches the timer, for minutes. Refused in every lint mode; give the repetition a"
        + " period greater than zero";
  }
}
