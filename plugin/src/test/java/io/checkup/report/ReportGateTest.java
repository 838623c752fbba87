package io.checkup.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One report computed at a time per node: callers share the next report when it covers them, never
 * one that started before they asked, and nobody waits forever.
 */
class ReportGateTest {

  private static Report.TenantReport tenant(String id) {
    return new Report.TenantReport(
        id, RiskLevel.HEALTHY, 100, List.of(), List.of(), id, null, null, null, null, null, null);
  }

  private final ExecutorService threads = Executors.newCachedThreadPool();

  private static final Report ALL =
      new Report("now", List.of(tenant("acme"), tenant("globex"), tenant(null)));

  @Test
  void callersThatQueueWhileAReportComputesShareTheNextOneCutToTheirScope() throws Exception {
    ReportGate gate = new ReportGate(10_000);
    CountDownLatch release = new CountDownLatch(1);
    Report before = new Report("before", List.of(tenant("acme")));
    CompletableFuture<Report> first = holding(gate, ReportScope.all(), release, scope -> before);
    CompletableFuture<Report> all = queued(gate, ReportScope.all(), 1, ReportGateTest::cut);
    CompletableFuture<Report> acme = queued(gate, acme(), 2, ReportGateTest::cut);
    release.countDown();

    assertThat(first.get(5, TimeUnit.SECONDS)).isSameAs(before);
    // the report that started before they asked answers neither; the next one answers both
    assertThat(all.get(5, TimeUnit.SECONDS)).isSameAs(ALL);
    assertThat(acme.get(5, TimeUnit.SECONDS).tenants())
        .extracting(Report.TenantReport::tenantId)
        .containsExactly("acme");
    assertThat(acme.get().generatedAt()).isEqualTo("now");
    assertThat(computations).hasValue(2);
  }

  @Test
  void aCallerWhoseScopeTheNextReportDoesNotCoverComputesItsOwn() throws Exception {
    ReportGate gate = new ReportGate(10_000);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Report> first = holding(gate, ReportScope.all(), release, scope -> ALL);
    CompletableFuture<Report> acme = queued(gate, acme(), 1, ReportGateTest::cut);
    CompletableFuture<Report> globex =
        queued(gate, ReportScope.of(Set.of("globex")), 2, ReportGateTest::cut);
    release.countDown();

    first.get(5, TimeUnit.SECONDS);
    assertThat(acme.get(5, TimeUnit.SECONDS).tenants())
        .extracting(Report.TenantReport::tenantId)
        .containsExactly("acme");
    assertThat(globex.get(5, TimeUnit.SECONDS).tenants())
        .extracting(Report.TenantReport::tenantId)
        .containsExactly("globex");
    assertThat(computations).hasValue(3);
  }

