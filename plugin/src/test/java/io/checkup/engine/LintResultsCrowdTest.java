package io.checkup.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.checkup.lint.Finding;
import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.Severity;
import io.checkup.rest.Answers;
import io.checkup.testing.ModelGenerator;
import io.checkup.testing.TestEngines;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many requests for findings that are not kept (after a restart, or pushed out of the budget): the
 * stored models are linted one at a time, a deployment once however many ask for it, and a caller
 * that would wait too long, or join too many waiting, is told to come back instead of holding a
 * server thread for minutes.
 */
class LintResultsCrowdTest {

  private final ProcessEngine engine = TestEngines.h2().build();
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger lints = new AtomicInteger();

  @AfterEach
  void close() {
    release.countDown();
    callers.shutdownNow();
    engine.close();
  }

  /** A linter that takes as long as the test wants: one finding per model, after the release. */
  private LintResults results(long waitMillis) {
    LintResults results =
        new LintResults(
            (model, withTimeToLive) -> {
              lints.incrementAndGet();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return List.of(
                  new Finding("rule", Severity.WARN, "stored", "a", 1, 1, "p", List.of()));
            },
            new Linter(LintConfig.defaults(RuleCatalog.standard())),
            1_000_000,
            waitMillis);
    results.attach(engine.getRepositoryService());
    return results;
  }

  private String deploy(String key) {
    return engine
        .getRepositoryService()
        .createDeployment()
        .addString(key + ".bpmn", ModelGenerator.strays(key, 1, "Stray"))
        .deploy()
        .getId();
  }

  @Test
  void callersOfOneDeploymentShareOneLint() throws Exception {
    LintResults results = results(30_000);
    String deployment = deploy("shared");

    List<Future<List<ResourceFindings>>> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      answers.add(callers.submit(() -> results.forDeployment(deployment).orElseThrow()));
    }
    waitUntil(() -> lints.get() == 1 && results.waiting() == 4);
    release.countDown();

    for (Future<List<ResourceFindings>> answer : answers) {
      assertThat(answer.get(30, TimeUnit.SECONDS))
          .singleElement()
          .satisfies(resource -> assertThat(resource.findings()).hasSize(1));
    }
    assertThat(lints).hasValue(1);
  }

  @Test
  void aCallerBehindAnotherDeploymentsLintIsToldToComeBackAndGetsItsFindingsLater()
      throws Exception {
    LintResults results = results(300);
    String first = deploy("first");
    String second = deploy("second");
    Future<List<ResourceFindings>> firstAnswer =
        callers.submit(() -> results.forDeployment(first).orElseThrow());
    waitUntil(() -> lints.get() == 1);

    LintBusyException busy =
        catchThrowableOfType(LintBusyException.class, () -> results.forDeployment(second));
    assertThat(busy)
        .hasMessageContaining("another deployment's stored models have been linting")
        .hasMessageContaining("Try again later");
    // the REST API's and Cockpit's answer: 503, when to come back, the reason in Camunda's shape
    Response answer = Answers.unavailable(busy).getResponse();
    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(answer.getHeaderString("Retry-After")).isEqualTo("10");
    assertThat(answer.getEntity().toString())
        .contains("\"type\":\"LintBusyException\"")
        .contains("Try again later");
    // one asking for the deployment under way waits as long, then hears the same
    assertThatThrownBy(() -> results.forDeployment(first))
        .isInstanceOf(LintBusyException.class)
        .hasMessageContaining("the deployment's stored models have been linting");

    release.countDown();
    assertThat(firstAnswer.get(30, TimeUnit.SECONDS)).hasSize(1);
    assertThat(results.forDeployment(first).orElseThrow()).hasSize(1);
    assertThat(results.forDeployment(second).orElseThrow()).hasSize(1);
    // the first deployment's lint ran once, kept for the caller who came back; the second's once
    assertThat(lints).hasValue(2);
  }

  @Test
  void pastTheWaitingLimitACallerIsToldToComeBackAtOnce() throws Exception {
    LintResults results = results(60_000);
    String deployment = deploy("crowded");
    List<Future<List<ResourceFindings>>> answers = new ArrayList<>();
    for (int i = 0; i <= LintResults.MAX_WAITING; i++) {
      answers.add(callers.submit(() -> results.forDeployment(deployment).orElseThrow()));
    }
    waitUntil(() -> lints.get() == 1 && results.waiting() == LintResults.MAX_WAITING);

    // told at once (after the minute it would otherwise wait, the message would be another)
    assertThatThrownBy(() -> results.forDeployment(deployment))
        .isInstanceOf(LintBusyException.class)
        .hasMessageContaining(LintResults.MAX_WAITING + " requests wait");

    release.countDown();
    for (Future<List<ResourceFindings>> answer : answers) {
      assertThat(answer.get(30, TimeUnit.SECONDS)).hasSize(1);
    }
    assertThat(lints).hasValue(1);
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the callers never got there");
      }
      Thread.sleep(10);
    }
  }
}
