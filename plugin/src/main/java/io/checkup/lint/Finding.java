package io.checkup.lint;

import java.util.List;

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
 * @param relatedElementIds further elements involved (the gateways of a cascade, the flows of a deadlock)
 */
public record Finding(String ruleId, Severity severity, String message, String elementId, int line, int column,
    String processId, List<String> relatedElementIds) {

  public Finding {
    relatedElementIds = relatedElementIds == null ? List.of() : List.copyOf(relatedElementIds);
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
