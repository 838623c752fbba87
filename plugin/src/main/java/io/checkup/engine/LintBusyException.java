package io.checkup.engine;

/**
 * The findings of a stored model cannot be had now: other stored models are being linted on this
 * node (one at a time, so that only one model is held in memory) and the caller has waited long
 * enough. A lint under way goes on, and asking again later gets its findings. The REST API answers
 * 503 with {@code Retry-After}.
 */
public final class LintBusyException extends RuntimeException {

  LintBusyException(String message) {
    super(message);
  }
}
