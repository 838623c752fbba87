package io.checkup.report;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * At most one report computed at a time on a node, so that however many callers ask, the report
 * holds few of the engine's pooled connections. An answer is never a report that started before its
 * request (a deployment made just before the request is in it): callers that arrive while a report
 * is computing wait for their turn and share the next report computed when its scope covers theirs,
 * so a crowd of requests usually costs one more computation, not one each. A caller waits at most
 * the query timeout for its turn; if by then a report that started after it arrived and covers it
 * is under way, it waits for that one too, again at most the query timeout; otherwise it is told to
 * come back ({@link ReportUnavailableException}).
 *
 * <p>The small reads that answer requests beside the report (a tenant's history, Cockpit's heatmap)
 * take a turn of their own, also one at a time and also waiting at most the query timeout: however
 * many requests arrive while a table is locked, the plugin's answers hold at most two of the
 * engine's pooled connections, one for a report and one for such a read.
 */
final class ReportGate {

  private static final String TURN_TAKEN = "another report has been computing on this node";

  private final Semaphore turn = new Semaphore(1, true);
  private final Semaphore readTurn = new Semaphore(1, true);
  private final long waitMillis;

  /** One computation: its number in the order computations started, its scope, its outcome. */
  private record Computation(long number, ReportScope scope, CompletableFuture<Report> result) {}

  /** How many computations have started on this gate. */
  private long started;

  /**
   * The computation under way, or the last one while callers wait in line for their turn (they may
   * share it); null otherwise, so that no report is kept for nobody.
   */
  private Computation latest;

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
    if (!tryTurn(turn)) {
      Computation underWay = sharable(arrivedAfter, scope);
      Report report = underWay == null ? null : cut(await(underWay.result()), scope);
      if (report == null) {
        throw busy(TURN_TAKEN);
      }
      return report;
    }
    try {
      Computation done = sharable(arrivedAfter, scope);
      Report shared = done == null ? null : cut(outcome(done.result()), scope);
      if (shared != null) {
        return shared;
      }
      Computation mine;
      synchronized (this) {
        mine = new Computation(++started, scope, new CompletableFuture<>());
        latest = mine;
      }
      try {
        Report report = compute.apply(scope);
        mine.result().complete(report);
        return report;
      } catch (Throwable e) {
        // whoever shares this computation gets its failure, never a wait without end
        mine.result().completeExceptionally(e);
        throw e;
      }
    } finally {
      releaseTurn();
    }
  }

  /** Ends a turn; the latest computation is kept only for callers still in line. */
  private void releaseTurn() {
    synchronized (this) {
      if (!turn.hasQueuedThreads()) {
        latest = null;
      }
    }
    turn.release();
  }

  /**
   * The latest computation when it started after the caller arrived and its scope covers the
   * caller's; otherwise null.
   */
  private synchronized Computation sharable(long arrivedAfter, ReportScope scope) {
    return latest != null && latest.number() > arrivedAfter && covers(latest.scope(), scope)
        ? latest
        : null;
  }

  /**
   * A shared report cut to {@code scope}; null when it cannot answer it: a report over all tenants
   * lists the tenant-less part only when it holds something, and one that asks for the tenant-less
   * part by name gets it in any case.
   */
  private static Report cut(Report report, ReportScope scope) {
    if (scope.isAll()) {
      return report;
    }
    Report mine = report.only(scope);
    if (!scope.includes(null)
        || mine.tenants().stream().anyMatch(tenant -> tenant.tenantId() == null)) {
      return mine;
    }
    return null;
  }

  /** A report nobody shares (of another time: a past day's snapshot), computed on its own turn. */
  Report alone(Supplier<Report> compute) {
    if (!tryTurn(turn)) {
      throw busy(TURN_TAKEN);
    }
    try {
      return compute.get();
    } finally {
      releaseTurn();
    }
  }

  /** A small read for a request beside the report, on the read turn. */
  <T> T read(Supplier<T> read) {
    if (!tryTurn(readTurn)) {
      throw new ReportUnavailableException(
          "The check-up is busy: other requests have been reading its tables on this node for more"
              + " than "
              + waitMillis / 1000
              + " s (the report's query timeout). Try again later.",
          null);
    }
    try {
      return read.get();
    } finally {
      readTurn.release();
    }
  }

  /** How many callers wait for their turn now (for tests and diagnostics). */
  int waiting() {
    return turn.getQueueLength();
  }

  /** How many callers wait for a read turn now (for tests and diagnostics). */
  int waitingToRead() {
    return readTurn.getQueueLength();
  }

  private boolean tryTurn(Semaphore which) {
    try {
      return which.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReportUnavailableException("Interrupted while waiting for the check-up report.", e);
    }
  }

  private Report await(CompletableFuture<Report> underWay) {
    try {
      return underWay.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw busy("the report this request waits for has been computing");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReportUnavailableException("Interrupted while waiting for the check-up report.", e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  /** The outcome of a finished computation: its report, or its failure thrown. */
  private static Report outcome(CompletableFuture<Report> finished) {
    try {
      return finished.join();
    } catch (CompletionException e) {
      throw unwrap(e.getCause());
    }
  }

  private ReportUnavailableException busy(String what) {
    return new ReportUnavailableException(
        "The check-up report is busy: "
            + what
            + " for more than "
            + waitMillis / 1000
            + " s (the report's query timeout). Try again later.",
        null);
  }

  private static RuntimeException unwrap(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(failure);
  }

  private static boolean covers(ReportScope running, ReportScope asked) {
    return running.isAll() || (!asked.isAll() && running.tenants().containsAll(asked.tenants()));
  }
}
