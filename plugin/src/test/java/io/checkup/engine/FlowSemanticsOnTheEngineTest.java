package io.checkup.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.lint.Finding;
import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.RuleCatalog;
import io.checkup.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The flow rules claim to play the token game as Camunda 7 executes a model. Here the engine itself
 * runs the shapes whose verdicts rest on a reading of Camunda's behaviour, and the lint's verdict
 * is checked against what the engine did: an escalation caught by an interrupting or a
 * non-interrupting event inside a sub-process with a parallel join, and an inclusive join that only
 * a boundary event's path feeds from a running activity.
 */
class FlowSemanticsOnTheEngineTest {

  private final Linter linter = new Linter(LintConfig.defaults(RuleCatalog.standard()));
  private ProcessEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private static String escalation(String catchAttributes) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <escalation id="late" escalationCode="LATE"/>
          <process id="check" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="start"/>
            <subProcess id="sub" name="Check">
              <startEvent id="in"/>
              <parallelGateway id="fork"/>
              <exclusiveGateway id="valid" name="Valid?" default="yes"/>
              <endEvent id="escalate"><escalationEventDefinition escalationRef="late"/></endEvent>
              <serviceTask id="other" name="Other" camunda:expression="${true}"/>
              <parallelGateway id="join" name="Inner join"/>
              <endEvent id="done"/>
              <sequenceFlow id="a" sourceRef="in" targetRef="fork"/>
              <sequenceFlow id="b" sourceRef="fork" targetRef="valid"/>
              <sequenceFlow id="c" sourceRef="fork" targetRef="other"/>
              <sequenceFlow id="no" sourceRef="valid" targetRef="escalate">
                <conditionExpression>${!ok}</conditionExpression>
              </sequenceFlow>
              <sequenceFlow id="yes" sourceRef="valid" targetRef="join"/>
              <sequenceFlow id="d" sourceRef="other" targetRef="join"/>
              <sequenceFlow id="e" sourceRef="join" targetRef="done"/>
            </subProcess>
            <boundaryEvent id="escalated" attachedToRef="sub" %s>
              <escalationEventDefinition escalationRef="late"/>
            </boundaryEvent>
            <serviceTask id="notify" name="Notify" camunda:expression="${true}"/>
            <endEvent id="notified"/>
            <endEvent id="end"/>
            <sequenceFlow id="f" sourceRef="start" targetRef="sub"/>
            <sequenceFlow id="g" sourceRef="sub" targetRef="end"/>
            <sequenceFlow id="h" sourceRef="escalated" targetRef="notify"/>
            <sequenceFlow id="i" sourceRef="notify" targetRef="notified"/>
          </process>
        </definitions>
        """
        .formatted(catchAttributes);
  }

  private List<String> rules(String xml) {
    return linter.lint(xml.getBytes(StandardCharsets.UTF_8)).findings().stream()
        .map(Finding::ruleId)
        .toList();
  }

  /** Deploys the escalation shape and starts it on the path that escalates. */
  private ProcessInstance escalate(String xml) {
    deploy(xml);
    return engine.getRuntimeService().startProcessInstanceByKey("check", Map.of("ok", false));
  }

  /** The executions of the instance that wait at the inner join. */
  private long waitingAtJoin(ProcessInstance instance) {
    return engine
        .getRuntimeService()
        .createExecutionQuery()
        .processInstanceId(instance.getId())
        .activityId("join")
        .count();
  }

  private void deploy(String xml) {
    engine = TestEngines.h2().history("full").build();
    engine.getRepositoryService().createDeployment().addString("m.bpmn", xml).deploy();
  }

  @Test
  void anEscalationAnInterruptingEventCatchesLeavesNothingWaiting() {
    String xml = escalation("cancelActivity=\"true\"");
    ProcessInstance instance = escalate(xml);

    // the sub-process is cancelled with the token waiting at its join: the instance ends
    assertThat(instance.isEnded()).isTrue();
    assertThat(rules(xml)).doesNotContain("deadlock");
  }

  @Test
  void anEscalationANonInterruptingEventCatchesLeavesTheJoinWaitingForever() {
    String xml = escalation("cancelActivity=\"false\"");
    ProcessInstance instance = escalate(xml);

    // the escalation's path ran, and the other branch's token waits at the join for good
    assertThat(instance.isEnded()).isFalse();
    assertThat(waitingAtJoin(instance)).isEqualTo(1);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .activityId("notify")
                .count())
        .isEqualTo(1);
    assertThat(rules(xml)).contains("deadlock");
  }

  @Test
  void cancelActivityWrittenAsOneIsFalseToCamunda() {
    // the schema allows "1" for true; Camunda compares the text with "true", so the event runs
    // beside the sub-process as a non-interrupting one would, and the lint reads it the same way
    String xml = escalation("cancelActivity=\"1\"");
    ProcessInstance instance = escalate(xml);

    assertThat(instance.isEnded()).isFalse();
    assertThat(waitingAtJoin(instance)).isEqualTo(1);
    assertThat(rules(xml)).contains("deadlock");
  }

  /**
   * The escalation of {@link #escalation}, caught by an event sub-process of the process instead.
   */
  private static String escalationToEventSubProcess(String interrupting) {
    return escalation("cancelActivity=\"false\"")
        .replace(
            "<escalationEventDefinition escalationRef=\"late\"/>\n    </boundaryEvent>",
            "<escalationEventDefinition escalationRef=\"nothing-throws-this\"/>\n    </boundaryEvent>")
        .replace(
            "<escalation id=\"late\" escalationCode=\"LATE\"/>",
            "<escalation id=\"late\" escalationCode=\"LATE\"/>\n"
                + "  <escalation id=\"nothing-throws-this\" escalationCode=\"OTHER\"/>")
        .replace(
            "<endEvent id=\"end\"/>",
            "<endEvent id=\"end\"/>\n"
                + "    <subProcess id=\"handler\" triggeredByEvent=\"true\">\n"
                + "      <startEvent id=\"caught\" isInterrupting=\""
                + interrupting
                + "\"><escalationEventDefinition escalationRef=\"late\"/></startEvent>\n"
                + "      <endEvent id=\"handled\"/>\n"
                + "      <sequenceFlow id=\"x\" sourceRef=\"caught\" targetRef=\"handled\"/>\n"
                + "    </subProcess>");
  }

  @Test
  void isInterruptingWrittenAsOneIsFalseToCamunda() {
    String written = escalationToEventSubProcess("true");
    ProcessInstance interrupted = escalate(written);
    assertThat(interrupted.isEnded()).as("isInterrupting=true ends the instance").isTrue();
    assertThat(rules(written)).doesNotContain("deadlock");
    engine.close();

    String one = escalationToEventSubProcess("1");
    ProcessInstance instance = escalate(one);

    assertThat(instance.isEnded()).as("isInterrupting=1 runs beside the sub-process").isFalse();
    assertThat(waitingAtJoin(instance)).isEqualTo(1);
    assertThat(rules(one)).contains("deadlock");
  }

  @Test
  void anInclusiveJoinOnlyABoundaryPathFeedsFiresTwice() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <process id="order" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <serviceTask id="prepare" name="Prepare" camunda:expression="${true}"/>
            <userTask id="approve" name="Approve"/>
            <boundaryEvent id="late" name="Late" attachedToRef="approve">
              <timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition>
            </boundaryEvent>
            <inclusiveGateway id="ready" name="Ready"/>
            <serviceTask id="ship" name="Ship" camunda:expression="${true}"/>
            <endEvent id="shipped"/>
            <endEvent id="approved"/>
            <sequenceFlow id="a" sourceRef="start" targetRef="fork"/>
            <sequenceFlow id="b" sourceRef="fork" targetRef="prepare"/>
            <sequenceFlow id="c" sourceRef="fork" targetRef="approve"/>
            <sequenceFlow id="d" sourceRef="prepare" targetRef="ready"/>
            <sequenceFlow id="e" sourceRef="late" targetRef="ready"/>
            <sequenceFlow id="f" sourceRef="approve" targetRef="approved"/>
            <sequenceFlow id="g" sourceRef="ready" targetRef="ship"/>
            <sequenceFlow id="h" sourceRef="ship" targetRef="shipped"/>
          </process>
        </definitions>
        """;
    deploy(xml);

    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("order");
    // the join did not wait for 'Approve', whose timer could still bring a token
    assertThat(shipped()).isEqualTo(1);
    fireItsJob(instance);

