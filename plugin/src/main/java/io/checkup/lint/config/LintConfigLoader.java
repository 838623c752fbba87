package io.checkup.lint.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.checkup.lint.LintConfig;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads rule configuration files: camunda-checkup's own and bpmnlint's {@code .bpmnlintrc}, which
 * share one JSON shape:
 *
 * <pre>{@code
 * { "extends": "checkup:recommended",
 *   "rules": { "model-size": ["warn", { "max": 80 }], "label-required": "off" } }
 * }</pre>
 *
 * <p>{@code extends} (a string or a list) picks the starting point: {@code checkup:recommended}
 * (the default: every rule at its documented severity), {@code checkup:all} (every rule on, at
 * least at warn), {@code bpmnlint:recommended} (bpmnlint's own severities for the rules it shares
 * with us) or {@code bpmnlint:all}. Presets of other tools ({@code plugin:...}) are ignored with a
 * warning, as are rule ids this linter does not have, so a team's existing {@code .bpmnlintrc}
 * works unchanged. A severity is {@code off|info|warn|error} (or 0/1/2); a list adds options.
 */
public final class LintConfigLoader {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.ALLOW_COMMENTS)
          .enable(JsonParser.Feature.ALLOW_TRAILING_COMMA);

  private LintConfigLoader() {}

  public static LintConfig load(Path file, RuleCatalog catalog) throws ConfigException {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, file.toString(), catalog);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage());
    }
  }

  public static LintConfig load(InputStream in, String name, RuleCatalog catalog)
      throws ConfigException {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          name
              + ": not valid JSON: "
              + e.getOriginalMessage()
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"));
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException(
          name + ": expected a JSON object with \"extends\" and/or \"rules\"");
    }
    LintConfig.Builder builder = LintConfig.builder(catalog).lenientIn(name);
    for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!key.equals("extends") && !key.equals("rules")) {
        builder.warning(name + ": key '" + key + "' is not known here and is ignored");
      }
    }
    try {
      for (String preset : presets(root.get("extends"), name)) {
        applyPreset(builder, preset, name);
      }
      JsonNode rules = root.get("rules");
      if (rules != null && !rules.isNull()) {
        if (!rules.isObject()) {
          throw new ConfigException(name + ": \"rules\" must be an object of rule id to severity");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> rule = it.next();
          applyRule(builder, RuleCatalog.ruleId(rule.getKey()), rule.getValue(), name);
        }
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name + ": " + e.getMessage());
    }
  }

  /**
   * Applies a compact severity list as plugin settings carry it: {@code "model-size=error,
   * label-required=off"}.
   *
   * @param setting the name of the setting, for error messages
   */
  public static void applySeverities(LintConfig.Builder builder, String list, String setting)
      throws ConfigException {
    applySeverities(builder, pairs(list, setting), setting);
  }

  /** Severities by rule id, as {@code checkup.lint.rules.<rule-id>} gives them. */
  public static void applySeverities(
      LintConfig.Builder builder, Map<String, String> severities, String setting)
      throws ConfigException {
    for (Map.Entry<String, String> entry : severities.entrySet()) {
      // bpmnlint's own rules as a .bpmnlintrc writes them, as the config file takes them
      String id = RuleCatalog.ruleId(entry.getKey());
      Severity severity;
      try {
        severity = Severity.parse(entry.getValue());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(setting + ": rule '" + id + "': " + e.getMessage());
      }
      try {
        builder.severity(id, severity);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(setting + ": " + e.getMessage());
      }
    }
  }

  /**
   * Applies options as plugin settings carry them: {@code "model-size.max=80,
   * element-diversity.min-kinds=5"}.
   */
  public static void applyOptions(LintConfig.Builder builder, String list, String setting)
      throws ConfigException {
    applyOptions(builder, pairs(list, setting), setting);
  }

  /**
   * Options by {@code <rule-id>.<option>}, as {@code checkup.lint.options.<rule-id>.<option>} gives
   * them.
   */
  public static void applyOptions(
      LintConfig.Builder builder, Map<String, String> options, String setting)
      throws ConfigException {
    for (Map.Entry<String, String> entry : options.entrySet()) {
      int dot = entry.getKey().lastIndexOf('.');
      if (dot <= 0) {
        throw new ConfigException(
            setting + ": '" + entry.getKey() + "' must be <rule-id>.<option>");
      }
      try {
        builder.options(
            entry.getKey().substring(0, dot),
            Map.of(entry.getKey().substring(dot + 1), entry.getValue()));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(setting + ": " + e.getMessage());
      }
    }
  }

  /** {@code "a=b, c=d"} as a map, in order. */
  public static Map<String, String> pairs(String list, String setting) throws ConfigException {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (list == null || list.isBlank()) {
      return pairs;
    }
    for (String item : list.split("[,;\\n]")) {
      if (item.isBlank()) {
        continue;
      }
      int equals = item.indexOf('=');
      if (equals <= 0) {
        throw new ConfigException(setting + ": '" + item.trim() + "' is not of the form key=value");
      }
      pairs.put(item.substring(0, equals).trim(), item.substring(equals + 1).trim());
    }
    return pairs;
  }

  private static List<String> presets(JsonNode node, String name) throws ConfigException {
    List<String> presets = new ArrayList<>();
    if (node == null || node.isNull()) {
      return presets;
    }
    if (node.isTextual()) {
      presets.add(node.asText());
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        if (!item.isTextual()) {
          throw new ConfigException(name + ": \"extends\" entries must be strings");
        }
        presets.add(item.asText());
      }
    } else {
      throw new ConfigException(name + ": \"extends\" must be a string or a list of strings");
    }
    return presets;
  }

  private static void applyPreset(LintConfig.Builder builder, String preset, String name) {
    switch (preset) {
      case "checkup:recommended" -> {
        // every rule at its documented default: later in "extends" than another preset, it wins
        for (var rule : builder.catalog().rules()) {
          builder.severity(rule.id(), rule.info().severity());
        }
      }
      case "checkup:all" -> {
        for (var rule : builder.catalog().rules()) {
          if (rule.info().severity().compareTo(Severity.WARN) < 0) {
            builder.severity(rule.id(), Severity.WARN);
          }
        }
      }
      case "bpmnlint:recommended" -> BpmnlintPresets.recommended().forEach(builder::severity);
      case "bpmnlint:all" -> builder.severity(RuleInfo.Category.BPMNLINT, Severity.ERROR);
      default -> {
        if (preset.startsWith("checkup:")) {
          // our own namespace: a misspelt preset must not fall back to the defaults in silence
          throw new IllegalArgumentException(
              "unknown preset '"
                  + preset
                  + "': use checkup:recommended, checkup:all, bpmnlint:recommended or bpmnlint:all");
        }
        builder.warning(name + ": preset '" + preset + "' is not known here and is ignored");
      }
    }
  }

  private static void applyRule(LintConfig.Builder builder, String id, JsonNode value, String name)
      throws ConfigException {
    JsonNode severity = value;
    Map<String, Object> options = Map.of();
    if (value.isArray()) {
      if (value.isEmpty() || value.size() > 2) {
        throw new ConfigException(
            name + ": rule '" + id + "' must be a severity or [severity, {options}]");
      }
      severity = value.get(0);
      if (value.size() == 2) {
        if (!value.get(1).isObject()) {
          throw new ConfigException(name + ": options of rule '" + id + "' must be an object");
        }
        options = toMap(value.get(1));
      }
    }
    if (!(severity.isTextual() || severity.isInt())) {
      throw new ConfigException(
          name + ": rule '" + id + "' has severity " + severity + "; use off, info, warn or error");
    }
    Severity parsed;
    try {
      parsed = Severity.parse(severity.asText());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name + ": rule '" + id + "': " + e.getMessage());
    }
    builder.severity(id, parsed);
    if (!options.isEmpty()) {
      builder.options(id, options);
    }
  }

  private static Map<String, Object> toMap(JsonNode object) {
    Map<String, Object> map = new LinkedHashMap<>();
    object
        .fields()
        .forEachRemaining(
            field -> {
              JsonNode value = field.getValue();
              map.put(
                  field.getKey(),
                  value.isNumber()
                      ? value.numberValue()
                      : value.isBoolean()
                          ? value.booleanValue()
                          : textsOnly(value)
                              ? texts(value)
                              : value.isValueNode() ? value.asText() : new AsWritten(value));
            });
    return map;
  }

  /**
   * Any other list, or an object: neither a count nor names, so an option refuses it, showing it as
   * written.
   */
  private record AsWritten(JsonNode value) {
    @Override
    public String toString() {
      return value.toString();
    }
  }

  /** Whether the value is a list of texts (names, as {@code form-field}'s options take them). */
  private static boolean textsOnly(JsonNode value) {
    if (!value.isArray()) {
      return false;
    }
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static List<String> texts(JsonNode list) {
    List<String> texts = new ArrayList<>();
    list.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
