package io.checkup.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.testing.WebhookReceiver;
import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One delivery: bounded by the timeout whatever the receiver does; backoff and give-up. */
class WebhookTest {

  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  @AfterEach
  void close() {
    executor.shutdownNow();
  }

  @Test
  void aReceiverThatAnswersAndThenStallsItsBodyDoesNotHoldTheDelivery() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start().stallBody()) {
      Webhook webhook =
          new Webhook(URI.create(receiver.url()), null, Duration.ofSeconds(30), executor);

      // generous: the point is that it ends before the receiver does, not how fast
      int status = webhook.post("id-1", "{}").get(60, TimeUnit.SECONDS);

      assertThat(status).as("the status is the answer; its body is never read").isEqualTo(200);
      assertThat(receiver.awaitWaiting(1, Duration.ofSeconds(10)))
          .as("the receiver still stalls")
          .isEqualTo(1);
    }
  }

  @Test
  void aReceiverThatNeverAnswersFailsTheAttemptAtTheTimeout() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start().hang()) {
      Webhook webhook =
          new Webhook(URI.create(receiver.url()), null, Duration.ofMillis(500), executor);

      Throwable failure = null;
      try {
        webhook.post("id-1", "{}").get(60, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        failure = e.getCause();
      }

      assertThat(failure).as("no answer is a failed attempt").isNotNull();
      assertThat(webhook.describe(failure)).isEqualTo("no answer within 500 ms");
      assertThat(receiver.awaitWaiting(1, Duration.ofSeconds(10)))
          .as("the receiver still holds the request")
          .isEqualTo(1);
    }
  }

  @Test
  void theWaitBeforeARetryDoublesUpToAnHour() {
    AlertSettings settings =
        new AlertSettings(
            URI.create("http://127.0.0.1/"),
            null,
            Duration.ofHours(1),
            15,
            Duration.ofHours(24),
            "/r",
            Duration.ofSeconds(30),
            Duration.ofHours(24),
            Duration.ofSeconds(10),
            "node");

    assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.backoff(4)).isEqualTo(Duration.ofSeconds(240));
    assertThat(settings.backoff(8)).isEqualTo(Duration.ofHours(1));
    assertThat(settings.backoff(40)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aHostNameThatDoesNotResolveAndAFailedHandshakeAreToldApartFromAReceiverThatIsDown() {
    Webhook webhook =
        new Webhook(URI.create("http://localhost:1/hook"), null, Duration.ofMillis(500), executor);
    // as Java's HTTP client reports them: an unresolved name inside a ConnectException
    ConnectException unresolved = new ConnectException();
    unresolved.initCause(new UnresolvedAddressException());

    assertThat(webhook.describe(new CompletionException(unresolved)))
        .isEqualTo("the receiver's host name cannot be resolved (UnresolvedAddressException)");
    assertThat(webhook.describe(new CompletionException(new SSLHandshakeException("no"))))
        .isEqualTo("the TLS handshake with the receiver failed (SSLHandshakeException)");
    assertThat(webhook.describe(new CompletionException(new ConnectException("refused"))))
        .isEqualTo("the receiver cannot be reached (ConnectException)");
  }
}
