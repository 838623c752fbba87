package io.checkup.lint;

import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.xml.XmlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule gets while it runs: its options and a way to report. Suppression and severity are
 * applied here.
 */
public final class RuleContext {

  private final Rule rule;
  private final String ruleId;
  private final Severity severity;
  private final Map<String, Object> options;
  private final Suppressions suppressions;
  private final List<Finding> findings;
  private final RuleCatalog catalog;

  RuleContext(
      Rule rule,
      String ruleId,
      Severity severity,
      Map<String, Object> options,
      Suppressions suppressions,
      List<Finding> findings,
      RuleCatalog catalog) {
    this.rule = rule;
    this.ruleId = ruleId;
    this.severity = severity;
    this.options = options;
    this.suppressions = suppressions;
    this.findings = findings;
    this.catalog = catalog;
  }

  public String ruleId() {
    return ruleId;
  }

  /**
   * The rules this linter knows, whether they run or are off: the built-in ones and any the
   * installation added.
   */
  public RuleCatalog catalog() {
    return catalog;
  }

  /** A whole-number option: the configured value or the rule's default. */
  public int intOption(String name) {
    Object value = options.containsKey(name) ? options.get(name) : rule.defaultOptions().get(name);
    return RuleOptions.toInt(ruleId, name, value);
  }

  /**
   * A list of names: the configured value (a JSON list, or one text with the names separated by
   * commas or blanks) or the rule's default.
   */
  public Set<String> namesOption(String name) {
    Object value = options.containsKey(name) ? options.get(name) : rule.defaultOptions().get(name);
    return RuleOptions.toNames(ruleId, name, value);
  }

  public void report(BpmnElement element, String message) {
    report(element, message, List.of());
  }

  public void report(BpmnElement element, String message, List<String> relatedElementIds) {
    report(element, message, relatedElementIds, Map.of());
  }

  /** A finding with facts for programs (see {@link Finding#facts()}). */
  public void report(
      BpmnElement element,
      String message,
      List<String> relatedElementIds,
      Map<String, Object> facts) {
    report(element, message, relatedElementIds, facts, List.of());
  }

  /**
   * A finding with the path that leads to it (see {@link Finding#witness()}); the rule says the
   * steps in its message too, so every reader sees them.
   */
  public void report(
      BpmnElement element,
      String message,
      List<String> relatedElementIds,
      Map<String, Object> facts,
      List<WitnessStep> witness) {
    XmlNode node = element.xml();
    if (!suppressions.isSuppressed(node, ruleId)) {
      findings.add(
          new Finding(
              ruleId,
              severity,
              message,
              node.id(),
              node.line(),
              node.column(),
              element.processId(),
              relatedElementIds,
              facts,
              witness));
    }
  }

  /**
   * Says that the rule could not finish its analysis of an element (a scope too tangled for its
   * work budget). Always at severity info, whatever the rule's severity: an unfinished check must
   * not refuse a deployment.
   */
  public void reportIncomplete(BpmnElement element, String message) {
    if (!suppressions.isSuppressed(element.xml(), ruleId)) {
      findings.add(
          new Finding(
              ruleId,
              Severity.INFO,
              message,
              element.id(),
              element.line(),
              element.column(),
              processIdOf(element.xml()),
              List.of()));
    }
  }

  /** Reports against any element of the file (a root element, the definitions). */
  public void report(XmlNode node, String message, List<String> relatedElementIds) {
    if (suppressions.isSuppressed(node, ruleId)) {
      return;
    }
    findings.add(
        new Finding(
            ruleId,
            severity,
            message,
            node.id(),
            node.line(),
            node.column(),
            processIdOf(node),
            new ArrayList<>(relatedElementIds)));
  }

  private static String processIdOf(XmlNode node) {
    for (XmlNode current = node; current != null; current = current.parent()) {
      if (current.is(Bpmn.MODEL_NS, "process")) {
        return current.id();
      }
    }
    return null;
  }
}
