package io.checkup.rest;

import io.checkup.lint.Finding;
import io.checkup.lint.WitnessStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lint findings as the REST API and Cockpit hand them out (docs/lint.md: REST). */
public final class FindingsJson {

  private FindingsJson() {}

  /** One map per finding: rule, severity, message, element, line, column, process, witness. */
  public static List<Map<String, Object>> list(List<Finding> findings) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Finding finding : findings) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("rule", finding.ruleId());
      entry.put("severity", finding.severity().label());
      entry.put("message", finding.message());
      entry.put("elementId", finding.elementId());
      entry.put("line", finding.line() > 0 ? finding.line() : null);
      entry.put("column", finding.column() > 0 ? finding.column() : null);
      entry.put("processKey", finding.processId());
      if (!finding.witness().isEmpty()) {
        List<Map<String, Object>> witness = new ArrayList<>();
        for (WitnessStep step : finding.witness()) {
          Map<String, Object> map = new LinkedHashMap<>();
          map.put("elementId", step.elementId());
          map.put("flowId", step.flowId());
          map.put("step", step.step());
          witness.add(map);
        }
        entry.put("witness", witness);
      }
      list.add(entry);
    }
    return list;
  }
}
