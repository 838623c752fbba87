package io.checkup.lint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules a linter knows, by id: the built-in catalog plus any a user adds. */
public final class RuleCatalog {

  private final Map<String, Rule> rules;

  private RuleCatalog(Map<String, Rule> rules) {
    this.rules = Collections.unmodifiableMap(rules);
  }

  /**
   * A rule id as a configuration or a {@code checkup:disable} property may write it: bpmnlint
   * writes its own rules as {@code bpmnlint/rule-id} in some configurations.
   */
  public static String ruleId(String written) {
    return written.startsWith("bpmnlint/") ? written.substring("bpmnlint/".length()) : written;
  }

  /** Every built-in rule, in catalog order. */
  public static RuleCatalog standard() {
    return of(BuiltInRules.all());
  }

  public static RuleCatalog of(Collection<? extends Rule> rules) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Rule rule : rules) {
      if (byId.putIfAbsent(rule.id(), rule) != null) {
        throw new IllegalArgumentException("two rules have the id '" + rule.id() + "'");
      }
    }
    return new RuleCatalog(byId);
  }

  /** This catalog plus more rules (custom rules of an installation). */
  public RuleCatalog with(Collection<? extends Rule> more) {
    List<Rule> all = new ArrayList<>(rules.values());
    all.addAll(more);
    return of(all);
  }

  public Collection<Rule> rules() {
    return rules.values();
  }

  /** The rules' ids, in catalog order. */
  public Collection<String> ids() {
    return rules.keySet();
  }

  public Rule rule(String id) {
    return rules.get(id);
  }

  public boolean contains(String id) {
    return rules.containsKey(id);
  }
}
