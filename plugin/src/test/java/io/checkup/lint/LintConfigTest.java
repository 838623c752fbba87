package io.checkup.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a setting naming no rule is told: a typo its rule, parse-error that it is no rule. */
class LintConfigTest {

  @Test
  void theEngineRefusesASettingForParseErrorSayingItIsNoRule() {
    assertThatThrownBy(
            () ->
                LintConfig.builder(RuleCatalog.standard())
                    .severity(Finding.PARSE_ERROR, Severity.OFF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'parse-error' is not a rule (a model that cannot be read, or a rule that fails, is"
                + " always reported): remove its setting");
    assertThatThrownBy(
            () -> LintConfig.builder(RuleCatalog.standard()).severity("fake-brnch", Severity.OFF))
        .hasMessageStartingWith("unknown rule 'fake-brnch' (did you mean fake-branch?)");
  }

  @Test
  void aConfigurationFileIsWarnedAndTheRestOfItApplies() {
    LintConfig config =
        LintConfig.builder(RuleCatalog.standard())
            .lenientIn(".bpmnlintrc")
            .severity(Finding.INTERNAL_ERROR, Severity.OFF)
            .severity("deadlock", Severity.OFF)
            .build();

    assertThat(config.warnings())
        .containsExactly(
            ".bpmnlintrc: 'internal-error' is not a rule (a model that cannot be read, or a rule"
                + " that fails, is always reported): its setting ignored");
    assertThat(config.severity("deadlock")).isEqualTo(Severity.OFF);
  }
}
