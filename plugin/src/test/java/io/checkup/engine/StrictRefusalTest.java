package io.checkup.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.lint.Finding;
import io.checkup.lint.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When strict mode refuses a resource: on an error finding, but on one of a rule that only says
 * what the engine refuses too only where the engine refused the resource itself, so that such a
 * rule never makes strict mode refuse a model the engine takes.
 */
class StrictRefusalTest {

  private static Finding finding(String rule, Severity severity) {
    return new Finding(rule, severity, "message", "element", 1, 1, "p", List.of(), null, null);
  }

  @Test
  void aFindingOfWhatTheEngineRefusesRefusesOnlyBesideTheEnginesRefusal() {
    for (String rule :
        List.of("exclusive-gateway", "task-implementation", "message-ref", "multi-instance")) {
      List<Finding> findings = List.of(finding(rule, Severity.ERROR));
      assertThat(DeploymentLinter.refuses(findings, false)).as(rule).isFalse();
      assertThat(DeploymentLinter.refuses(findings, true)).as(rule).isTrue();
    }
  }

  @Test
  void theLintersOwnErrorsRefuseWhateverTheEngineSays() {
    List<Finding> findings =
        List.of(
            finding("task-implementation", Severity.ERROR), finding("deadlock", Severity.ERROR));
    assertThat(DeploymentLinter.refuses(findings, false)).isTrue();
    assertThat(DeploymentLinter.refuses(List.of(finding("fake-join", Severity.WARN)), true))
        .isFalse();
  }
}
