package io.checkup.alerts;

import java.net.URI;
import java.time.Duration;

/**
 * How alerts are raised and delivered (docs/alerts.md).
 *
 * @param webhook where each alert is POSTed (http or https)
 * @param secret signs each body when set (HMAC-SHA256), else null
 * @param interval how often the tenants are evaluated, once per cluster
 * @param scoreDrop the fall of a score within 7 days that raises an alert
 * @param coolDown for this long after a tenant's alert, it is alerted again only when worse than
 *     that alert said; zero: at every fall
 * @param reportUrl the report's address, to which an alert adds the tenant
 * @param retryAfter the wait before the first retry; it doubles with each further one, up to 1 h
 * @param retryFor how long an alert is retried before it is given up
 * @param timeout how long one delivery may take
 * @param nodeId this node's name, in the rows it claims
 */
public record AlertSettings(
    URI webhook,
    String secret,
    Duration interval,
    int scoreDrop,
    Duration coolDown,
    String reportUrl,
    Duration retryAfter,
    Duration retryFor,
    Duration timeout,
    String nodeId) {

  /** The longest wait between two attempts. */
  static final Duration LONGEST_WAIT = Duration.ofHours(1);

  /** The wait after the given number of failed attempts (1: the first retry). */
  Duration backoff(int failedAttempts) {
    Duration wait = retryAfter;
    for (int i = 1; i < failedAttempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }

  /** How long a node holds an alert it is delivering before another node may try it. */
  Duration claim() {
    return timeout.plusSeconds(30);
  }

  /** Never the address or the secret: they may carry credentials. */
  @Override
  public String toString() {
    return "AlertSettings[interval="
        + interval
        + ", scoreDrop="
        + scoreDrop
        + ", coolDown="
        + coolDown
        + ", retryAfter="
        + retryAfter
        + ", retryFor="
        + retryFor
        + ", timeout="
        + timeout
        + "]";
  }
}
