package io.checkup.demo;

import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.builder.SubProcessBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;

/**
 * A few words for the demo's business processes, laid out by Camunda's fluent model API (which
 * draws the diagram too, so Cockpit shows them): steps in sequence, decisions whose branches meet
 * again, parallel work, waits, sub-processes with an error path. Every element has a name, every
 * branch does something, and every choice is decided by the variables the traffic simulator sets
 * ({@code amount}, 0 to 999, and {@code variant}, A or B), each branch for at least one in ten
 * instances.
 */
final class ModelKit {

  private ModelKit() {}

  /** One step of a process. */
  sealed interface Step
      permits UserTask, Work, Decide, Together, Wait, Call, Checked, ForEach, Milestone {}

  /** Work for people of a group; with {@code remindAfter} a timer reminds the manager. */
  record UserTask(String id, String name, String group, String remindAfter) implements Step {}

  /** What a machine does. */
  enum Kind {
    SERVICE,
    SEND,
    SCRIPT,
    RULE,
    MANUAL,
    MESSAGE
  }

  /** An automated step. */
  record Work(Kind kind, String id, String name) implements Step {}

  /** An exclusive choice: one branch runs, then they meet again. */
  record Decide(String id, String question, List<Branch> branches) implements Step {}

  /** Parallel branches, all of which run, then they meet again. */
  record Together(String id, String name, List<List<Step>> branches) implements Step {}

  /** A pause (ISO 8601 duration). */
  record Wait(String id, String name, String duration) implements Step {}

  /** Another process of the same company, called and waited for. */
  record Call(String id, String name, String process) implements Step {}

  /**
   * A sub-process that fails with {@code errorCode} when {@code failsWhen} holds; the error path
   * handles it and ends there.
   */
  record Checked(
      String id,
      String name,
      List<Step> steps,
      String failsWhen,
      String errorCode,
      List<Step> onError)
      implements Step {}

  /** The same user task for several people at once (parallel multi-instance). */
  record ForEach(String id, String name, String group, int times) implements Step {}

  /** A point reached (an intermediate event without a definition). */
  record Milestone(String id, String name) implements Step {}

  /** A branch of a choice: its label, its condition and what happens on it. */
  record Branch(String name, String condition, List<Step> steps) {}

  static Step user(String id, String name, String group) {
    return new UserTask(id, name, group, null);
  }

  static Step user(String id, String name, String group, String remindAfter) {
    return new UserTask(id, name, group, remindAfter);
  }

  static Step service(String id, String name) {
    return new Work(Kind.SERVICE, id, name);
  }

  static Step send(String id, String name) {
    return new Work(Kind.SEND, id, name);
  }

  static Step script(String id, String name) {
    return new Work(Kind.SCRIPT, id, name);
  }

  static Step rule(String id, String name) {
    return new Work(Kind.RULE, id, name);
  }

  static Step manual(String id, String name) {
    return new Work(Kind.MANUAL, id, name);
  }

  static Step message(String id, String name) {
    return new Work(Kind.MESSAGE, id, name);
  }

  static Branch when(String name, String condition, Step... steps) {
    return new Branch(name, condition, List.of(steps));
  }

  static Step decide(String id, String question, Branch... branches) {
    return new Decide(id, question, List.of(branches));
  }

  @SafeVarargs
  static Step together(String id, String name, List<Step>... branches) {
    return new Together(id, name, List.of(branches));
  }

  static Step waitFor(String id, String name, String duration) {
    return new Wait(id, name, duration);
  }

  static Step call(String id, String name, String process) {
    return new Call(id, name, process);
  }

  static Step milestone(String id, String name) {
    return new Milestone(id, name);
  }

  static Step forEach(String id, String name, String group, int times) {
    return new ForEach(id, name, group, times);
  }

  /** A process: its key, its name, what starts it, its steps and how it ends. */
  static DemoModels.Model process(
      String key, String name, String startName, String endName, Step... steps) {
    ProcessBuilder process = Bpmn.createExecutableProcess(key).name(name);
    process.camundaHistoryTimeToLive(30);
    AbstractFlowNodeBuilder<?, ?> builder = process.startEvent(key + "Start").name(startName);
    builder = steps(builder, List.of(steps));
    BpmnModelInstance model = builder.endEvent(key + "End").name(endName).done();
    for (MessageEventDefinition message :
        model.getModelElementsByType(MessageEventDefinition.class)) {
      if (message.getParentElement() instanceof IntermediateThrowEvent) {
        message.setCamundaExpression("${true}");
      }
    }
    return new DemoModels.Model(key + ".bpmn", model);
  }

  private static AbstractFlowNodeBuilder<?, ?> steps(
      AbstractFlowNodeBuilder<?, ?> builder, List<Step> steps) {
    for (Step step : steps) {
      builder = step(builder, step);
    }
    return builder;
  }

