package io.checkup.testing;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** Small models the tests deploy when what matters is that something is deployed. */
public final class Models {

  private Models() {}

  /** An executable process that starts and ends, with the history time to live Camunda asks for. */
  public static BpmnModelInstance startToEnd(String key) {
    return Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(30)
        .startEvent()
        .endEvent()
        .done();
  }
}
