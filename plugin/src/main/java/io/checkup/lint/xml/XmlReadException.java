package io.checkup.lint.xml;

/** The file is not well-formed XML (or could not be read); line and column are 0 when unknown. */
public final class XmlReadException extends Exception {

  private final int line;
  private final int column;
  private final boolean wellFormed;

  public XmlReadException(String message, int line, int column, Throwable cause) {
    this(message, line, column, cause, false);
  }

  private XmlReadException(
      String message, int line, int column, Throwable cause, boolean wellFormed) {
    super(message, cause);
    this.line = Math.max(line, 0);
    this.column = Math.max(column, 0);
    this.wellFormed = wellFormed;
  }

  /** A well-formed document that is not read on, for a reason of the linter's own. */
  static XmlReadException refused(String message, int line, int column) {
    return new XmlReadException(message, line, column, null, true);
  }

  /** What is wrong, as a finding says it. */
  public String describe() {
    return wellFormed ? getMessage() : "not well-formed XML: " + getMessage();
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
