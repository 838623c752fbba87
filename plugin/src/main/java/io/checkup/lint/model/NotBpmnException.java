package io.checkup.lint.model;

/** The XML is well-formed but is not a BPMN 2.0 document. */
public final class NotBpmnException extends Exception {

  public NotBpmnException(String message) {
    super(message);
  }
}
