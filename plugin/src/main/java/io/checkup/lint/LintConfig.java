package io.checkup.lint;

import io.checkup.text.Spelling;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Severity and options of every rule of a catalog. Built from the rules' defaults, then changed by
 * configuration (plugin settings, Spring Boot properties, a config file or a bpmnlint {@code
 * .bpmnlintrc}).
 */
public final class LintConfig {

  /** Severity and options of one rule. */
  public record RuleSetting(Severity severity, Map<String, Object> options) {
    public RuleSetting {
      options = Map.copyOf(options);
    }
  }

  private final RuleCatalog catalog;
  private final Map<String, RuleSetting> settings;
  private final List<String> warnings;

  private LintConfig(
      RuleCatalog catalog, Map<String, RuleSetting> settings, List<String> warnings) {
    this.catalog = catalog;
    this.settings = Collections.unmodifiableMap(settings);
    this.warnings = List.copyOf(warnings);
  }

  /** Every rule at its default severity. */
  public static LintConfig defaults(RuleCatalog catalog) {
    return builder(catalog).build();
  }

  public static Builder builder(RuleCatalog catalog) {
    return new Builder(catalog);
  }

  public RuleCatalog catalog() {
    return catalog;
  }

  public Severity severity(String ruleId) {
    RuleSetting setting = settings.get(ruleId);
    return setting == null ? Severity.OFF : setting.severity();
  }

  public Map<String, Object> options(String ruleId) {
    RuleSetting setting = settings.get(ruleId);
    return setting == null ? Map.of() : setting.options();
  }

  /** A rule's option of names (see {@link RuleContext#namesOption}), configured or its default. */
  public Set<String> names(String ruleId, String option) {
    Object value = options(ruleId).get(option);
    return RuleOptions.toNames(
        ruleId, option, value != null ? value : catalog.rule(ruleId).defaultOptions().get(option));
  }

  public Map<String, RuleSetting> settings() {
    return settings;
  }

  /** Rules that run (severity not off), in catalog order. */
  public List<Rule> activeRules() {
    List<Rule> active = new ArrayList<>();
    for (Rule rule : catalog.rules()) {
      if (severity(rule.id()) != Severity.OFF) {
        active.add(rule);
      }
    }
    return active;
  }

  /** Things in the configuration that were ignored (rules of other tools, for example). */
  public List<String> warnings() {
    return warnings;
  }

  /** Starts from the defaults; later calls win. */
  public static final class Builder {

    /** At most this many edits apart, a known rule id is offered as the one meant. */
    private static final int CLOSE = 2;

    private final RuleCatalog catalog;
    private final Map<String, Severity> severities = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> options = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /** Where unknown rule ids are only warned about; null: they are errors. */
    private String lenientSource;

    private Builder(RuleCatalog catalog) {
      this.catalog = catalog;
      for (Rule rule : catalog.rules()) {
        severities.put(rule.id(), rule.info().severity());
      }
    }

    public RuleCatalog catalog() {
      return catalog;
    }

    /**
     * Unknown rule ids become warnings naming {@code source} instead of errors (a {@code
     * .bpmnlintrc} may name rules of bpmnlint plugins this linter does not have).
     */
    public Builder lenientIn(String source) {
      this.lenientSource = source;
      return this;
    }

    public Builder severity(String ruleId, Severity severity) {
      if (known(ruleId)) {
        severities.put(ruleId, severity);
      }
      return this;
    }

    /** Sets every rule of a category to a severity. */
    public Builder severity(RuleInfo.Category category, Severity severity) {
      for (Rule rule : catalog.rules()) {
        if (rule.info().category() == category) {
          severities.put(rule.id(), severity);
        }
      }
      return this;
    }

    public Builder options(String ruleId, Map<String, Object> ruleOptions) {
      if (known(ruleId)) {
        RuleOptions.validate(catalog.rule(ruleId), ruleOptions);
        options.computeIfAbsent(ruleId, id -> new LinkedHashMap<>()).putAll(ruleOptions);
      }
      return this;
    }

    public Builder warning(String warning) {
      warnings.add(warning);
      return this;
    }

    private boolean known(String ruleId) {
      if (catalog.contains(ruleId)) {
        return true;
      }
      if (ruleId.equals(Finding.PARSE_ERROR) || ruleId.equals(Finding.INTERNAL_ERROR)) {
        // they have pages and SARIF entries like rules, but are no rule a setting reaches
        String notARule =
            "'"
                + ruleId
                + "' is not a rule (a model that cannot be read, or a rule that fails, is always"
                + " reported)";
        if (lenientSource == null) {
          throw new IllegalArgumentException(notARule + ": remove its setting");
        }
        warnings.add(lenientSource + ": " + notARule + ": its setting ignored");
        return false;
      }
      String message = "unknown rule '" + ruleId + "'";
      String meant = Spelling.closest(ruleId, catalog.ids(), CLOSE);
      if (meant != null) {
        message += " (did you mean " + meant + "?)";
      }
      if (lenientSource == null) {
        throw new IllegalArgumentException(
            message + "; known rules: " + String.join(", ", catalog.ids()));
      }
      warnings.add(lenientSource + ": " + message + " ignored");
      return false;
    }

    public LintConfig build() {
      Map<String, RuleSetting> settings = new LinkedHashMap<>();
      for (Rule rule : catalog.rules()) {
        settings.put(
            rule.id(),
            new RuleSetting(severities.get(rule.id()), options.getOrDefault(rule.id(), Map.of())));
      }
      return new LintConfig(catalog, settings, warnings);
    }
  }
}
