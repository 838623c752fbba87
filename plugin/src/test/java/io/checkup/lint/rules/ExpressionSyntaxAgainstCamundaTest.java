package io.checkup.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.checkup.lint.Finding;
import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.PlainText;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.model.Bpmn;
import io.checkup.testing.TestEngines;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The rule's verdicts are the engine's: every process of the invalid fixture, deployed alone, is
 * refused by Camunda 7.24 for its expression, the valid fixture deploys, and on random texts the
 * rule's parser refuses exactly what the engine's expression manager refuses.
 */
class ExpressionSyntaxAgainstCamundaTest {

  private static final String MODEL_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private final Linter linter = new Linter(LintConfig.defaults(RuleCatalog.standard()));

  @Test
  void eachPlaceTheRuleReadsIsOneTheEngineRefusesToDeploy() throws Exception {
    ProcessEngine engine = TestEngines.h2().build();
    try {
      List<String[]> processes = new ArrayList<>();
      for (String fixture :
          List.of(
              "invalid.bpmn",
              "invalid-message.bpmn",
              "invalid-signal.bpmn",
              "invalid-error.bpmn")) {
        for (String process : processIds(fixture)) {
          processes.add(new String[] {fixture, process});
        }
      }
      assertThat(processes).hasSizeGreaterThanOrEqualTo(40);
      for (String[] fixtureAndProcess : processes) {
        String process = fixtureAndProcess[1];
        byte[] alone = only(fixtureAndProcess[0], process);
        List<Finding> findings =
            linter.lint(alone).findings().stream()
                .filter(finding -> finding.ruleId().equals(ExpressionSyntaxRule.ID))
                .toList();
        assertThat(findings).as(process).hasSize(1);
        Throwable refusal =
            catchThrowable(
                () ->
                    engine
                        .getRepositoryService()
                        .createDeployment()
                        .addInputStream(process + ".bpmn", new java.io.ByteArrayInputStream(alone))
                        .deploy());
        assertThat(refusal).as(process).isNotNull().hasMessageContaining("Error parsing");
        // the engine quotes the expression the finding quotes
        String quoted =
            findings.get(0).message().replaceAll("^.*cannot parse, ('.*?') \\(.*$", "$1");
        assertThat(PlainText.oneLine(refusal.getMessage(), Integer.MAX_VALUE))
            .as(process)
            .contains("Error parsing " + quoted);
      }
      assertThat(
              engine
                  .getRepositoryService()
                  .createDeployment()
                  .addClasspathResource("rules/expression-syntax/valid.bpmn")
                  .deployWithResult()
                  .getDeployedProcessDefinitions())
          .hasSize(2);
    } finally {
      engine.close();
    }
  }

  /** Random texts of the expression language's pieces: the rule refuses what the engine refuses. */
  @Property(tries = 3000)
  void theRuleRefusesExactlyWhatTheEngineRefuses(@ForAll("texts") String text) {
    String problem = ElSyntax.problem(text);
    boolean engineRefuses;
    try {
      new JuelExpressionManager().createExpression(text);
      engineRefuses = false;
    } catch (RuntimeException e) {
      // binding a top-level function call to the engine's functions is not syntax
      engineRefuses = !String.valueOf(e.getMessage()).contains("Could not resolve function");
    }
    assertThat(problem != null).as("%s: %s", text, problem).isEqualTo(engineRefuses);
    Statistics.label("verdict")
        .collect(
            !Bpmn.hasExpression(text) ? "no expression" : engineRefuses ? "refused" : "parsed");
    // both verdicts come up often enough for the agreement to mean something
    Statistics.label("verdict")
        .coverage(
            coverage -> {
              coverage.check("refused").percentage(p -> p > 10);
              coverage.check("parsed").percentage(p -> p > 20);
            });
  }

