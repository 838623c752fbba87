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
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
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
  private volatile ProcessEnds processEnds;

  StatsParseListener(StatsCollector collector) {
    this.collector = collector;
  }

  /** Counts process ends in {@code ends} from now on, while it stays in place. */
  void countProcessEndsIn(ProcessEnds ends) {
    this.processEnds = ends;
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
    // completed, or cancelled from outside: where the instance's execution is removed, else at the
    // process's end
    ProcessEnds ends = processEnds;
    if (ends != null && ends.inPlace()) {
      definition.setProperty(ProcessEnds.PROPERTY, new ProcessEnds.Counters(completed, cancelled));
    } else {
      SharedDispatch.count(
          definition,
          ExecutionListener.EVENTNAME_END,
          collector,
          (collector, execution, tenantId) ->
              collector.record(execution.isCanceled() ? cancelled : completed, tenantId));
    }
  }

  /**
   * With every element parsed, and every other parse listener's work on it done: counts the flows
   * gateways leave by, the tasks each user task creates, and the branches of event-based gateways.
   *
   * <p>The engine makes no transition of an event-based gateway's flows: the event that wins
   * completes its catch event, and the others are never entered. So the end of each catch event
   * after such a gateway counts as its flow being taken; found here, with the whole file in hand.
   */
  @Override
  public void parseRootElement(Element root, List<ProcessDefinitionEntity> definitions) {
    for (ProcessDefinitionEntity definition : definitions) {
      countGatewaysAndTasks(definition, definition, hasConditionalEvents(definition));
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

  /** The gateways and user tasks of {@code scope} and of the scopes in it. */
  private void countGatewaysAndTasks(
      ScopeImpl scope, ProcessDefinitionEntity definition, boolean conditionalEvents) {
    for (ActivityImpl activity : scope.getActivities()) {
      countGatewaysAndTasks(activity, definition, conditionalEvents);
      Object type = activity.getProperty("type");
      if ("userTask".equals(type)) {
        countCreatedTasks(activity, definition);
      } else if (GATEWAYS.contains(type)) {
        countGatewayFlows(activity, definition, conditionalEvents);
      }
    }
  }

  /**
   * Whether {@code scope} or a scope in it has an event that a variable's change can make
   * interrupt: a conditional start event of an event sub-process or a conditional boundary event.
   */
  private static boolean hasConditionalEvents(ScopeImpl scope) {
    for (ActivityImpl activity : scope.getActivities()) {
      Object type = activity.getProperty("type");
      if ("conditionalStartEvent".equals(type)
          || "boundaryConditional".equals(type)
          || hasConditionalEvents(activity)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The flow a gateway leaves by is counted at the gateway's end ({@link GatewayFlows}) only where
   * the flow the engine notes there is the flow it then takes, in the same command: a gateway that
   * leaves by one flow at a time (an exclusive gateway, a join with one outgoing flow), does not
   * continue asynchronously (a job would take the flow, later or never), has no end listeners but
   * the engine's and the statistics' own and no take listeners on its flows (one may set a variable
   * or throw a BPMN error), in a process without conditional events (a condition with a side effect
   * could make one interrupt before the flow is taken). Everywhere else each flow counts at its
   * take: a split's earlier branch may end the scope (a terminate end event, a caught error) before
   * the engine takes the later flows.
   */
  private void countGatewayFlows(
      ActivityImpl gateway, ProcessDefinitionEntity definition, boolean conditionalEvents) {
    List<PvmTransition> flows = gateway.getOutgoingTransitions();
    boolean atTheEnd =
        ("exclusiveGateway".equals(gateway.getProperty("type")) || flows.size() == 1)
            && !gateway.isAsyncAfter()
            && !conditionalEvents
            && SharedDispatch.onlyEngineListeners(
                gateway.getListeners(ExecutionListener.EVENTNAME_END), collector);
    for (PvmTransition flow : flows) {
      atTheEnd &= ((TransitionImpl) flow).getListeners(ExecutionListener.EVENTNAME_TAKE).isEmpty();
    }
    if (!atTheEnd) {
      for (PvmTransition flow : flows) {
        count(
            (TransitionImpl) flow,
            ExecutionListener.EVENTNAME_TAKE,
            definition.getKey(),
            Metric.FLOW_TAKEN,
            flow.getId());
      }
      return;
    }
    GatewayFlows taken = new GatewayFlows();
    for (PvmTransition flow : flows) {
      taken.add(
          flow, new StatsCollector.Counter(definition.getKey(), Metric.FLOW_TAKEN, flow.getId()));
    }
    SharedDispatch.count(gateway, ExecutionListener.EVENTNAME_END, collector, taken);
  }

  /**
   * A user task counts the tasks it creates: in its decorator ({@link CountingTaskDecorator}) where
   * the engine's own behaviour and decorator make them, else (another plugin's behaviour) with a
   * task listener on the task's creation.
   */
  private void countCreatedTasks(ActivityImpl activity, ProcessDefinitionEntity definition) {
    StatsCollector.Counter counter =
        new StatsCollector.Counter(definition.getKey(), Metric.TASK_CREATED, activity.getId());
    TaskDefinition task = definition.getTaskDefinitions().get(activity.getId());
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      if (userTask.getClass() == UserTaskActivityBehavior.class
          && userTask.getTaskDecorator().getClass() == TaskDecorator.class) {
        activity.setActivityBehavior(
            new UserTaskActivityBehavior(
                new CountingTaskDecorator(userTask.getTaskDecorator(), collector, counter)));
        return;
      }
      // the definition the task will carry: the one its behaviour's decorator gives it
      task = userTask.getTaskDefinition();
    }
    if (task != null) {
      task.addBuiltInTaskListener(
          TaskListener.EVENTNAME_CREATE, new CountingListeners.TaskCreated(collector, counter));
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
    SharedDispatch.count(
        element,
        event,
        collector,
        SharedDispatch.Tally.of(new StatsCollector.Counter(processKey, metric, dimension)));
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
