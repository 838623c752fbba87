package io.checkup.stats;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.core.model.CoreModelElement;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.task.TaskDecorator;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Puts the counting listeners on every definition the engine parses: at deployment and whenever a
 * definition is loaded into the cache again (after a restart, on another node), so counting goes on
 * wherever the process runs. Like the engine's own metrics listener, it adds built-in listeners,
 * which run even when an API call skips custom listeners, and at every history level, {@code none}
 * included.
 */
final class StatsParseListener extends AbstractBpmnParseListener {

  private static final Set<String> GATEWAYS =
      Set.of("exclusiveGateway", "inclusiveGateway", "parallelGateway", "complexGateway");

  private final StatsCollector collector;

  StatsParseListener(StatsCollector collector) {
    this.collector = collector;
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
    count(
        definition,
        ExecutionListener.EVENTNAME_START,
        definition.getKey(),
        Metric.INSTANCE_STARTED,
        "");
    StatsCollector.Counter completed =
        new StatsCollector.Counter(definition.getKey(), Metric.INSTANCE_COMPLETED, "");
    StatsCollector.Counter cancelled =
        new StatsCollector.Counter(definition.getKey(), Metric.INSTANCE_CANCELLED, "");
    // completed, or cancelled from outside
    SharedDispatch.count(
        definition,
        ExecutionListener.EVENTNAME_END,
        collector,
        (collector, execution, tenantId) ->
            collector.record(execution.isCanceled() ? cancelled : completed, tenantId));
  }

  @Override
  public void parseSequenceFlow(Element flowElement, ScopeImpl scope, TransitionImpl transition) {
    ActivityImpl source = transition.getSource();
    Object type = source == null ? null : source.getProperty("type");
    if (type == null) {
      return;
    }
    if (!GATEWAYS.contains(type)) {
      return;
    }
    if (source.isAsyncAfter()) {
      // the flows are taken in a job of their own, later (or never, if the instance ends first)
      count(
          transition,
          ExecutionListener.EVENTNAME_TAKE,
          keyOf(source),
          Metric.FLOW_TAKEN,
          transition.getId());
    } else {
      SharedDispatch.tally(
              source,
              ExecutionListener.EVENTNAME_END,
              collector,
              GatewayFlows.class,
              GatewayFlows::new)
          .add(
              transition,
              new StatsCollector.Counter(keyOf(source), Metric.FLOW_TAKEN, transition.getId()));
    }
  }

  /**
   * With every element parsed, and every other parse listener's work on it done: counts the tasks
   * each user task creates, and the branches of event-based gateways.
   *
   * <p>The engine makes no transition of an event-based gateway's flows (so {@link
   * #parseSequenceFlow} never sees them): the event that wins completes its catch event, and the
   * others are never entered. So the end of each catch event after such a gateway counts as its
   * flow being taken; found here, with the whole file in hand.
   */
  @Override
  public void parseRootElement(Element root, List<ProcessDefinitionEntity> definitions) {
    for (ProcessDefinitionEntity definition : definitions) {
      countCreatedTasks(definition, definition);
      for (Element process : root.elements("process")) {
        if (definition.getKey().equals(process.attribute("id"))) {
          countEventBasedBranches(process, definition);
        }
      }
    }
  }

  private void countEventBasedBranches(Element scope, ProcessDefinitionEntity definition) {
    Set<String> gateways = new HashSet<>();
    for (Element child : scope.elements()) {
      if ("eventBasedGateway".equals(child.getTagName())) {
        gateways.add(child.attribute("id"));
      } else if (child.getTagName().equals("subProcess")
          || child.getTagName().equals("transaction")) {
        countEventBasedBranches(child, definition);
      }
    }
    if (gateways.isEmpty()) {
      return;
    }
    for (Element flow : scope.elements("sequenceFlow")) {
      if (gateways.contains(flow.attribute("sourceRef"))) {
        ActivityImpl target = definition.findActivity(flow.attribute("targetRef"));
        if (target != null) {
          count(
              target,
              ExecutionListener.EVENTNAME_END,
              definition.getKey(),
              Metric.FLOW_TAKEN,
              flow.attribute("id"));
        }
      }
    }
  }

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      userTask
          .getTaskDefinition()
          .addBuiltInTaskListener(
              TaskListener.EVENTNAME_ASSIGNMENT,
              new CountingListeners.TaskAssigned(collector, keyOf(activity)));
    }
  }

  /**
   * Every user task of {@code scope} and the scopes in it counts the tasks it creates: in its
   * decorator ({@link CountingTaskDecorator}) where the engine's own behaviour and decorator make
   * them, else (another plugin's behaviour) with a task listener on the task's creation.
   */
  private void countCreatedTasks(ScopeImpl scope, ProcessDefinitionEntity definition) {
    for (ActivityImpl activity : scope.getActivities()) {
      countCreatedTasks(activity, definition);
      if (!"userTask".equals(activity.getProperty("type"))) {
        continue;
      }
      StatsCollector.Counter counter =
          new StatsCollector.Counter(definition.getKey(), Metric.TASK_CREATED, activity.getId());
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask
          && userTask.getClass() == UserTaskActivityBehavior.class
          && userTask.getTaskDecorator().getClass() == TaskDecorator.class) {
        activity.setActivityBehavior(
            new UserTaskActivityBehavior(
                new CountingTaskDecorator(userTask.getTaskDecorator(), collector, counter)));
      } else {
        TaskDefinition task = definition.getTaskDefinitions().get(activity.getId());
        if (task != null) {
          task.addBuiltInTaskListener(
              TaskListener.EVENTNAME_CREATE, new CountingListeners.TaskCreated(collector, counter));
        }
      }
    }
  }

  private void countEnd(ActivityImpl activity) {
    count(
        activity,
        ExecutionListener.EVENTNAME_END,
        keyOf(activity),
        Metric.ACTIVITY_ENDED,
        activity.getId());
  }

  private void count(
      CoreModelElement element, String event, String processKey, Metric metric, String dimension) {
    StatsCollector.Counter counter = new StatsCollector.Counter(processKey, metric, dimension);
    SharedDispatch.count(
        element,
        event,
        collector,
        (collector, execution, tenantId) -> collector.record(counter, tenantId));
  }

  private static String keyOf(ActivityImpl activity) {
    ProcessDefinitionImpl definition = activity.getProcessDefinition();
    return definition instanceof ProcessDefinitionEntity entity
        ? entity.getKey()
        : definition.getId();
  }

  // every kind of activity counts its ends, per element id

  @Override
  public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseExclusiveGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseInclusiveGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseParallelGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseEventBasedGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseScriptTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseManualTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseTransaction(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }

  @Override
  public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    countEnd(activity);
  }
}
