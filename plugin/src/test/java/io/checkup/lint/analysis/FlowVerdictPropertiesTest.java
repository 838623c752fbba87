package io.checkup.lint.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.lint.Finding;
import io.checkup.lint.LintConfig;
import io.checkup.lint.LintOutcome;
import io.checkup.lint.Linter;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The flow rules against a brute-force exploration of every reachable state, on random models of up
 * to about 25 nodes: sound models composed of blocks get no flow finding; with one defect injected,
 * the rules' verdict is the explorer's. A fixed seed keeps CI reproducible; change it to explore
 * (docs/flow-analysis.md lists what new seeds found).
 */
class FlowVerdictPropertiesTest {

  private static final Linter LINTER = flowRulesOnly();

  @Property(tries = 1000, seed = "20261201")
  void soundModelsGetNoFlowFinding(
      @ForAll long seed, @ForAll @IntRange(min = 3, max = 25) int size) {
    RandomModel model = RandomModel.sound(seed, size);
    BruteForceExplorer.Verdict reference = BruteForceExplorer.explore(model);

    assertThat(reference.deadlock() || reference.duplicate())
        .as("the generator builds sound models: %s", model)
        .isFalse();
    assertThat(lint(model)).as("%s", model).isEmpty();
  }

  @Property(tries = 3000, seed = "20261201")
  void withOneDefectTheRulesAgreeWithTheBruteForceExplorer(
      @ForAll long seed, @ForAll @IntRange(min = 3, max = 25) int size) {
    RandomModel model = RandomModel.sound(seed, size).inject();
    BruteForceExplorer.Verdict reference = BruteForceExplorer.explore(model);
    Assume.that(reference.complete());
    List<Finding> findings = lint(model);

    boolean gaveUp = findings.stream().anyMatch(f -> f.severity() == Severity.INFO);
    // the rules go on after a doubled token (to find what lies further on) and may then run out of
    // budget in the many states of a token-spawning loop; never on a model without one
    assertThat(gaveUp && !reference.duplicate()).as("gave up on %s", model).isFalse();
    boolean duplicate =
        findings.stream().anyMatch(f -> f.ruleId().equals("lack-of-synchronization"));
    boolean deadlock = findings.stream().anyMatch(f -> f.ruleId().equals("deadlock"));
    assertThat(duplicate)
        .as("lack of synchronization in %s", model)
        .isEqualTo(reference.duplicate());
    if (!reference.duplicate()) {
      // beyond a second token the explorer stops, the rules drop the token and go on: deadlocks are
      // compared where no token is ever doubled
      assertThat(deadlock).as("deadlock in %s", model).isEqualTo(reference.deadlock());
    }
    Statistics.label("gave up").collect(gaveUp);
    Statistics.label("verdict")
        .collect(
            reference.duplicate() ? "double token" : reference.deadlock() ? "deadlock" : "sound");
    Statistics.label("verdict")
        .coverage(
            coverage -> {
              coverage.check("double token").percentage(p -> p > 5);
              coverage.check("deadlock").percentage(p -> p > 5);
              coverage.check("sound").percentage(p -> p > 5);
            });
  }

  private static List<Finding> lint(RandomModel model) {
    LintOutcome outcome = LINTER.lint(model.xml().getBytes(StandardCharsets.UTF_8));
    assertThat(outcome.failures()).as("rule failures on %s", model).isEmpty();
    return outcome.findings();
  }

  private static Linter flowRulesOnly() {
    RuleCatalog catalog = RuleCatalog.standard();
    LintConfig.Builder builder = LintConfig.builder(catalog);
    for (Rule rule : catalog.rules()) {
      boolean flow = rule.id().equals("deadlock") || rule.id().equals("lack-of-synchronization");
      builder.severity(rule.id(), flow ? rule.info().severity() : Severity.OFF);
    }
    return new Linter(builder.build());
  }
}