    assertThat(shipped()).as("'Ship' ran again when the timer fired").isEqualTo(2);
    assertThat(rules(xml)).contains("lack-of-synchronization");
  }

  /**
   * Camunda asks an inclusive join only when a token arrives at it: 'Check' arrives while 'Approve'
   * can still come and waits; 'Approve' then goes to its own end, and nothing asks the join again.
   * The instance stays with a token at the join and nothing to do: a deadlock
   * (camunda/camunda#19460).
   */
  @Test
  void anInclusiveJoinIsAskedOnlyWhenATokenArrives() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <process id="order" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <userTask id="check" name="Check"/>
            <userTask id="approve" name="Approve"/>
            <exclusiveGateway id="ok" name="Approved?" default="no"/>
            <inclusiveGateway id="join" name="Both?"/>
            <serviceTask id="ship" name="Ship" camunda:expression="${true}"/>
            <endEvent id="shipped"/>
            <endEvent id="rejected"/>
            <sequenceFlow id="a" sourceRef="start" targetRef="fork"/>
            <sequenceFlow id="b" sourceRef="fork" targetRef="check"/>
            <sequenceFlow id="c" sourceRef="fork" targetRef="approve"/>
            <sequenceFlow id="d" sourceRef="check" targetRef="join"/>
            <sequenceFlow id="e" sourceRef="approve" targetRef="ok"/>
            <sequenceFlow id="yes" sourceRef="ok" targetRef="join">
              <conditionExpression>${approved}</conditionExpression>
            </sequenceFlow>
            <sequenceFlow id="no" sourceRef="ok" targetRef="rejected"/>
            <sequenceFlow id="f" sourceRef="join" targetRef="ship"/>
            <sequenceFlow id="g" sourceRef="ship" targetRef="shipped"/>
          </process>
        </definitions>
        """;
    deploy(xml);

    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("order");
    complete(instance, "check", Map.of());
    complete(instance, "approve", Map.of("approved", false));

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
    assertThat(engine.getManagementService().createJobQuery().count()).isZero();
    assertThat(waitingAtJoin(instance)).isEqualTo(1);
    assertThat(shipped()).isZero();
    assertThat(rules(xml)).contains("deadlock");
  }

  private void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey(taskKey)
            .singleResult();
    engine.getTaskService().complete(task.getId(), variables);
  }

  private long shipped() {
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .activityId("ship")
        .count();
  }

  /**
   * A loop that waits, beside a path that ends with a terminate end event, is left when that path
   * ends: the fixture {@code rules/fake-branch/valid-terminate-beside.bpmn}, run on the engine.
   */
  @Test
  void aTerminateEndEventBesideAWaitingLoopEndsIt() throws Exception {
    String xml;
    try (var in =
        getClass().getResourceAsStream("/rules/fake-branch/valid-terminate-beside.bpmn")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    deploy(xml);
    var runtime = engine.getRuntimeService();

    // the pizza is delivered while the customer's call is awaited
    ProcessInstance pizza = runtime.startProcessInstanceByKey("Pizza");
    runtime.createMessageCorrelation("whereIsMyPizza").processInstanceId(pizza.getId()).correlate();
    complete(pizza, "pCalm", Map.of());
    complete(pizza, "pBake", Map.of());
    assertThat(ended(pizza)).as("delivered: the loop is ended").isTrue();

    // the loop's reminder escalates
    ProcessInstance escalate = runtime.startProcessInstanceByKey("Escalate");
    complete(escalate, "eWork", Map.of());
    fireItsJob(escalate);
    assertThat(ended(escalate)).as("escalated: the loop is ended").isTrue();

    // the customer cancels beside the sub-process's loop
    ProcessInstance around = runtime.startProcessInstanceByKey("Around");
    complete(around, "aServe", Map.of());
    runtime.createMessageCorrelation("cancel").processInstanceId(around.getId()).correlate();
    assertThat(ended(around)).as("cancelled: the sub-process's loop is ended").isTrue();

    assertThat(rules(xml)).doesNotContain("fake-branch");
  }

  /**
   * A timer on an asynchronous task that runs code: the parallel join behind it, fed by the task
   * and the timer's path, would deadlock if the timer could fire. {@code loop} is put on the task
   * as its multi-instance characteristics, or nothing.
   */
  private static String timerOnAsyncTask(String taskAttributes, String loop) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <process id="charge" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <serviceTask id="pay" name="Charge" camunda:expression="${true}" %s>%s</serviceTask>
            <boundaryEvent id="late" name="Late" attachedToRef="pay">
              <timerEventDefinition><timeDuration>PT1M</timeDuration></timerEventDefinition>
            </boundaryEvent>
            <endEvent id="gaveUp"/>
            <userTask id="ship" name="Ship"/>
            <parallelGateway id="join" name="Both done"/>
            <endEvent id="end"/>
            <sequenceFlow id="a" sourceRef="start" targetRef="fork"/>
            <sequenceFlow id="b" sourceRef="fork" targetRef="pay"/>
            <sequenceFlow id="c" sourceRef="fork" targetRef="ship"/>
            <sequenceFlow id="d" sourceRef="pay" targetRef="join"/>
            <sequenceFlow id="e" sourceRef="ship" targetRef="join"/>
            <sequenceFlow id="f" sourceRef="late" targetRef="gaveUp"/>
            <sequenceFlow id="g" sourceRef="join" targetRef="end"/>
          </process>
        </definitions>
        """
        .formatted(taskAttributes, loop);
  }

  /**
   * Runs the instance's jobs one by one until none is left, and says whether a timer was among
   * them.
   */
  private boolean runJobsSawTimer(ProcessInstance instance) {
    var management = engine.getManagementService();
    boolean timer = false;
    for (int i = 0; i < 10; i++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).list();
      if (jobs.isEmpty()) {
        return timer;
      }
      timer |= management.createJobQuery().processInstanceId(instance.getId()).timers().count() > 0;
      Job next =
          jobs.stream().filter(job -> job.getDuedate() == null).findFirst().orElse(jobs.get(0));
      management.executeJob(next.getId());
    }
    return timer;
  }

  @Test
  void aTimerOnAnAsynchronousCodeTaskNeverWaitsSoTheJoinGetsBothTokens() {
    for (String async : List.of("camunda:asyncBefore=\"true\"", "camunda:asyncAfter=\"true\"")) {
      String xml = timerOnAsyncTask(async, "");
      deploy(xml);
      ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("charge");

      // the job runs before the task and its timer exist (asyncBefore), or after both are gone
      // (asyncAfter): no timer job is ever there to fire
      assertThat(runJobsSawTimer(instance)).as(async).isFalse();
      complete(instance, "ship", Map.of());
      assertThat(ended(instance)).as(async + ": the join fired").isTrue();
      assertThat(rules(xml)).as(async).doesNotContain("deadlock");
      engine.close();
      engine = null;
    }
  }

  @Test
  void aTimerOnAMultiInstanceTaskWithAsynchronousInstancesCanFire() {
    String xml =
        timerOnAsyncTask(
            "",
            "<multiInstanceLoopCharacteristics camunda:asyncBefore=\"true\">"
                + "<loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics>");
    deploy(xml);
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("charge");

    // the timer belongs to the whole task, created before its instances wait for their jobs
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .count())
        .isEqualTo(1);
    assertThat(rules(xml)).contains("deadlock");
  }

  /**
   * Without outgoing flows an asyncAfter task ends only after its job, and its non-interrupting
   * timer waits beside that job: its path and the other branch both pass the merge (a reviewer's
   * model, run on the engine).
   */
  @Test
  void aTimerOnAnAsyncAfterTaskWithoutOutgoingFlowsCanFire() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <process id="charge" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <serviceTask id="pay" name="Charge" camunda:expression="${true}"
                         camunda:asyncAfter="true"/>
            <boundaryEvent id="late" name="Late" attachedToRef="pay" cancelActivity="false">
              <timerEventDefinition><timeDuration>PT1M</timeDuration></timerEventDefinition>
            </boundaryEvent>
            <userTask id="ship" name="Ship"/>
            <exclusiveGateway id="merge" name="Merge"/>
            <serviceTask id="book" name="Book" camunda:expression="${true}"/>
            <endEvent id="end"/>
            <sequenceFlow id="a" sourceRef="start" targetRef="fork"/>
            <sequenceFlow id="b" sourceRef="fork" targetRef="pay"/>
            <sequenceFlow id="c" sourceRef="fork" targetRef="ship"/>
            <sequenceFlow id="d" sourceRef="late" targetRef="merge"/>
            <sequenceFlow id="e" sourceRef="ship" targetRef="merge"/>
            <sequenceFlow id="f" sourceRef="merge" targetRef="book"/>
            <sequenceFlow id="g" sourceRef="book" targetRef="end"/>
          </process>
        </definitions>
        """;
    deploy(xml);
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("charge");
    var management = engine.getManagementService();

    Job timer =
        management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(timer).as("the timer waits beside the asyncAfter job").isNotNull();
    management.executeJob(timer.getId());
    complete(instance, "ship", Map.of());
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .activityId("book")
                .count())
        .as("'Book' ran for the timer's path and for the other branch")
        .isEqualTo(2);
    assertThat(rules(xml)).contains("lack-of-synchronization");
  }

  /** Runs the instance's one job (its timer) now. */
  private void fireItsJob(ProcessInstance instance) {
    Job job =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(instance.getId())
            .singleResult();
    engine.getManagementService().executeJob(job.getId());
  }

  private boolean ended(ProcessInstance instance) {
    return engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(instance.getId())
            .count()
        == 0;
  }
}
