package io.checkup.lint.model;

import io.checkup.lint.xml.XmlNode;

/**
 * The XML is well-formed but is not a BPMN 2.0 document the linter can read (or nested beyond any
 * sane depth).
 */
public final class NotBpmnException extends Exception {

  private final transient XmlNode at;

  /**
   * @param at the element the problem is found at, for its line and column
   */
  public NotBpmnException(String message, XmlNode at) {
    super(message);
    this.at = at;
  }

  /** The element the problem is found at. */
  public XmlNode at() {
    return at;
  }
}
