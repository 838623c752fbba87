package io.checkup.alerts;

import io.checkup.lint.PlainText;
import io.checkup.text.Durations;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the pending alerts: takes each due one for itself (one atomic update, so one node of a
 * cluster delivers it at a time), posts it without waiting, and records the outcome: sent, or
 * retried after a wait that doubles with each attempt, or given up once it has been retried for
 * {@code retry-for}. A few deliveries run at once, so one slow receiver answer holds up neither the
 * caller nor the other alerts. Never throws.
 */
final class AlertDelivery {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.alerts");

  /** Deliveries under way at once on a node. */
  static final int PARALLEL = 4;

  private final AlertTables tables;
  private final AlertSettings settings;
  private final Webhook webhook;
  private final Predicate<String> excluded;
  private final Semaphore slots = new Semaphore(PARALLEL);

  AlertDelivery(
      AlertTables tables, AlertSettings settings, Webhook webhook, Predicate<String> excluded) {
    this.tables = tables;
    this.settings = settings;
    this.webhook = webhook;
    this.excluded = excluded;
  }

  /**
   * Starts the delivery of every due alert there is a free slot for.
   *
   * @return one future per delivery started, done when its outcome is recorded
   */
  List<CompletableFuture<Void>> pass() {
    List<CompletableFuture<Void>> started = new ArrayList<>();
    int free = slots.availablePermits();
    if (free == 0) {
      return started;
    }
    List<AlertTables.Due> due;
    try {
      due = tables.due(System.currentTimeMillis(), free);
    } catch (SQLException e) {
      LOG.warn(
          "camunda-checkup: the pending alerts cannot be read ({}); the next pass tries again",
          e.toString());
      return started;
    }
    for (AlertTables.Due alert : due) {
      if (!slots.tryAcquire()) {
        break;
      }
      // a token of this claim: only the delivery that holds it records its outcome
      String claim = claimToken();
      boolean claimed;
      try {
        long at = System.currentTimeMillis();
        claimed = tables.claim(alert.id(), claim, at, at + settings.claim().toMillis());
      } catch (SQLException | RuntimeException e) {
        slots.release();
        LOG.warn(
            "camunda-checkup: alert {} cannot be taken for delivery ({}); the next pass tries again",
            alert.id(),
            e.toString());
        continue;
      }
      if (!claimed) {
        slots.release(); // another node has it
        continue;
      }
      try {
        started.add(deliver(alert, claim));
      } catch (RuntimeException e) {
        slots.release();
        LOG.warn(
            "camunda-checkup: alert {} could not be sent ({}); it is tried again once its hold ends",
            alert.id(),
            e.toString());
      }
    }
    return started;
  }

  private String claimToken() {
    String token = UUID.randomUUID() + " " + settings.nodeId();
    return token.length() > 128 ? token.substring(0, 128) : token;
  }

  private CompletableFuture<Void> deliver(AlertTables.Due alert, String claim) {
    int attempt = alert.attempts() + 1;
    if (excluded.test(alert.tenantId())) {
      try {
        tables.failed(alert.id(), claim, alert.attempts(), null, "the tenant is excluded");
        LOG.info(
            "camunda-checkup: alert {} for {} dropped: the tenant is excluded now",
            alert.id(),
            tenant(alert.tenantId()));
      } catch (SQLException e) {
        LOG.warn("camunda-checkup: alert {} cannot be dropped ({})", alert.id(), e.toString());
      } finally {
        slots.release();
      }
      return CompletableFuture.completedFuture(null);
    }
    return webhook
        .post(alert.id(), alert.body())
        .handle(
            (status, failure) -> {
              try {
                if (failure == null && status >= 200 && status < 300) {
                  tables.sent(alert.id(), claim, attempt, System.currentTimeMillis());
                  LOG.info(
                      "camunda-checkup: alert {} for {} delivered (attempt {})",
                      alert.id(),
                      tenant(alert.tenantId()),
                      attempt);
                } else {
                  retryOrGiveUp(
                      alert,
                      claim,
                      attempt,
                      failure == null ? "HTTP " + status : webhook.describe(failure));
                }
              } catch (SQLException | RuntimeException e) {
                LOG.warn(
                    "camunda-checkup: the outcome of alert {} cannot be recorded ({}); it is "
                        + "delivered again once its hold ends",
                    alert.id(),
                    e.toString());
              } finally {
                slots.release();
              }
              return null;
            });
  }

  private void retryOrGiveUp(AlertTables.Due alert, String claim, int attempt, String why)
      throws SQLException {
    long now = System.currentTimeMillis();
    // the last attempt falls at the end of the retry span, not at the last doubling inside it
    long deadline = alert.created() + settings.retryFor().toMillis();
    long next = Math.min(now + settings.backoff(attempt).toMillis(), deadline);
    if (now >= deadline) {
      tables.failed(alert.id(), claim, attempt, null, why);
      LOG.warn(
          "camunda-checkup: alert {} for {} given up after {} attempts over {} ({})",
          alert.id(),
          tenant(alert.tenantId()),
          attempt,
          Durations.format(settings.retryFor()),
          why);
      return;
    }
    tables.failed(alert.id(), claim, attempt, next, why);
    String line = "camunda-checkup: alert {} for {} not delivered, attempt {} ({}); retry in {} s";
    Object[] arguments = {
      alert.id(), tenant(alert.tenantId()), attempt, why, (next - now + 999) / 1000
    };
    if (attempt == 1) {
      LOG.warn(line, arguments);
    } else {
      LOG.info(line, arguments);
    }
  }

  /** A tenant for a log line: neutralised, since an id can hold anything. */
  static String tenant(String tenantId) {
    return tenantId == null
        ? "the tenant-less part"
        : "tenant '" + PlainText.oneLine(tenantId, PlainText.NAME_LENGTH) + "'";
  }
}
