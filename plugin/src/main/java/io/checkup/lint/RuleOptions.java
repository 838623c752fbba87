package io.checkup.lint;

import java.util.Map;

/** Reading and checking rule options, with errors that name the rule and the option. */
final class RuleOptions {

  private RuleOptions() {}

  static int toInt(String ruleId, String name, Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    if (value instanceof String text) {
      try {
        return Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new IllegalArgumentException(
        "rule " + ruleId + ": option '" + name + "' must be a whole number, got '" + value + "'");
  }

  /** Rejects unknown option names and values of the wrong type before anything is linted. */
  static void validate(Rule rule, Map<String, Object> options) {
    Map<String, Object> defaults = rule.defaultOptions();
    for (Map.Entry<String, Object> option : options.entrySet()) {
      Object defaultValue = defaults.get(option.getKey());
      if (defaultValue == null) {
        throw new IllegalArgumentException(
            "rule "
                + rule.id()
                + " has no option '"
                + option.getKey()
                + "'"
                + (defaults.isEmpty()
                    ? " (it takes none)"
                    : " (known: " + String.join(", ", defaults.keySet()) + ")"));
      }
      if (defaultValue instanceof Number) {
        toInt(rule.id(), option.getKey(), option.getValue());
      }
    }
  }
}
