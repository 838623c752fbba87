package io.checkup.lint.xml;

/** The file is not well-formed XML (or could not be read); line and column are 0 when unknown. */
public final class XmlReadException extends Exception {

  private final int line;
  private final int column;

  public XmlReadException(String message, int line, int column, Throwable cause) {
    super(message, cause);
    this.line = Math.max(line, 0);
    this.column = Math.max(column, 0);
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
