package io.checkup.report;

/**
 * A report could not be had now: the database did not answer within the report's query timeout, or
 * another report held this node's one report computation for longer than that. The engine is not
 * affected; asking again later may succeed. The REST API answers 503 with the message; the
 * database's own words, which may name hosts, schemas or values, are only in the {@link #detail()}
 * for the log.
 */
public final class ReportUnavailableException extends RuntimeException {

  private final String detail;

  public ReportUnavailableException(String message, Throwable cause) {
    this(message, null, cause);
  }

  /**
   * @param detail what the database said, for the log only (null: nothing more to say)
   */
  public ReportUnavailableException(String message, String detail, Throwable cause) {
    super(message, cause);
    this.detail = detail;
  }

  /** What the database said, for the log; never part of an answer. Null when nothing. */
  public String detail() {
    return detail;
  }
}
