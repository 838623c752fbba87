package io.checkup.lint.config;

import io.checkup.lint.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * bpmnlint's own {@code bpmnlint:recommended} severities, for the rules camunda-checkup shares with
 * it.
 */
final class BpmnlintPresets {

  private BpmnlintPresets() {}

  static Map<String, Severity> recommended() {
    // bpmnlint 11.15 config/recommended.js (conditional-event is only in its 'correctness' set)
    Map<String, Severity> map = new LinkedHashMap<>();
    map.put("ad-hoc-sub-process", Severity.ERROR);
    map.put("conditional-flows", Severity.ERROR);
    map.put("end-event-required", Severity.ERROR);
    map.put("event-based-gateway", Severity.ERROR);
    map.put("event-sub-process-typed-start-event", Severity.ERROR);
    map.put("fake-join", Severity.WARN);
    map.put("global", Severity.WARN);
    map.put("label-required", Severity.ERROR);
    map.put("link-event", Severity.ERROR);
    map.put("no-complex-gateway", Severity.ERROR);
    map.put("no-disconnected", Severity.ERROR);
    map.put("no-duplicate-sequence-flows", Severity.ERROR);
    map.put("no-gateway-join-fork", Severity.ERROR);
    map.put("no-implicit-end", Severity.ERROR);
    map.put("no-implicit-split", Severity.ERROR);
    map.put("no-implicit-start", Severity.ERROR);
    map.put("no-inclusive-gateway", Severity.WARN);
    map.put("single-blank-start-event", Severity.ERROR);
    map.put("single-event-definition", Severity.ERROR);
    map.put("start-event-required", Severity.ERROR);
    map.put("sub-process-blank-start-event", Severity.ERROR);
    map.put("superfluous-gateway", Severity.WARN);
    map.put("superfluous-termination", Severity.WARN);
    map.put("conditional-event", Severity.OFF);
    return map;
  }
}
