package io.checkup.demo;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;

/** Deployments the demo's tests make when what matters is that something is deployed. */
final class TestDeployments {

  private TestDeployments() {}

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
