package io.checkup.report;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * At most one report computed at a time on a node, so that however many callers ask, the report
 * holds few of the engine's pooled connections. A caller waits for its turn, at most the query
 * timeout, and is then told to come back ({@link ReportUnavailableException}). Callers that queued
 * while a report was computing share the next one computed, when its scope covers theirs: an answer
 * is never a report that started before its request (a deployment made just before the request is
 * in it), yet a crowd of requests costs one computation, not one each.
 */
final class ReportGate {

  private final Semaphore turn = new Semaphore(1, true);
  private final long waitMillis;

  /** How many computations have started on this gate. */
  private long started;

  /**
   * The last computation (its result or failure), kept while callers queue for it; its number in
   * {@link #started}, and its scope.
   */
  private CompletableFuture<Report> last;

  private long lastNumber;
  private ReportScope lastScope;

  /**
   * @param waitMillis how long a caller waits for its turn
   */
  ReportGate(long waitMillis) {
    this.waitMillis = waitMillis;
  }

  /**
   * The report over {@code scope}, computed by {@code compute}, or shared from a computation that
   * started after this call began.
   */
  Report run(ReportScope scope, Function<ReportScope, Report> compute) {
    long arrivedAfter;
    synchronized (this) {
      arrivedAfter = started;
    }
    takeTurn();
    try {
      Report shared = sharedSince(arrivedAfter, scope);
      if (shared != null) {
        return shared;
      }
      CompletableFuture<Report> mine = new CompletableFuture<>();
      long number;
      synchronized (this) {
        number = ++started;
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
          // kept only for callers already queued: nobody else may share it
          boolean queued = turn.hasQueuedThreads();
          last = queued ? mine : null;
          lastNumber = number;
          lastScope = queued ? scope : null;
        }
      }
    } finally {
      turn.release();
    }
  }

  /**
   * The last computation's report cut to {@code scope} (or its failure, thrown), when it started
   * after the caller arrived and covers the caller's scope; otherwise null.
   */
  private Report sharedSince(long arrivedAfter, ReportScope scope) {
    CompletableFuture<Report> done;
    synchronized (this) {
      done = last != null && lastNumber > arrivedAfter && covers(lastScope, scope) ? last : null;
    }
    if (done == null) {
      return null;
    }
    Report report = scope.isAll() ? result(done) : result(done).only(scope);
    // a report over all tenants lists the tenant-less part only when it holds something; one
    // that asks for the tenant-less part by name gets it in any case
    if (scope.isAll()
        || !scope.includes(null)
        || report.tenants().stream().anyMatch(tenant -> tenant.tenantId() == null)) {
      return report;
    }
    return null;
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

  /** How many callers wait for their turn now (for tests and diagnostics). */
  int waiting() {
    return turn.getQueueLength();
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

  private static Report result(CompletableFuture<Report> done) {
    try {
      return done.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
