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
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger computations = new AtomicInteger();
    Report before = new Report("before", List.of(tenant("acme")));

    CompletableFuture<Report> first =
        async(
            () ->
                gate.run(
                    ReportScope.all(),
                    scope -> {
                      computations.incrementAndGet();
                      computing.countDown();
                      await(release);
                      return before;
                    }));
    computing.await(5, TimeUnit.SECONDS);
    CompletableFuture<Report> all = queued(gate, ReportScope.all(), computations, 1);
    CompletableFuture<Report> acme = queued(gate, ReportScope.of(Set.of("acme")), computations, 2);
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
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger computations = new AtomicInteger();
    CompletableFuture<Report> first =
        async(
            () ->
                gate.run(
                    ReportScope.all(),
                    scope -> {
                      computations.incrementAndGet();
                      computing.countDown();
                      await(release);
                      return ALL;
                    }));
    computing.await(5, TimeUnit.SECONDS);
    CompletableFuture<Report> acme = queued(gate, ReportScope.of(Set.of("acme")), computations, 1);
    CompletableFuture<Report> globex =
        queued(gate, ReportScope.of(Set.of("globex")), computations, 2);
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

  /** A caller of the gate that computes {@link #ALL} cut to its scope, once it waits in line. */
  private CompletableFuture<Report> queued(
      ReportGate gate, ReportScope asked, AtomicInteger computations, int waiting)
      throws InterruptedException {
    CompletableFuture<Report> caller =
        async(
            () ->
                gate.run(
                    asked,
                    scope -> {
                      computations.incrementAndGet();
                      return scope.isAll() ? ALL : ALL.only(scope);
                    }));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (gate.waiting() < waiting && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(gate.waiting()).isEqualTo(waiting);
    return caller;
  }

  @Test
  void aCallerThatWouldWaitLongerThanTheTimeoutIsToldToComeBack() throws Exception {
    ReportGate gate = new ReportGate(300);
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Report> slow =
        async(
            () ->
                gate.run(
                    ReportScope.of(Set.of("acme")),
                    scope -> {
                      computing.countDown();
                      await(release);
                      return ALL.only(scope);
                    }));
    computing.await(5, TimeUnit.SECONDS);

    // another scope: it waits for its turn, at most the timeout
    ReportUnavailableException busy =
        catchThrowableOfType(
            ReportUnavailableException.class,
            () -> gate.run(ReportScope.of(Set.of("globex")), scope -> ALL));
    // the same scope: it waits for the ongoing report, at most the timeout
    ReportUnavailableException stillBusy =
        catchThrowableOfType(
            ReportUnavailableException.class,
            () -> gate.run(ReportScope.of(Set.of("acme")), scope -> ALL));
    release.countDown();

    assertThat(busy).hasMessageContaining("busy");
    assertThat(stillBusy).hasMessageContaining("busy");
    assertThat(slow.get(5, TimeUnit.SECONDS).tenants()).hasSize(1);
    // and once it is done, the next caller gets its turn at once
    assertThat(gate.run(ReportScope.of(Set.of("globex")), scope -> ALL.only(scope)).tenants())
        .hasSize(1);
  }

  @Test
  void aFailureReachesEveryoneWhoSharedTheReportAndFreesTheTurn() throws Exception {
    ReportGate gate = new ReportGate(5_000);
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Report> failing =
        async(
            () ->
                gate.run(
                    ReportScope.all(),
                    scope -> {
                      computing.countDown();
                      await(release);
                      throw new ReportUnavailableException("the database did not answer", null);
                    }));
    computing.await(5, TimeUnit.SECONDS);
    CompletableFuture<Report> sharing = async(() -> gate.run(ReportScope.all(), scope -> ALL));
    Thread.sleep(200);
    release.countDown();

    assertThat(
            catchThrowableOfType(ExecutionException.class, () -> failing.get(5, TimeUnit.SECONDS)))
        .hasCauseInstanceOf(ReportUnavailableException.class);
    // a caller that arrived while the failing report ran either shared its failure or computed
    // after it
    Report shared = sharing.handle((report, failure) -> report).get(5, TimeUnit.SECONDS);
    assertThat(shared == null || shared == ALL).isTrue();
    assertThat(gate.run(ReportScope.all(), scope -> ALL)).isSameAs(ALL);
  }

  @Test
  void aReportAskedForTheTenantLessPartIsNotAnsweredEmptyFromOneOverAllThatHasNone()
      throws Exception {
    ReportGate gate = new ReportGate(5_000);
    Report withoutTenantLess = new Report("now", List.of(tenant("acme")));
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Report> all =
        async(
            () ->
                gate.run(
                    ReportScope.all(),
                    scope -> {
                      computing.countDown();
                      await(release);
                      return withoutTenantLess;
                    }));
    computing.await(5, TimeUnit.SECONDS);
    Set<String> tenantLess = new HashSet<>();
    tenantLess.add(null);
    CompletableFuture<Report> own =
        async(
            () ->
                gate.run(
                    ReportScope.of(tenantLess), scope -> new Report("now", List.of(tenant(null)))));
    Thread.sleep(200);
    release.countDown();

    all.get(5, TimeUnit.SECONDS);
    assertThat(own.get(5, TimeUnit.SECONDS).tenants())
        .extracting(Report.TenantReport::tenantId)
        .containsExactly((String) null);
  }

  /** Each caller on a thread of its own (the common pool may have one thread on two cores). */
  private CompletableFuture<Report> async(Supplier<Report> caller) {
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