  @Test
  void aCallerThatArrivesWhileTheNextReportComputesWaitsForTheOneAfter() throws Exception {
    ReportGate gate = new ReportGate(10_000);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    CountDownLatch secondComputing = new CountDownLatch(1);
    CountDownLatch releaseSecond = new CountDownLatch(1);
    CompletableFuture<Report> first = holding(gate, ReportScope.all(), releaseFirst, scope -> ALL);
    CompletableFuture<Report> second =
        queued(
            gate,
            ReportScope.all(),
            1,
            scope -> {
              secondComputing.countDown();
              await(releaseSecond);
              return new Report("second", List.of(tenant("acme")));
            });
    releaseFirst.countDown();
    assertThat(secondComputing.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Report> third = queued(gate, acme(), 1, ReportGateTest::cut);
    releaseSecond.countDown();

    first.get(5, TimeUnit.SECONDS);
    assertThat(second.get(5, TimeUnit.SECONDS).generatedAt()).isEqualTo("second");
    assertThat(third.get(5, TimeUnit.SECONDS).generatedAt()).isEqualTo("now");
    assertThat(computations).hasValue(3);
  }

  @Test
  void aCallerWhoseTurnDoesNotComeInTimeWaitsForAReportUnderWayThatStartedAfterIt()
      throws Exception {
    ReportGate gate = new ReportGate(1_000);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    CountDownLatch releaseSecond = new CountDownLatch(1);
    Report second = new Report("second", List.of(tenant("acme"), tenant("globex")));
    CompletableFuture<Report> first = holding(gate, ReportScope.all(), releaseFirst, scope -> ALL);
    CompletableFuture<Report> all =
        queued(
            gate,
            ReportScope.all(),
            1,
            scope -> {
              await(releaseSecond);
              return second;
            });
    CompletableFuture<Report> acme = queued(gate, acme(), 2, ReportGateTest::cut);
    releaseFirst.countDown();
    // the second report computes; acme's turn does not come within the gate's second
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (gate.waiting() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(gate.waiting()).as("acme stopped waiting for its turn").isZero();
    releaseSecond.countDown();

    first.get(5, TimeUnit.SECONDS);
    assertThat(all.get(5, TimeUnit.SECONDS)).isSameAs(second);
    assertThat(acme.get(5, TimeUnit.SECONDS).tenants())
        .extracting(Report.TenantReport::tenantId)
        .containsExactly("acme");
    assertThat(acme.get().generatedAt()).isEqualTo("second");
    assertThat(computations).hasValue(2);
  }

  @Test
  void aCallerThatWouldWaitLongerThanTheTimeoutIsToldToComeBack() throws Exception {
    ReportGate gate = new ReportGate(300);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Report> slow = holding(gate, acme(), release, ReportGateTest::cut);

    // another scope, or the same: it waits for its turn, at most the timeout
    ReportUnavailableException busy =
        catchThrowableOfType(
            ReportUnavailableException.class,
            () -> gate.run(ReportScope.of(Set.of("globex")), scope -> ALL));
    ReportUnavailableException stillBusy =
        catchThrowableOfType(
            ReportUnavailableException.class, () -> gate.run(acme(), scope -> ALL));
    release.countDown();

    assertThat(busy).hasMessageContaining("busy");
    assertThat(stillBusy).hasMessageContaining("busy");
    assertThat(slow.get(5, TimeUnit.SECONDS).tenants()).hasSize(1);
    // and once it is done, the next caller gets its turn at once
    assertThat(gate.run(ReportScope.of(Set.of("globex")), ReportGateTest::cut).tenants())
        .hasSize(1);
  }

  @Test
  void aFailureReachesEveryoneWhoSharedTheReportAndFreesTheTurn() throws Exception {
    ReportGate gate = new ReportGate(5_000);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Report> first = holding(gate, ReportScope.all(), release, scope -> ALL);
    CompletableFuture<Report> failing =
        queued(
            gate,
            ReportScope.all(),
            1,
            scope -> {
              throw new ReportUnavailableException("the database did not answer", null);
            });
    CompletableFuture<Report> sharing = queued(gate, acme(), 2, ReportGateTest::cut);
    release.countDown();

    first.get(5, TimeUnit.SECONDS);
    assertThat(
            catchThrowableOfType(ExecutionException.class, () -> failing.get(5, TimeUnit.SECONDS)))
        .hasCauseInstanceOf(ReportUnavailableException.class);
    assertThat(
            catchThrowableOfType(ExecutionException.class, () -> sharing.get(5, TimeUnit.SECONDS)))
        .hasCauseInstanceOf(ReportUnavailableException.class);
    assertThat(computations).hasValue(2);
    assertThat(gate.run(ReportScope.all(), scope -> ALL)).isSameAs(ALL);
  }

  @Test
  void aReportAskedForTheTenantLessPartIsNotAnsweredEmptyFromOneOverAllThatHasNone()
      throws Exception {
    ReportGate gate = new ReportGate(5_000);
    CountDownLatch release = new CountDownLatch(1);
    Report withoutTenantLess = new Report("now", List.of(tenant("acme")));
    CompletableFuture<Report> first = holding(gate, ReportScope.all(), release, scope -> ALL);
    CompletableFuture<Report> all = queued(gate, ReportScope.all(), 1, scope -> withoutTenantLess);
    Set<String> tenantLess = new HashSet<>();
    tenantLess.add(null);
    CompletableFuture<Report> own =
        queued(gate, ReportScope.of(tenantLess), 2, ReportGateTest::cut);
    release.countDown();

    first.get(5, TimeUnit.SECONDS);
    assertThat(all.get(5, TimeUnit.SECONDS)).isSameAs(withoutTenantLess);
    assertThat(own.get(5, TimeUnit.SECONDS).tenants())
        .extracting(Report.TenantReport::tenantId)
        .containsExactly((String) null);
    assertThat(computations).hasValue(3);
  }

  @Test
  void smallReadsTakeOneTurnOfTheirOwnBesideTheReport() throws Exception {
    ReportGate gate = new ReportGate(10_000);
    CountDownLatch releaseReport = new CountDownLatch(1);
    CompletableFuture<Report> report = holding(gate, ReportScope.all(), releaseReport, s -> ALL);
    // a read goes on while a report computes: a heatmap does not wait for a slow report
    assertThat(gate.read(() -> "read")).isEqualTo("read");

    CountDownLatch releaseRead = new CountDownLatch(1);
    CompletableFuture<String> slowRead = reading(gate, releaseRead);
    // a second read waits for the first and gets its turn when it ends
    CompletableFuture<String> queued = async(() -> gate.read(() -> "queued"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (gate.waitingToRead() < 1 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(gate.waitingToRead()).isEqualTo(1);
    assertThat(queued).isNotDone();
    releaseRead.countDown();
    assertThat(slowRead.get(5, TimeUnit.SECONDS)).isEqualTo("slow");
    assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("queued");

    // a read that fails frees the turn too
    assertThat(
            catchThrowableOfType(
                IllegalStateException.class,
                () ->
                    gate.read(
                        () -> {
                          throw new IllegalStateException("the query failed");
                        })))
        .hasMessage("the query failed");
    assertThat(gate.read(() -> "after")).isEqualTo("after");
    releaseReport.countDown();
    assertThat(report.get(5, TimeUnit.SECONDS)).isSameAs(ALL);
  }

  @Test
  void aReadThatWouldWaitLongerThanTheTimeoutIsToldToComeBack() throws Exception {
    ReportGate gate = new ReportGate(300);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> slowRead = reading(gate, release);

    ReportUnavailableException busy =
        catchThrowableOfType(ReportUnavailableException.class, () -> gate.read(() -> "second"));
    release.countDown();

    assertThat(busy).hasMessageContaining("busy").hasMessageContaining("reading its tables");
    assertThat(slowRead.get(5, TimeUnit.SECONDS)).isEqualTo("slow");
    assertThat(gate.read(() -> "next")).isEqualTo("next");
  }

  /** A read that holds the gate's read turn until {@code release}. */
  private CompletableFuture<String> reading(ReportGate gate, CountDownLatch release)
      throws InterruptedException {
    return begun(
        started ->
            gate.read(
                () -> {
                  started.run();
                  await(release);
                  return "slow";
                }));
  }

  /**
   * A caller on a thread of its own, returned once it has begun the work it holds its turn for:
   * {@code call} runs the runnable it is given when it has.
   */
  private <T> CompletableFuture<T> begun(Function<Runnable, T> call) throws InterruptedException {
    CountDownLatch begun = new CountDownLatch(1);
    CompletableFuture<T> caller = async(() -> call.apply(begun::countDown));
    assertThat(begun.await(5, TimeUnit.SECONDS)).isTrue();
    return caller;
  }

  private final AtomicInteger computations = new AtomicInteger();

  private static ReportScope acme() {
    return ReportScope.of(Set.of("acme"));
  }

  /** {@link #ALL} cut to the scope asked for. */
  private static Report cut(ReportScope scope) {
    return scope.isAll() ? ALL : ALL.only(scope);
  }

  /** A caller whose computation holds the gate's turn until {@code release}. */
  private CompletableFuture<Report> holding(
      ReportGate gate,
      ReportScope asked,
      CountDownLatch release,
      Function<ReportScope, Report> result)
      throws InterruptedException {
    return begun(
        started ->
            gate.run(
                asked,
                scope -> {
                  computations.incrementAndGet();
                  started.run();
                  await(release);
                  return result.apply(scope);
                }));
  }

  /** A caller of the gate, returned once it is the {@code waiting}th in line. */
  private CompletableFuture<Report> queued(
      ReportGate gate, ReportScope asked, int waiting, Function<ReportScope, Report> result)
      throws InterruptedException {
    CompletableFuture<Report> caller =
        async(
            () ->
                gate.run(
                    asked,
                    scope -> {
                      computations.incrementAndGet();
                      return result.apply(scope);
                    }));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (gate.waiting() < waiting && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(gate.waiting()).isEqualTo(waiting);
    return caller;
  }

  /** Each caller on a thread of its own (the common pool may have one thread on two cores). */
  private <T> CompletableFuture<T> async(Supplier<T> caller) {
    return CompletableFuture.supplyAsync(caller, threads);
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
