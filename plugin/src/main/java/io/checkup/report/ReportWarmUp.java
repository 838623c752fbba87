package io.checkup.report;

import io.checkup.stats.UtcPeriods;
import io.checkup.text.Durations;
import io.checkup.threads.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates one report over all tenants in the background when the engine starts, and again a
 * minute after each UTC midnight, so that the first report a partner asks for after a restart, or
 * on a new day (when every window slides by a day), finds the settled sums of its windows and the
 * model profiles in memory (docs/report.md: warm-up). Never throws: a failure is logged, the next
 * report simply does the work itself, and the warm-up tries again later the same day.
 */
final class ReportWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.report");

  private final IntSupplier generateAll;
  private volatile CompletableFuture<Integer> last;
  private ScheduledExecutorService keeper;

  /** The UTC day of the last background report: the next one is due when a new day has begun. */
  private volatile long warmDay = Long.MAX_VALUE;

  /** Set when the engine's close stops the warm-up: what fails from then on is the stop's doing. */
  private volatile boolean stopping;

  // the keeper thread's own: ticks so far, failed reports in a row, and the tick of the next try
  private long ticks;
  private int failures;
  private long retryTick;
  private long tickSeconds = 60;

  /**
   * @param generateAll generates a report over all tenants and returns their number
   */
  ReportWarmUp(IntSupplier generateAll) {
    this.generateAll = generateAll;
  }

  /**
   * Starts now, and ticks every {@code tickSeconds}: stops once {@code alive} says the engine is
   * gone, slides the windows once a new UTC day has begun.
   *
   * @param engineName names the thread, {@code camunda-checkup-report-warm-up-<engine>}
   * @return the number of tenants, once this warm-up is done
   */
  synchronized CompletableFuture<Integer> start(
      String engineName, BooleanSupplier alive, long tickSeconds) {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    if (keeper == null) {
      stopping = false;
      this.tickSeconds = tickSeconds;
      keeper = DaemonThreads.scheduler("camunda-checkup-report-warm-up-" + engineName, true);
      keeper.scheduleWithFixedDelay(() -> tick(alive), tickSeconds, tickSeconds, TimeUnit.SECONDS);
    }
    keeper.execute(() -> generate(done, "report warmed up"));
    last = done;
    return done;
  }

  private void tick(BooleanSupplier alive) {
    if (!alive.getAsBoolean()) {
      stop();
      return;
    }
    ticks++;
    if (UtcPeriods.dayStart(ClockUtil.getCurrentTime().getTime()) > warmDay) {
      generate(new CompletableFuture<>(), "report slid to the new day");
    } else if (failures > 0 && ticks >= retryTick) {
      CompletableFuture<Integer> retry = new CompletableFuture<>();
      last = retry; // the warm-up's outcome is the retry's now
      generate(retry, "report warmed up after " + failures + " failure(s)");
    }
  }

  private void generate(CompletableFuture<Integer> done, String what) {
    long started = System.nanoTime();
    long day = UtcPeriods.dayStart(ClockUtil.getCurrentTime().getTime());
    try {
      int tenants = generateAll.getAsInt();
      warmDay = day;
      failures = 0;
      LOG.info(
          "camunda-checkup: {} in {} ms ({} tenant(s) in the report, the part without a tenant among them when it is there), in the "
              + "background: the next report asked for is as fast as any other",
          what,
          (System.nanoTime() - started) / 1_000_000,
          tenants);
      done.complete(tenants);
    } catch (Throwable e) {
      if (stopping) {
        // the engine is closing: a report cut short is no failure, and nothing is tried again
        LOG.debug(
            "camunda-checkup: the background report stopped with the engine ({})", e.toString());
        done.completeExceptionally(e);
        return;
      }
      // logged, and tried again after 1, 2, 4 ... ticks, at most an hour apart (an OutOfMemoryError
      // or a StackOverflowError too): an escaping throwable would end the schedule for the rest of
      // the node's life, and a database still starting up would leave the day's first report cold
      warmDay = day;
      failures++;
      long wait = Math.min(Math.max(1, 3600 / tickSeconds), 1L << Math.min(failures - 1, 20));
      retryTick = ticks + wait;
      LOG.warn(
          "camunda-checkup: generating the report in the background failed ({}); the next report asked for "
              + "does the work itself, and the background tries again in {}",
          e.toString(),
          Durations.format(Duration.ofSeconds(wait * tickSeconds)));
      done.completeExceptionally(e);
    }
  }

  /** Stops the background work, waiting a few seconds for a report under way. */
  void stop() {
    ScheduledExecutorService keeping;
    synchronized (this) {
      keeping = keeper;
      keeper = null;
    }
    if (keeping == null) {
      return;
    }
    this.stopping = true;
    keeping.shutdownNow();
    CompletableFuture<Integer> warmUp = last;
    if (warmUp != null) {
      warmUp.cancel(
          false); // no effect when done; a warm-up that never ran does not leave its waiters
      // hanging
    }
    DaemonThreads.awaitStopped(keeping, "the report warm-up");
  }

  /** The last warm-up started, if any. */
  CompletableFuture<Integer> last() {
    return last;
  }
}
