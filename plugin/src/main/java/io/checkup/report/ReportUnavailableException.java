package io.checkup.report;

/**
 * A report could not be had now: the database did not answer within the report's query timeout, or
 * another report held this node's one report computation for longer than that. The engine is not
 * affected; asking again later may succeed. The REST API answers 503.
 */
public final class ReportUnavailableException extends RuntimeException {

  public ReportUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
