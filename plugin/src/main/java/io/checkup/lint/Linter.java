package io.checkup.lint;

import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.GraphBuilder;
import io.checkup.lint.model.NotBpmnException;
import io.checkup.lint.xml.XmlNode;
import io.checkup.lint.xml.XmlReadException;
import io.checkup.lint.xml.XmlReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the active rules of a configuration over a model. Thread-safe: rules are stateless and each
 * call has its own findings, so one linter serves every deployment of an engine.
 */
public final class Linter {

  /**
   * Line, column, rule, message. A class rather than a lambda: the command line starts cold, and it
   * counts.
   */
  private static final Comparator<Finding> IN_FILE_ORDER =
      new Comparator<>() {
        @Override
        public int compare(Finding a, Finding b) {
          int order = Integer.compare(a.line(), b.line());
          if (order == 0) {
            order = Integer.compare(a.column(), b.column());
          }
          if (order == 0) {
            order = a.ruleId().compareTo(b.ruleId());
          }
          return order != 0 ? order : a.message().compareTo(b.message());
        }
      };

  private final LintConfig config;

  /**
   * The active rules with their id, severity and options, looked up once: a rule's id comes from
   * its annotation, which costs a map look-up in the class and another in the annotation's proxy (a
   * tenth of a small model's lint when it was asked for per lint).
   */
  private final Active[] activeRules;

  private record Active(
      Rule rule,
      String id,
      Severity severity,
      Map<String, Object> options,
      boolean engineRefuses) {}

  /** Whether files made for Camunda 8 hold no executable process ({@link #forFiles}). */
  private final boolean camunda8Apart;

  /** A linter as the engine lints what it deploys. */
  public Linter(LintConfig config) {
    this(config, false);
  }

  /**
   * A linter of model files, as the command line lints a repository: a file Camunda Modeler made
   * for Camunda 8 holds no executable process (a team migrating keeps both kinds side by side).
   */
  public static Linter forFiles(LintConfig config) {
    return new Linter(config, true);
  }

  private Linter(LintConfig config, boolean camunda8Apart) {
    this.config = config;
    this.camunda8Apart = camunda8Apart;
    List<Rule> rules = config.activeRules();
    this.activeRules = new Active[rules.size()];
    for (int i = 0; i < activeRules.length; i++) {
      Rule rule = rules.get(i);
      String id = rule.id();
      activeRules[i] =
          new Active(
              rule, id, config.severity(id), config.options(id), rule.info().engineRefuses());
    }
  }

  public LintConfig config() {
    return config;
  }

  /**
   * Lints a prepared graph. A rule that throws is recorded as a failure; the other rules still run.
   */
  public LintOutcome lint(BpmnGraph graph) {
    return lint(graph, false);
  }

  /**
   * Lints a prepared graph that the engine has parsed without a problem: the rules that report only
   * what the engine refuses to deploy ({@link RuleInfo#engineRefuses()}) have nothing true to say
   * of it, and are not run.
   */
  public LintOutcome lintTakenByEngine(BpmnGraph graph) {
    return lint(graph, true);
  }

  private LintOutcome lint(BpmnGraph graph, boolean takenByEngine) {
    List<Finding> findings = new ArrayList<>();
    List<LintOutcome.RuleFailure> failures = new ArrayList<>();
    Suppressions suppressions = graph.hasSuppressions() ? new Suppressions() : Suppressions.NONE;
    for (Active active : activeRules) {
      if (takenByEngine && active.engineRefuses()) {
        continue;
      }
      RuleContext context =
          new RuleContext(
              active.rule(),
              active.id(),
              active.severity(),
              active.options(),
              suppressions,
              findings,
              config.catalog());
      int before = findings.size();
      try {
        active.rule().check(graph, context);
      } catch (RuntimeException | StackOverflowError e) {
        // keep what other rules found; drop the half-finished output of the failing one
        findings.subList(before, findings.size()).clear();
        failures.add(new LintOutcome.RuleFailure(active.id(), e));
      }
    }
    findings.sort(IN_FILE_ORDER);
    return new LintOutcome(findings, failures);
  }

  /**
   * Lints the bytes of any BPMN 2.0 file, executable or not. A file that is not well-formed XML or
   * not BPMN gives a single {@code parse-error} finding instead of an exception.
   */
  public LintOutcome lint(byte[] bpmnXml) {
    XmlNode root;
    try {
      root = XmlReader.read(bpmnXml);
    } catch (XmlReadException e) {
      return new LintOutcome(
          List.of(Finding.parseError(e.describe(), e.line(), e.column())), List.of());
    }
    return lint(root);
  }

  /**
   * Lints the bytes as the engine deploys them: findings inside processes that are not executable
   * ({@code isExecutable} other than {@code true}) are left out; those of the file as a whole stay.
   */
  public LintOutcome lintExecutable(byte[] bpmnXml) {
    XmlNode root;
    try {
      root = XmlReader.read(bpmnXml);
    } catch (XmlReadException e) {
      return lint(bpmnXml); // one parse-error finding says what is wrong
    }
    LintOutcome outcome = lint(root);
    return new LintOutcome(
        executableOnly(root, outcome.findings(), camunda8Apart), outcome.failures());
  }

  /** These findings less those inside a process of the file that is not executable. */
  public static List<Finding> executableOnly(XmlNode definitions, List<Finding> findings) {
    return executableOnly(definitions, findings, false);
  }

  private static List<Finding> executableOnly(
      XmlNode definitions, List<Finding> findings, boolean camunda8Apart) {
    Set<String> notExecutable = new HashSet<>();
    for (XmlNode process : definitions.children(Bpmn.MODEL_NS, "process")) {
      if (!Bpmn.isExecutable(process, definitions, camunda8Apart) && process.id() != null) {
        notExecutable.add(process.id());
      }
    }
    if (notExecutable.isEmpty()) {
      return findings;
    }
    List<Finding> kept = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      if (finding.processId() == null || !notExecutable.contains(finding.processId())) {
        kept.add(finding);
      }
    }
    return kept;
  }

  /** Lints a read XML tree; a tree that is not BPMN gives a single {@code parse-error} finding. */
  public LintOutcome lint(XmlNode definitions) {
    return lint(definitions, false);
  }

  /**
   * Lints a read XML tree of a model the engine has deployed, without the rules for what it refuses
   * ({@link #lintTakenByEngine(BpmnGraph)}).
   */
  public LintOutcome lintTakenByEngine(XmlNode definitions) {
    return lint(definitions, true);
  }

  private LintOutcome lint(XmlNode definitions, boolean takenByEngine) {
    BpmnGraph graph;
    try {
      graph = GraphBuilder.build(definitions, camunda8Apart);
    } catch (NotBpmnException e) {
      return new LintOutcome(
          List.of(Finding.parseError(e.getMessage(), e.at().line(), e.at().column())), List.of());
    }
    return lint(graph, takenByEngine);
  }
}
