package io.checkup.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.checkup.lint.Finding;
import io.checkup.lint.LintConfig;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.RulePages;
import io.checkup.lint.Severity;
import io.checkup.lint.WitnessStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (OASIS), one run. {@code tool.driver.rules} lists every rule that ran plus {@code
 * parse-error}; results carry the file as {@code artifactLocation.uri}, the line and column where
 * known, and the BPMN element id as {@code logicalLocations[0].name}.
 */
final class SarifReport {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifReport() {}

  private record RuleEntry(String id, String description, Severity severity, String category) {}

  /**
   * The base id of the URIs relative to the directory the linter ran in, as GitHub code scanning
   * and SARIF's own examples name a source root.
   */
  static final String SOURCE_ROOT = "%SRCROOT%";

  /**
   * A file's {@code artifactLocation}: a URI relative to the working directory with {@link
   * #SOURCE_ROOT} as its base, or, for a file outside it, an absolute one without a base.
   */
  record Artifact(String uri, String baseId) {}

  /**
   * @param workingDirectory the absolute path relative file paths start from, with '/' separators
   */
  static void write(
      List<FileResult> results, LintConfig config, String workingDirectory, PrintWriter out) {
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    List<RuleEntry> rules = new ArrayList<>();
    for (Rule rule : config.activeRules()) {
      ruleIndex.put(rule.id(), rules.size());
      rules.add(
          new RuleEntry(
              rule.id(),
              rule.info().summary(),
              config.severity(rule.id()),
              tag(rule.info().category())));
    }
    ruleIndex.put(Finding.PARSE_ERROR, rules.size());
    rules.add(
        new RuleEntry(
            Finding.PARSE_ERROR,
            "The file cannot be read, is not well-formed XML or is not BPMN 2.0.",
            Severity.ERROR,
            null));
    ruleIndex.put(Finding.INTERNAL_ERROR, rules.size());
    rules.add(
        new RuleEntry(
            Finding.INTERNAL_ERROR,
            "The linter itself failed on a file; please report it.",
            Severity.ERROR,
            null));
    try (JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeStringField("$schema", SCHEMA);
      json.writeStringField("version", "2.1.0");
      json.writeArrayFieldStart("runs");
      json.writeStartObject();
      writeTool(json, rules);
      // SARIF 3.14.14: the base's URI is absolute and ends with a slash
      json.writeObjectFieldStart("originalUriBaseIds");
      json.writeObjectFieldStart(SOURCE_ROOT);
      String root = uri(workingDirectory);
      json.writeStringField("uri", root.endsWith("/") ? root : root + "/");
      json.writeEndObject();
      json.writeEndObject();
      json.writeArrayFieldStart("results");
      for (FileResult result : results) {
        Map<String, Integer> occurrences = new HashMap<>();
        for (Finding finding : result.findings()) {
          String identity = identity(finding);
          int occurrence = occurrences.merge(identity, 1, Integer::sum);
          writeResult(
              json,
              artifact(result.path(), workingDirectory),
              finding,
              ruleIndex,
              fingerprint(identity, occurrence));
        }
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }

  private static void writeTool(JsonGenerator json, List<RuleEntry> rules) throws IOException {
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", "camunda-checkup");
    json.writeStringField("version", CheckupCli.version());
    json.writeStringField("informationUri", RulePages.PROJECT);
    json.writeArrayFieldStart("rules");
    for (RuleEntry rule : rules) {
      json.writeStartObject();
      json.writeStringField("id", rule.id());
      String name = name(rule.id());
      if (!name.equalsIgnoreCase(rule.id())) {
        // SARIF: a name no different from the id is left out
        json.writeStringField("name", name);
      }
      json.writeObjectFieldStart("shortDescription");
      json.writeStringField("text", rule.description());
      json.writeEndObject();
      // GitHub code scanning requires both of these of a rule, and shows them on its alerts
      json.writeObjectFieldStart("fullDescription");
      json.writeStringField("text", rule.description());
      json.writeEndObject();
      String page = RulePages.of(rule.id());
      json.writeObjectFieldStart("help");
      json.writeStringField("text", rule.description() + " " + HELP + ": " + page);
      json.writeStringField("markdown", rule.description() + " [" + HELP + "](" + page + ").");
      json.writeEndObject();
      json.writeStringField("helpUri", page);
      json.writeObjectFieldStart("defaultConfiguration");
      json.writeStringField("level", level(rule.severity()));
      json.writeEndObject();
      json.writeObjectFieldStart("properties");
      json.writeArrayFieldStart("tags");
      json.writeString("bpmn");
      if (rule.category() != null) {
        json.writeString(rule.category());
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static final String HELP =
      "The rule's page gives its exact semantics, an incorrect and a correct example, and how to fix"
          + " or suppress a finding";

  /** The tag a code-scanning view can filter a rule's alerts by. */
  private static String tag(RuleInfo.Category category) {
    return switch (category) {
      case MISSION -> "process-quality";
      case BPMNLINT -> "bpmnlint";
      case FLOW -> "flow";
      case CAMUNDA -> "camunda-7";
    };
  }

  /** A rule's friendly name, as SARIF asks for one unlike its id: "CascadedConditions". */
  static String name(String id) {
    StringBuilder name = new StringBuilder(id.length());
    boolean upper = true;
    for (char c : id.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }

  /** The key of {@code partialFingerprints}; a new version when the identity below changes. */
  static final String FINGERPRINT = "camundaCheckupFinding/v1";

  /**
   * The one key of {@code partialFingerprints} GitHub code scanning matches alerts by. Without it,
   * GitHub's upload action fills it with a hash of the text from the flagged line on, which a
   * rename or a moved element changes; given, the action keeps it (and logs that it differs from
   * the hash it would have made).
   */
  static final String GITHUB_FINGERPRINT = "primaryLocationLineHash";

  /**
   * What makes a finding the same one across runs: its rule, process, element and related elements,
   * by id, never by line (Camunda Modeler moves lines on every save) nor by name. A finding without
   * an element (a parse error) is known by its message, digits left out.
   */
  static String identity(Finding finding) {
    List<String> related = new ArrayList<>(finding.relatedElementIds());
    Collections.sort(related);
    return finding.ruleId()
        + '\u0000'
        + finding.processId()
        + '\u0000'
        + (finding.elementId() != null
            ? finding.elementId()
            : finding.message().replaceAll("[0-9]+", "#"))
        + '\u0000'
        + String.join(",", related);
  }

  /** A hash of the identity and its occurrence in the file (two findings alike stay two). */
  static String fingerprint(String identity, int occurrence) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((identity + '\u0000' + occurrence).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static void writeResult(
      JsonGenerator json,
      Artifact file,
      Finding finding,
      Map<String, Integer> ruleIndex,
      String fingerprint)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", finding.ruleId());
    Integer index = ruleIndex.get(finding.ruleId());
    if (index != null) {
      json.writeNumberField("ruleIndex", index);
    }
    json.writeStringField("level", level(finding.severity()));
    json.writeObjectFieldStart("message");
    json.writeStringField("text", finding.messageNamingElement());
    json.writeEndObject();
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    json.writeObjectFieldStart("physicalLocation");
    writeArtifact(json, file);
    if (finding.line() > 0) {
      json.writeObjectFieldStart("region");
      json.writeNumberField("startLine", finding.line());
      if (finding.column() > 0) {
        json.writeNumberField("startColumn", finding.column());
      }
      json.writeEndObject();
    }
    json.writeEndObject();
    if (finding.elementId() != null) {
      json.writeArrayFieldStart("logicalLocations");
      json.writeStartObject();
      json.writeStringField("name", finding.elementId());
      json.writeStringField("kind", "element");
      json.writeEndObject();
      json.writeEndArray();
    }
    json.writeEndObject();
    json.writeEndArray();
    if (!finding.witness().isEmpty()) {
      writeCodeFlow(json, file, finding);
    }
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField(FINGERPRINT, fingerprint);
    json.writeStringField(GITHUB_FINGERPRINT, fingerprint);
    json.writeEndObject();
    if (!finding.relatedElementIds().isEmpty()) {
      json.writeObjectFieldStart("properties");
      json.writeArrayFieldStart("relatedElementIds");
      for (String id : finding.relatedElementIds()) {
        json.writeString(id);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  /** The witness as one thread flow whose locations point at the steps' elements. */
  private static void writeCodeFlow(JsonGenerator json, Artifact file, Finding finding)
      throws IOException {
    json.writeArrayFieldStart("codeFlows");
    json.writeStartObject();
    json.writeArrayFieldStart("threadFlows");
    json.writeStartObject();
    json.writeArrayFieldStart("locations");
    for (WitnessStep step : finding.witness()) {
      json.writeStartObject();
      json.writeObjectFieldStart("location");
      json.writeObjectFieldStart("physicalLocation");
      writeArtifact(json, file);
      if (step.line() > 0) {
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", step.line());
        json.writeEndObject();
      }
      json.writeEndObject();
      if (step.elementId() != null) {
        json.writeArrayFieldStart("logicalLocations");
        json.writeStartObject();
        json.writeStringField("name", step.elementId());
        json.writeStringField("kind", "element");
        json.writeEndObject();
        json.writeEndArray();
      }
      json.writeObjectFieldStart("message");
      json.writeStringField("text", step.step());
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
  }

  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARN -> "warning";
      default -> "note";
    };
  }

  private static void writeArtifact(JsonGenerator json, Artifact file) throws IOException {
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", file.uri());
    if (file.baseId() != null) {
      json.writeStringField("uriBaseId", file.baseId());
    }
    json.writeEndObject();
  }

  /**
   * Where a file given as {@code path} is: relative to the working directory where it lies in it
   * (an absolute path too), so code scanning finds the repository's file when the linter ran from
   * the repository's root; a {@code file:} URI where it lies outside ({@code ../shared/a.bpmn}),
   * since a relative reference climbing out of the root names no file of the repository.
   */
  static Artifact artifact(String path, String workingDirectory) {
    String root = normalized(workingDirectory);
    String file = normalized(path);
    boolean absolute = file.startsWith("/") || startsWithDrive(file);
    if (!absolute && !file.equals("..") && !file.startsWith("../")) {
      return new Artifact(uri(file), SOURCE_ROOT);
    }
    String full = absolute ? file : normalized(root + "/" + file);
    String prefix = root.endsWith("/") ? root : root + "/";
    if (full.startsWith(prefix) && full.length() > prefix.length()) {
      return new Artifact(uri(full.substring(prefix.length())), SOURCE_ROOT);
    }
    return new Artifact(uri(full), null);
  }

  /**
   * A URI reference for a path as given: '/' separators, spaces and the like percent-encoded; a
   * {@code file:} URI for an absolute path.
   */
  static String uri(String given) {
    String path = normalized(given);
    boolean windowsAbsolute = startsWithDrive(path);
    int slash = path.indexOf('/');
    boolean colonFirst = path.substring(0, slash < 0 ? path.length() : slash).indexOf(':') >= 0;
    // an absolute path is a file: URI (C:/x as file:///C:/x); a relative one whose first segment
    // holds a colon would read as a scheme ('v1:draft.bpmn'), so it starts with ./ (RFC 3986, 4.2)
    StringBuilder uri =
        new StringBuilder(
            path.startsWith("/")
                ? "file://"
                : windowsAbsolute ? "file:///" : colonFirst ? "./" : "");
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 128 && (Character.isLetterOrDigit(c) || "/-._~:".indexOf(c) >= 0)) {
        uri.append((char) c);
      } else {
        uri.append('%').append(String.format("%02X", c));
      }
    }
    return uri.toString();
  }

  /**
   * The path without {@code .} segments and with {@code name/..} taken out ({@code ./models/x.bpmn}
   * and {@code models/./x.bpmn} are {@code models/x.bpmn}): code scanning matches a result to a
   * file of the repository by its URI, character by character. Leading {@code ..} segments stay.
   */
  static String normalized(String path) {
    // the root stays: "/", a network share's "//", a Windows drive's "C:/"
    String root =
        path.startsWith("//")
            ? "//"
            : path.startsWith("/") ? "/" : startsWithDrive(path) ? path.substring(0, 3) : "";
    boolean absolute = !root.isEmpty();
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : path.substring(root.length()).split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..") && !segments.isEmpty() && !segments.peekLast().equals("..")) {
        segments.removeLast();
      } else if (!(segment.equals("..") && absolute && segments.isEmpty())) {
        segments.addLast(segment);
      }
    }
    String joined = String.join("/", segments);
    return absolute ? root + joined : joined.isEmpty() ? "." : joined;
  }

  /** Whether the path starts with a Windows drive, "C:/". */
  private static boolean startsWithDrive(String path) {
    return path.length() > 2
        && path.charAt(1) == ':'
        && path.charAt(2) == '/'
        && Character.isLetter(path.charAt(0));
  }
}