  private static AbstractFlowNodeBuilder<?, ?> step(
      AbstractFlowNodeBuilder<?, ?> builder, Step step) {
    if (step instanceof UserTask task) {
      return userTask(builder, task);
    }
    if (step instanceof Work work) {
      return work(builder, work);
    }
    if (step instanceof Decide decide) {
      builder = builder.exclusiveGateway(decide.id()).name(decide.question());
      return branches(builder, decide.id(), decide.question(), decide.branches());
    }
    if (step instanceof Together together) {
      return together(builder, together);
    }
    if (step instanceof Wait wait) {
      return builder
          .intermediateCatchEvent(wait.id())
          .name(wait.name())
          .timerWithDuration(wait.duration());
    }
    if (step instanceof Call call) {
      // the called process decides on the same variables as its caller: passed in, or its first
      // condition fails on an unknown property
      return builder
          .callActivity(call.id())
          .name(call.name())
          .calledElement(call.process())
          .camundaIn("amount", "amount")
          .camundaIn("variant", "variant");
    }
    if (step instanceof Checked checked) {
      return checked(builder, checked);
    }
    if (step instanceof ForEach each) {
      return builder
          .userTask(each.id())
          .name(each.name())
          .camundaCandidateGroups(each.group())
          .multiInstance()
          .parallel()
          .cardinality(String.valueOf(each.times()))
          .<UserTaskBuilder>multiInstanceDone();
    }
    Milestone milestone = (Milestone) step;
    return builder.intermediateThrowEvent(milestone.id()).name(milestone.name());
  }

  private static AbstractFlowNodeBuilder<?, ?> together(
      AbstractFlowNodeBuilder<?, ?> builder, Together together) {
    builder = builder.parallelGateway(together.id()).name(together.name());
    String join = together.id() + "Done";
    for (int i = 0; i < together.branches().size(); i++) {
      if (i > 0) {
        builder = builder.moveToNode(together.id());
      }
      builder = steps(builder, together.branches().get(i));
      builder =
          i == 0
              ? builder.parallelGateway(join).name(together.name() + " done")
              : builder.connectTo(join);
    }
    return builder.moveToNode(join);
  }

  private static AbstractFlowNodeBuilder<?, ?> userTask(
      AbstractFlowNodeBuilder<?, ?> builder, UserTask task) {
    UserTaskBuilder user =
        builder.userTask(task.id()).name(task.name()).camundaCandidateGroups(task.group());
    if (task.remindAfter() == null) {
      return user;
    }
    return user.boundaryEvent(task.id() + "Late")
        .name(task.name() + " late")
        .cancelActivity(false)
        .timerWithDuration(task.remindAfter())
        .sendTask(task.id() + "Remind")
        .name("Remind the manager")
        .camundaExpression("${true}")
        .endEvent(task.id() + "Reminded")
        .name("Manager reminded")
        .<UserTaskBuilder>moveToActivity(task.id());
  }

  private static AbstractFlowNodeBuilder<?, ?> work(
      AbstractFlowNodeBuilder<?, ?> builder, Work work) {
    return switch (work.kind()) {
      case SERVICE -> builder.serviceTask(work.id()).name(work.name()).camundaExpression("${true}");
      case SEND -> builder.sendTask(work.id()).name(work.name()).camundaExpression("${true}");
      case SCRIPT ->
          builder
              .scriptTask(work.id())
              .name(work.name())
              .scriptFormat("juel")
              .scriptText("${amount}")
              .camundaResultVariable(work.id() + "Result");
      case RULE ->
          builder.businessRuleTask(work.id()).name(work.name()).camundaExpression("${true}");
      case MANUAL -> builder.manualTask(work.id()).name(work.name());
      case MESSAGE ->
          // the engine sends it as a send task: its expression is set once the model is built
          builder.intermediateThrowEvent(work.id()).name(work.name()).message(work.id());
    };
  }

  /** The branches of a choice, each from the gateway to the one where they meet. */
  private static AbstractFlowNodeBuilder<?, ?> branches(
      AbstractFlowNodeBuilder<?, ?> builder, String id, String question, List<Branch> branches) {
    String join = id + "Done";
    for (int i = 0; i < branches.size(); i++) {
      Branch branch = branches.get(i);
      if (i > 0) {
        builder = builder.moveToNode(id);
      }
      builder = builder.condition(branch.name(), branch.condition());
      builder = steps(builder, branch.steps());
      if (i == 0) {
        builder = builder.exclusiveGateway(join).name(question + " handled");
      } else {
        builder = builder.connectTo(join);
      }
    }
    return builder.moveToNode(join);
  }

  /** A sub-process with its steps, an error end when it fails, and the error path outside. */
  private static AbstractFlowNodeBuilder<?, ?> checked(
      AbstractFlowNodeBuilder<?, ?> builder, Checked checked) {
    SubProcessBuilder sub = builder.subProcess(checked.id()).name(checked.name());
    AbstractFlowNodeBuilder<?, ?> inside =
        sub.embeddedSubProcess().startEvent(checked.id() + "Begin").name(checked.name() + " begun");
    inside = steps(inside, checked.steps());
    String outcome = checked.id() + "Outcome";
    inside =
        inside
            .exclusiveGateway(outcome)
            .name(checked.name() + " passed?")
            .condition("failed", checked.failsWhen())
            .endEvent(checked.id() + "Failed")
            .name(checked.name() + " failed")
            .error(checked.errorCode())
            .moveToNode(outcome)
            .condition("passed", "${!(" + strip(checked.failsWhen()) + ")}")
            .endEvent(checked.id() + "Passed")
            .name(checked.name() + " passed");
    AbstractFlowNodeBuilder<?, ?> error =
        inside
            .subProcessDone()
            .boundaryEvent(checked.id() + "Error")
            .name(checked.name() + " failed")
            .error(checked.errorCode());
    error = steps(error, checked.onError());
    return error
        .endEvent(checked.id() + "Handled")
        .name(checked.name() + " failure handled")
        .<SubProcessBuilder>moveToActivity(checked.id());
  }

  /** An expression's body: {@code ${amount > 900}} is {@code amount > 900}. */
  private static String strip(String expression) {
    return expression.substring(2, expression.length() - 1);
  }
}
