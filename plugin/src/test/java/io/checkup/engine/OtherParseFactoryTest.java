package io.checkup.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.checkup.lint.Finding;
import io.checkup.testing.LogCapture;
import io.checkup.testing.TestEngines;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.DefaultBpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where another plugin has put its own {@code BpmnParseFactory} in place, the lint runs from a
 * parse listener (docs/lint.md): findings are kept and logged per resource by its name, and strict
 * mode refuses with one problem that lists every error.
 */
class OtherParseFactoryTest {

  /** Another plugin's factory: the engine's own, under a class of its own. */
  static final class OtherFactory extends DefaultBpmnParseFactory {}

  private final LogCapture log = LogCapture.of("io.checkup");
  private ProcessEngine engine;

  @AfterEach
  void close() {
    log.close();
    if (engine != null) {
      engine.close();
    }
  }

  private CheckupProcessEnginePlugin start(String mode) {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode(mode);
    ProcessEngineConfigurationImpl configuration = TestEngines.h2().plugin(plugin).configuration();
    configuration.setBpmnParseFactory(new OtherFactory());
    engine = configuration.buildProcessEngine();
    return plugin;
  }

  /** A user task nobody is offered: a warning. */
  private static BpmnModelInstance unassigned(String key) {
    return Bpmn.createExecutableProcess(key)
        .name("Process " + key + " > first")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask(key + "Task")
        .endEvent()
        .done();
  }

  @Test
  void warnModeKeepsAndLogsTheFindingsOfEachResourceUnderItsName() {
    CheckupProcessEnginePlugin plugin = start("warn");
    assertThat(log.linesContaining("already uses a custom BpmnParseFactory"))
        .singleElement()
        .asString()
        .contains(OtherFactory.class.getName());

    Deployment deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance("first.bpmn", unassigned("first"))
            .addModelInstance("second.bpmn20.xml", unassigned("second"))
            .addString("notes.txt", "<process id=\"first\"/>")
            .deploy();

    List<ResourceFindings> resources =
        plugin.getLintResults().forDeployment(deployment.getId()).orElseThrow();
    assertThat(resources)
        .extracting(ResourceFindings::resourceName)
        .containsExactlyInAnyOrder("first.bpmn", "second.bpmn20.xml");
    for (ResourceFindings resource : resources) {
      String key = resource.resourceName().startsWith("first") ? "first" : "second";
      assertThat(resource.findings())
          .filteredOn(finding -> finding.ruleId().equals("user-task-assignment"))
          .extracting(Finding::elementId)
          .containsExactly(key + "Task");
    }
    assertThat(log.linesContaining("user-task-assignment"))
        .hasSize(2)
        .anySatisfy(line -> assertThat(line).contains("resource 'first.bpmn'"))
        .anySatisfy(line -> assertThat(line).contains("resource 'second.bpmn20.xml'"));
  }

  /**
   * The key of a process mentioned in a comment, in a script, or by a process that is not
   * executable is not where the process is. Deployed from a thread with a small stack, as a web
   * server's worker: reading the resources must not recurse per character.
   */
  @Test
  void theResourceIsTheOneThatDeclaresTheExecutableProcess() throws Exception {
    CheckupProcessEnginePlugin plugin = start("warn");
    String head =
        "<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\" targetNamespace=\"urn:t\">";
    String plain =
        "<startEvent id=\"s\"/><endEvent id=\"e\"/><sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"e\"/>";
    String decoys =
        head
            + "<!-- the old one: <process id=\"first\" isExecutable=\"true\"> -->"
            + "<process id=\"first\" isExecutable=\"false\"><scriptTask id=\"st\" scriptFormat=\"groovy\">"
            + "<script><![CDATA[// <process id='first' isExecutable='true'> totals for each <process instance\n"
            + "  sum = sum + item.amount;\n".repeat(200)
            + "]]></script></scriptTask></process>"
            + "<process id=\"decoys\" isExecutable=\"true\" camunda:historyTimeToLive=\"5\">"
            + plain
            + "</process></definitions>";
    Deployment[] deployed = new Deployment[1];
    Throwable[] failed = new Throwable[1];
    Thread worker =
        new Thread(
            null,
            () -> {
              try {
                deployed[0] =
                    engine
                        .getRepositoryService()
                        .createDeployment()
                        .addString("a-decoys.bpmn", decoys)
                        .addString("b-decoys.bpmn20.xml", decoys.replace("decoys", "decoys2"))
                        .addModelInstance("first.bpmn", unassigned("first"))
                        .deploy();
              } catch (Throwable e) {
                failed[0] = e;
              }
            },
            "small-stack worker",
            256 * 1024);
    worker.start();
    worker.join();

    assertThat(failed[0]).isNull();
    assertThat(plugin.getLintResults().forDeployment(deployed[0].getId()).orElseThrow())
        .filteredOn(resource -> resource.resourceName().equals("first.bpmn"))
        .singleElement()
        .satisfies(
            resource ->
                assertThat(resource.findings())
                    .extracting(Finding::elementId)
                    .contains("firstTask"));
    assertThat(log.linesContaining("element 'firstTask'"))
        .singleElement()
        .asString()
        .contains("resource 'first.bpmn'");
  }

  @Test
  void strictModeRefusesWithOneProblemListingEveryError() {
    start("strict");

    ParseException refused =
        catchThrowableOfType(
            ParseException.class,
            () ->
                engine
                    .getRepositoryService()
                    .createDeployment()
                    .addClasspathResource("models/errors.bpmn")
                    .deploy());

    assertThat(refused).isNotNull();
    assertThat(refused.getMessage())
        .contains("[deadlock]")
        .contains("[fake-branch]")
        .contains("[unreachable]");
    assertThat(refused.getResorceReports().get(0).getErrors()).hasSize(1);
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isZero();
  }
}
