package io.checkup.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.checkup.lint.config.ConfigException;
import io.checkup.lint.config.LintConfigLoader;
import io.checkup.lint.xml.Diagrams;
import io.checkup.lint.xml.XmlNode;
import io.checkup.lint.xml.XmlReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule against its fixtures in {@code src/test/resources/rules/<rule-id>/}. The expected
 * finding sits on the element itself, Error Prone style: {@code t:expect="rule-id"} or {@code
 * t:expect="rule-id: part of the message"} (several separated by {@code ;}), with {@code
 * xmlns:t="urn:checkup:test"}. The rule under test runs alone; a missing finding, an extra finding
 * or a message without the expected text fails. A fixture may set rule options with {@code
 * t:options="rule-id.option=value"} on its definitions element.
 *
 * <p>Every rule has a {@code valid*.bpmn} fixture (no finding allowed) and an {@code invalid*.bpmn}
 * fixture (at least one expected finding).
 */
class RuleFixturesTest {

  static final String TEST_NS = "urn:checkup:test";

  /**
   * An element without an id (a signal, an import) is matched by the line its start tag ends on.
   */
  private record Expectation(String elementId, int line, String ruleId, String messagePart) {
    boolean on(Finding finding) {
      return elementId == null
          ? finding.elementId() == null && finding.line() == line
          : elementId.equals(finding.elementId());
    }

    String where() {
      return elementId != null ? elementId : "the element without an id at line " + line;
    }
  }

  static Path fixtureRoot() {
    try {
      return Path.of(RuleFixturesTest.class.getResource("/rules").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyRuleHasFiringAndNonFiringFixtures() throws IOException {
    for (Rule rule : RuleCatalog.standard().rules()) {
      Path dir = fixtureRoot().resolve(rule.id());
      assertThat(dir).as("fixture folder of rule " + rule.id()).isDirectory();
      try (Stream<Path> files = Files.list(dir)) {
        List<String> names = files.map(p -> p.getFileName().toString()).toList();
        assertThat(names)
            .as("fixtures of " + rule.id())
            .anyMatch(name -> name.startsWith("valid"))
            .anyMatch(name -> name.startsWith("invalid"));
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(fixtureRoot())) {
      for (Path dir : dirs.sorted().toList()) {
        String ruleId = dir.getFileName().toString();
        try (Stream<Path> files = Files.list(dir)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
            tests.add(
                DynamicTest.dynamicTest(
                    ruleId + "/" + file.getFileName(), () -> check(ruleId, file)));
          }
        }
      }
    }
    return tests.stream();
  }

  private static void check(String ruleId, Path file) throws Exception {
    RuleCatalog catalog = RuleCatalog.standard();
    assertThat(catalog.contains(ruleId))
        .as("a rule named after the fixture folder " + ruleId)
        .isTrue();
    byte[] bytes = Files.readAllBytes(file);
    XmlNode root = XmlReader.read(bytes);
    LintConfig config = onlyRule(catalog, ruleId, root.attr(TEST_NS, "options"));
    List<Expectation> expected = expectations(root);
    boolean validFixture = file.getFileName().toString().startsWith("valid");
    if (validFixture) {
      assertThat(expected).as("a valid fixture expects nothing").isEmpty();
    } else {
      assertThat(expected).as("an invalid fixture expects at least one finding").isNotEmpty();
    }
    LintOutcome outcome = new Linter(config).lint(bytes);
    assertThat(outcome.failures()).as("rule failures").isEmpty();
    TreeSet<String> problems = new TreeSet<>();
    List<Finding> unmatched = new ArrayList<>(outcome.findings());
    for (Expectation expectation : expected) {
      Finding match =
          unmatched.stream()
              .filter(
                  f ->
                      f.ruleId().equals(expectation.ruleId())
                          && expectation.on(f)
                          && (expectation.messagePart() == null
                              || f.message().contains(expectation.messagePart())))
              .findFirst()
              .orElse(null);
      if (match == null) {
        problems.add(
            "missing: "
                + expectation.ruleId()
                + " on "
                + expectation.where()
                + (expectation.messagePart() == null
                    ? ""
                    : " containing '" + expectation.messagePart() + "'"));
      } else {
        unmatched.remove(match);
      }
    }
    for (Finding extra : unmatched) {
      problems.add(
          "unexpected: "
              + extra.ruleId()
              + " on "
              + extra.elementId()
              + " (line "
              + extra.line()
              + "): "
              + extra.message());
    }
    if (!problems.isEmpty()) {
      fail(file.getFileName() + ":\n  " + String.join("\n  ", problems));
    }
  }

  static LintConfig onlyRule(RuleCatalog catalog, String ruleId, String options)
      throws ConfigException {
    LintConfig.Builder builder = LintConfig.builder(catalog);
    for (Rule rule : catalog.rules()) {
      builder.severity(rule.id(), rule.id().equals(ruleId) ? rule.info().severity() : Severity.OFF);
    }
    if (builder.build().severity(ruleId) == Severity.OFF) {
      builder.severity(ruleId, Severity.WARN);
    }
    LintConfigLoader.applyOptions(builder, options, "t:options");
    return builder.build();
  }

  private static void expect(XmlNode node, List<Expectation> found) {
    String expect = node.attr(TEST_NS, "expect");
    if (expect != null) {
      for (String item : expect.split(";")) {
        int colon = item.indexOf(':');
        String rule = (colon < 0 ? item : item.substring(0, colon)).trim();
        String part = colon < 0 ? null : item.substring(colon + 1).trim();
        found.add(new Expectation(node.id(), node.line(), rule, part));
      }
    }
  }

  private static List<Expectation> expectations(XmlNode root) {
    List<Expectation> found = new ArrayList<>();
    Deque<XmlNode> pending = new ArrayDeque<>(List.of(root));
    while (!pending.isEmpty()) {
      XmlNode node = pending.pop();
      expect(node, found);
      pending.addAll(node.children());
    }
    // the diagrams' planes, shapes and edges, which the reader keeps beside the tree
    if (root.diagrams() != null) {
      for (Diagrams.Part part : root.diagrams().parts()) {
        expect(part.node(), found);
      }
    }
    return found;
  }
}
