package io.checkup.lint.model;

/**
 * The XML is well-formed but is not a BPMN 2.0 document the linter can read (or nested beyond any
 * sane depth).
 */
public final class NotBpmnException extends Exception {

  public NotBpmnException(String message) {
    super(message);
  }
}
