package io.checkup.report;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * At most one report computed at a time on a node, so that however many callers ask, the report
 * holds few of the engine's pooled connections: a caller whose scope an ongoing computation covers
 * shares its result; any other waits for its turn, at most the query timeout, and is then told to
 * come back ({@link ReportUnavailableException}).
 */
final class ReportGate {

  private final Semaphore turn = new Semaphore(1, true);
  private final long waitMillis;
  private CompletableFuture<Report> running;
  private ReportScope runningScope;

  /**
   * @param waitMillis how long a caller waits for its turn
   */
  ReportGate(long waitMillis) {
    this.waitMillis = waitMillis;
  }

  /**
   * The report over {@code scope}, computed by {@code compute} or shared from an ongoing
   * computation.
   */
  Report run(ReportScope scope, Function<ReportScope, Report> compute) {
    CompletableFuture<Report> shared;
    synchronized (this) {
      shared = running != null && covers(runningScope, scope) ? running : null;
    }
    if (shared != null) {
      Report report = scope.isAll() ? await(shared) : await(shared).only(scope);
      // a report over all tenants lists the tenant-less part only when it holds something; one
      // that asks for the tenant-less part by name gets it in any case
      if (scope.isAll()
          || !scope.includes(null)
          || report.tenants().stream().anyMatch(tenant -> tenant.tenantId() == null)) {
        return report;
      }
    }
    takeTurn();
    CompletableFuture<Report> mine = new CompletableFuture<>();
    synchronized (this) {
      running = mine;
      runningScope = scope;
    }
    try {
      Report report = compute.apply(scope);
      mine.complete(report);
      return report;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      synchronized (this) {
        running = null;
        runningScope = null;
      }
      turn.release();
    }
  }

  /** A report nobody shares (of another time: a past day's snapshot), computed on its own turn. */
  Report alone(Supplier<Report> compute) {
    takeTurn();
    try {
      return compute.get();
    } finally {
      turn.release();
    }
  }

  private void takeTurn() {
    try {
      if (!turn.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
        throw new ReportUnavailableException(
            "The check-up report is busy: another report has been computing on "
                + "this node for more than "
                + waitMillis / 1000
                + " s (the report's query timeout). Try again later.",
            null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReportUnavailableException("Interrupted while waiting for the check-up report.", e);
    }
  }

  private static boolean covers(ReportScope running, ReportScope asked) {
    return running.isAll() || (!asked.isAll() && running.tenants().containsAll(asked.tenants()));
  }

  private Report await(CompletableFuture<Report> shared) {
    try {
      return shared.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new ReportUnavailableException(
          "The check-up report is busy: the report this request waits for has been "
              + "computing for more than "
              + waitMillis / 1000
              + " s (the report's query timeout). Try again later.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReportUnavailableException("Interrupted while waiting for the check-up report.", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
