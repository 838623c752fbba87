package io.checkup.lint;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading and checking rule options, with errors that name the rule and the option. */
final class RuleOptions {

  private RuleOptions() {}

  /**
   * A count: a whole number from 0 up; 80.9, -1 or 4294967376 (which would wrap to 80) are errors,
   * not quietly something else.
   */
  static int toInt(String ruleId, String name, Object value) {
    Long whole = null;
    if (value instanceof Byte
        || value instanceof Short
        || value instanceof Integer
        || value instanceof Long) {
      whole = ((Number) value).longValue();
    } else if (value instanceof Number number) {
      double d = number.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        whole = (long) d;
      }
    } else if (value instanceof String text) {
      try {
        whole = Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        // the error below
      }
    }
    if (whole == null || whole < 0 || whole > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "rule "
              + ruleId
              + ": option '"
              + name
              + "' must be a whole number from 0 up, got '"
              + value
              + "'");
    }
    return (int) (long) whole;
  }

  /**
   * Names: a list of texts, or one text with the names separated by commas or blanks (as a property
   * file writes a list); anything else is an error.
   */
  static Set<String> toNames(String ruleId, String name, Object value) {
    Set<String> names = new LinkedHashSet<>();
    if (value instanceof String text) {
      for (String part : text.split("[,\\s]+")) {
        if (!part.isEmpty()) {
          names.add(part);
        }
      }
      return names;
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (!(item instanceof String text)) {
          throw notNames(ruleId, name, value);
        }
        names.add(text.trim());
      }
      return names;
    }
    throw notNames(ruleId, name, value);
  }

  private static IllegalArgumentException notNames(String ruleId, String name, Object value) {
    return new IllegalArgumentException(
        "rule "
            + ruleId
            + ": option '"
            + name
            + "' must be a list of names or one text of names separated by commas or blanks, got '"
            + value
            + "'");
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
      } else if (defaultValue instanceof String) {
        toNames(rule.id(), option.getKey(), option.getValue());
      }
    }
  }
}
