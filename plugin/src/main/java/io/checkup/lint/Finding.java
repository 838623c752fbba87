package io.checkup.lint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One problem a rule found.
 *
 * @param ruleId the rule's public id
 * @param severity the configured severity
 * @param message what is wrong, in the modeler's words
 * @param elementId the BPMN element the finding is about (may be null for file-level problems)
 * @param line line of the element's start tag (0 when unknown)
 * @param column column of the element's start tag (0 when unknown)
 * @param processId id of the enclosing process (the process definition key), or null
 * @param relatedElementIds further elements involved (the gateways of a cascade, the flows of a
 *     deadlock)
 * @param facts what the rule found, as data for programs (the report reads them, never the
 *     message): each rule documents its keys; values are texts, whole numbers or lists of texts
 * @param witness for {@code deadlock} and {@code lack-of-synchronization}: the choices and events
 *     that lead to the problem, in order; empty for other findings
 */
public record Finding(
    String ruleId,
    Severity severity,
    String message,
    String elementId,
    int line,
    int column,
    String processId,
    List<String> relatedElementIds,
    Map<String, Object> facts,
    List<WitnessStep> witness) {

  public Finding {
    relatedElementIds = relatedElementIds == null ? List.of() : List.copyOf(relatedElementIds);
    facts = facts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    witness = witness == null ? List.of() : List.copyOf(witness);
  }

  /** A finding without a witness. */
  public Finding(
      String ruleId,
      Severity severity,
      String message,
      String elementId,
      int line,
      int column,
      String processId,
      List<String> relatedElementIds,
      Map<String, Object> facts) {
    this(
        ruleId,
        severity,
        message,
        elementId,
        line,
        column,
        processId,
        relatedElementIds,
        facts,
        List.of());
  }

  /** A finding without facts. */
  public Finding(
      String ruleId,
      Severity severity,
      String message,
      String elementId,
      int line,
      int column,
      String processId,
      List<String> relatedElementIds) {
    this(
        ruleId, severity, message, elementId, line, column, processId, relatedElementIds, Map.of());
  }

  /** A fact of the finding as a whole number, or 0 when it has none. */
  public int intFact(String name) {
    return facts.get(name) instanceof Number number ? number.intValue() : 0;
  }

  /** A fact of the finding as text, or null. */
  public String textFact(String name) {
    return facts.get(name) instanceof String text ? text : null;
  }

  /**
   * The message, standing on its own where it is read without the element beside it (a
   * code-scanning alert): the element's id added, as Camunda's problem report adds it, unless the
   * message names it already (bpmnlint's messages, "Element is missing label/name", do not).
   */
  public String messageNamingElement() {
    return namingElement(message);
  }

  /**
   * This text (the message, or the message cut to length) with the element's id added unless it
   * names the id already as a word of its own: "Element t1 ..." names {@code t1}, "Element t10 ..."
   * does not, nor does any message with an "a" in it name an element {@code a}. An element whose id
   * is empty is not named.
   */
  public String namingElement(String text) {
    // an empty id (id="", which the schema refuses) names nothing, and is found everywhere
    if (elementId == null || elementId.isEmpty() || namesWord(text, elementId)) {
      return text;
    }
    return text + " (element " + PlainText.oneLine(elementId, PlainText.NAME_LENGTH) + ")";
  }

  private static boolean namesWord(String text, String word) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      int end = at + word.length();
      if ((at == 0 || !partOfId(text.charAt(at - 1))) && endsWord(text, end)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a word ends here: at the end, or before a character ids do not have or a full stop. */
  private static boolean endsWord(String text, int end) {
    return end == text.length()
        || !partOfId(text.charAt(end))
        || text.charAt(end) == '.' && (end + 1 == text.length() || !partOfId(text.charAt(end + 1)));
  }

  /** A character that may continue an id (an XML name): ids in messages end where these do. */
  private static boolean partOfId(char character) {
    return Character.isLetterOrDigit(character)
        || character == '_'
        || character == '-'
        || character == '.';
  }

  /** A problem with the file itself (unreadable, not XML, not BPMN). */
  public static Finding parseError(String message, int line, int column) {
    return new Finding(PARSE_ERROR, Severity.ERROR, message, null, line, column, null, List.of());
  }

  /** Rule id of findings for files that could not be read or parsed. */
  public static final String PARSE_ERROR = "parse-error";

  /** Rule id of findings that report a crash inside the linter itself. */
  public static final String INTERNAL_ERROR = "internal-error";
}