  /**
   * Texts around expressions of the language's grammar, half of them with one piece dropped or put
   * in at a random place: near misses, where a parser that differs from the engine's would show.
   */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> text =
        Combinators.combine(
                Arbitraries.of("", "Hello ", "a}b ", "\\${x} "),
                Arbitraries.of("${", "#{"),
                expression(4),
                Arbitraries.of("", " and more", " ${y}", "}"))
            .as((before, open, expression, after) -> before + open + expression + "}" + after);
    Arbitrary<String> piece =
        Arbitraries.of(
            "${", "}", "{", "(", ")", "[", "]", "+", "-", "*", "'", "\"", ".", ",", "?", ":", "==",
            "&&", " ", "1", "a", "not ", "empty ", "\\", "$", "#");
    return Combinators.combine(
            text, Arbitraries.integers().between(0, 2), piece, Arbitraries.doubles().between(0, 1))
        .as(
            (written, change, inserted, where) -> {
              int at = (int) (where * written.length());
              return switch (change) {
                case 0 -> written;
                case 1 -> written.substring(0, at) + inserted + written.substring(at);
                default ->
                    written.isEmpty()
                        ? written
                        : written.substring(0, Math.min(at, written.length() - 1))
                            + written.substring(Math.min(at, written.length() - 1) + 1);
              };
            });
  }

  /** Expressions of the grammar, nested up to {@code depth}. */
  private static Arbitrary<String> expression(int depth) {
    Arbitrary<String> leaf =
        Arbitraries.of(
            "a",
            "order.total",
            "x[0]",
            "m['k']",
            "'text'",
            "\"s\"",
            "1",
            "2.5",
            "1e3",
            "true",
            "null",
            "svc.run()",
            "svc.run(execution, 2)",
            "execution.getVariable('v')");
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> inner = Arbitraries.lazy(() -> expression(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf),
        net.jqwik.api.Tuple.of(
            2,
            Combinators.combine(
                    inner,
                    Arbitraries.of(
                        " + ", " - ", " * ", " / ", " div ", " % ", " mod ", " == ", " != ", " < ",
                        " >= ", " && ", " and ", " || ", " or ", " eq ", " gt "),
                    inner)
                .as((left, operator, right) -> left + operator + right)),
        net.jqwik.api.Tuple.of(1, inner.map(e -> "(" + e + ")")),
        net.jqwik.api.Tuple.of(1, inner.map(e -> "not " + e)),
        net.jqwik.api.Tuple.of(1, inner.map(e -> "-" + e)),
        net.jqwik.api.Tuple.of(1, inner.map(e -> "empty " + e)),
        net.jqwik.api.Tuple.of(
            1, Combinators.combine(inner, inner, inner).as((c, t, f) -> c + " ? " + t + " : " + f)),
        net.jqwik.api.Tuple.of(1, inner.map(e -> "svc.call(" + e + ")")));
  }

  private static List<String> processIds(String fixture) throws Exception {
    List<String> ids = new ArrayList<>();
    NodeList processes = document(fixture).getElementsByTagNameNS(MODEL_NS, "process");
    for (int i = 0; i < processes.getLength(); i++) {
      ids.add(((Element) processes.item(i)).getAttribute("id"));
    }
    return ids;
  }

  /** The fixture with only this one of its processes. */
  private static byte[] only(String fixture, String processId) throws Exception {
    Document document = document(fixture);
    NodeList processes = document.getElementsByTagNameNS(MODEL_NS, "process");
    for (int i = processes.getLength() - 1; i >= 0; i--) {
      Element process = (Element) processes.item(i);
      if (!process.getAttribute("id").equals(processId)) {
        process.getParentNode().removeChild(process);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TransformerFactory.newInstance()
        .newTransformer()
        .transform(new DOMSource(document), new StreamResult(out));
    return out.toByteArray();
  }

  private static Document document(String fixture) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (InputStream in =
        ExpressionSyntaxAgainstCamundaTest.class.getResourceAsStream(
            "/rules/expression-syntax/" + fixture)) {
      return factory.newDocumentBuilder().parse(in);
    }
  }
}
