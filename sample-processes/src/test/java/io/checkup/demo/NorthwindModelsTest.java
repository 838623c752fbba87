package io.checkup.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.lint.Finding;
import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * The healthy client's processes are what a team would deploy in strict mode: no finding of
 * severity error or warning under the default rules.
 */
class NorthwindModelsTest {

  @Test
  void everyProcessOfTheHealthyClientLintsClean() {
    Linter linter = new Linter(LintConfig.defaults(RuleCatalog.standard()));
    List<String> findings = new ArrayList<>();
    for (DemoModels.Model model : NorthwindModels.all()) {
      byte[] xml = Bpmn.convertToString(model.model()).getBytes(StandardCharsets.UTF_8);
      for (Finding finding : linter.lint(xml).findings()) {
        if (finding.severity() != Severity.INFO) {
          findings.add(model.key() + ": " + finding.ruleId() + " " + finding.message());
        }
      }
    }
    assertThat(findings).isEmpty();
    assertThat(NorthwindModels.all()).hasSize(20);
  }
}
