package io.checkup.testing;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the lint findings of thousands of test deployments off the console (they are still logged:
 * tests read them with {@link LogCapture}); anything else the linter logs, a rule that failed for
 * one, still shows.
 */
public final class FindingLinesFilter extends Filter<ILoggingEvent> {

  @Override
  public FilterReply decide(ILoggingEvent event) {
    String message = event.getMessage();
    return message != null
            && (message.startsWith("camunda-checkup lint [")
                || message.startsWith("camunda-checkup lint: {}: {} finding(s)")
                || message.startsWith("camunda-checkup lint: {}: {} more finding(s)"))
        ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }
}
