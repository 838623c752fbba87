package io.checkup.demo;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;

/** Deployments the demo's tests make when what matters is that something is deployed. */
final class TestDeployments {

  private TestDeployments() {}

  /**
   * Runs {@code work} with the engine's clock 40 days back, outside every window of the check-up:
   * the statistics have counted since then, so the report judges its 7- and 30-day windows (a fresh
   * engine's are n/a until the statistics cover them).
   */
  static void fortyDaysAgo(Runnable work) {
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() - 40L * 24 * 3_600_000L));
    try {
      work.run();
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * Deploys a client's order process (a start, a user task 'pack' and an end) for {@code tenantId},
   * forty days ago, and starts it once then: a client older than every window of the report.
   */
  static void orderFortyDaysAgo(ProcessEngine engine, String tenantId) {
    fortyDaysAgo(
        () -> {
          engine
              .getRepositoryService()
              .createDeployment()
              .tenantId(tenantId)
              .addModelInstance(
                  "order.bpmn",
                  Bpmn.createExecutableProcess("order")
                      .camundaHistoryTimeToLive(30)
                      .startEvent()
                      .userTask("pack")
                      .endEvent()
                      .done())
              .deploy();
          engine
              .getRuntimeService()
              .createProcessInstanceByKey("order")
              .processDefinitionTenantId(tenantId)
              .execute();
        });
  }

  /**
   * Deploys an executable process {@code key} that starts and ends, for {@code tenantId} (null: the
   * tenant-less part), with the history time to live Camunda asks for.
   */
  static void startToEnd(ProcessEngine engine, String tenantId, String key) {
    engine
        .getRepositoryService()
        .createDeployment()
        .tenantId(tenantId)
        .addModelInstance(
            key + ".bpmn",
            Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .endEvent()
                .done())
        .deploy();
  }
}
