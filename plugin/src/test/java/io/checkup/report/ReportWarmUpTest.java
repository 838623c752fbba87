package io.checkup.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.checkup.testing.LogCapture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A warm-up that fails (a database still starting up with the engine) is tried again the same day,
 * sooner at first and then less often, not only after the next midnight.
 */
class ReportWarmUpTest {

  private ReportWarmUp warmUp;

  @AfterEach
  void stop() {
    warmUp.stop();
  }

  @Test
  void aFailedWarmUpIsTriedAgainAfterOneTickThenTwo() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch warmed = new CountDownLatch(1);
    warmUp =
        new ReportWarmUp(
            () -> {
              if (attempts.incrementAndGet() <= 2) {
                throw new IllegalStateException("the database is not up yet");
              }
              warmed.countDown();
              return 3;
            });
    try (LogCapture log = LogCapture.of("io.checkup.report")) {
      assertThat(catchThrowable(() -> warmUp.start("e", () -> true, 1).get(10, TimeUnit.SECONDS)))
          .hasRootCauseMessage("the database is not up yet");

      assertThat(warmed.await(20, TimeUnit.SECONDS)).isTrue();
      // tried at start, after one tick, then after two more
      assertThat(attempts).hasValue(3);
      // the success is logged once the report is back
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (log.linesContaining("report warmed up after").isEmpty() && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      assertThat(log.lines())
          .anyMatch(line -> line.contains("the background tries again in 1s"))
          .anyMatch(line -> line.contains("the background tries again in 2s"))
          .anyMatch(line -> line.contains("report warmed up after 2 failure(s)"));
    }
  }

  @Test
  void aWarmUpCutShortByTheEnginesCloseWarnsOfNothing() throws Exception {
    CountDownLatch generating = new CountDownLatch(1);
    warmUp =
        new ReportWarmUp(
            () -> {
              generating.countDown();
              try {
                Thread.sleep(60_000); // a report under way when the engine closes
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReportUnavailableException(
                    "Interrupted while waiting for the report.", e);
              }
              return 1;
            });
    try (LogCapture log = LogCapture.of("io.checkup.report")) {
      warmUp.start("e", () -> true, 60);
      assertThat(generating.await(10, TimeUnit.SECONDS)).isTrue();

      warmUp.stop();

      // no retry is promised at shutdown, nor a failure reported
      assertThat(log.linesContaining("failed")).isEmpty();
    }
  }
}
