package io.checkup.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One report computed at a time per node: callers share what covers them, and nobody waits forever.
 */
class ReportGateTest {

  private static Report.TenantReport tenant(String id) {
    return new Report.TenantReport(
        id, RiskLevel.HEALTHY, 100, List.of(), List.of(), id, null, null, null, null, null, null);
  }

  private static final Report ALL =
      new Report("now", List.of(tenant("acme"), tenant("globex"), tenant(null)));

  @Test
  void callersWhoseScopeAnOngoingReportCoversShareItsResult() throws Exception {
    ReportGate gate = new ReportGate(10_000);
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger computations = new AtomicInteger();

    CompletableFuture<Report> first =
        CompletableFuture.supplyAsync(
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
    CompletableFuture<Report> acme =
        CompletableFuture.supplyAsync(
            () ->
                gate.run(
                    ReportScope.of(Set.of("acme")),
                    scope -> {
                      computations.incrementAndGet();
                      return ALL;
                    }));
    Thread.sleep(
        200); // acme is waiting for the ongoing report by now, or will find it still running
    release.countDown();

    assertThat(first.get(5, TimeUnit.SECONDS)).isSameAs(ALL);
    assertThat(acme.get(5, TimeUnit.SECONDS).tenants())
        .extracting(Report.TenantReport::tenantId)
        .containsExactly("acme");
    assertThat(computations).hasValue(1);
  }

  @Test
  void aCallerThatWouldWaitLongerThanTheTimeoutIsToldToComeBack() throws Exception {
    ReportGate gate = new ReportGate(300);
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Report> slow =
        CompletableFuture.supplyAsync(
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
        CompletableFuture.supplyAsync(
            () ->
                gate.run(
                    ReportScope.all(),
                    scope -> {
                      computing.countDown();
                      await(release);
                      throw new ReportUnavailableException("the database did not answer", null);
                    }));
    computing.await(5, TimeUnit.SECONDS);
    CompletableFuture<Report> sharing =
        CompletableFuture.supplyAsync(() -> gate.run(ReportScope.all(), scope -> ALL));
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
        CompletableFuture.supplyAsync(
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
        CompletableFuture.supplyAsync(
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

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
