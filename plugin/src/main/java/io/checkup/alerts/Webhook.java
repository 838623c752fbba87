package io.checkup.alerts;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLException;

/**
 * Posts one alert to the webhook, asynchronously, within a timeout: {@code Content-Type:
 * application/json}, {@code Idempotency-Key} (the alert's id, the same on every retry), and with a
 * secret {@code X-Checkup-Signature: sha256=<hex HMAC-SHA256 of the raw body>}. Redirects are not
 * followed. What it says about a failure never contains the address.
 */
final class Webhook {

  static final String SIGNATURE_HEADER = "X-Checkup-Signature";
  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final URI address;
  private final String secret;
  private final Duration timeout;
  private final HttpClient client;

  Webhook(URI address, String secret, Duration timeout, Executor executor) {
    this.address = address;
    this.secret = secret;
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            // plain HTTP/1.1: no h2c upgrade attempt on http addresses
            .version(HttpClient.Version.HTTP_1_1)
            .executor(executor)
            .build();
  }

  /**
   * Sends the body; completes with the HTTP status, or exceptionally when no answer came within the
   * timeout. Never blocks the caller.
   */
  CompletableFuture<Integer> post(String id, String body) {
    try {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(address)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .header(IDEMPOTENCY_HEADER, id)
              .header("User-Agent", "camunda-checkup")
              .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
      if (secret != null) {
        request.header(SIGNATURE_HEADER, "sha256=" + signature(secret, bytes));
      }
      // the status is all that counts: the answer's body is closed unread as soon as the headers
      // are in, and the whole exchange is bounded (the request timeout stops at the headers)
      return client
          .sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
          .thenApply(
              response -> {
                try {
                  response.body().close();
                } catch (IOException | RuntimeException ignored) {
                  // the status is known
                }
                return response.statusCode();
              })
          .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The hex HMAC-SHA256 of the body with the secret, as the signature header carries it. */
  static String signature(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /**
   * Why a delivery failed, in words that never contain the address (exception messages may: they
   * are not used).
   */
  String describe(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
      return "no answer within " + timeout.toMillis() + " ms";
    }
    // a few causes deep at most: a chain may loop
    Throwable inner = cause;
    for (int depth = 0; inner != null && depth < 16; depth++, inner = inner.getCause()) {
      if (inner instanceof UnresolvedAddressException || inner instanceof UnknownHostException) {
        return "the receiver's host name cannot be resolved ("
            + inner.getClass().getSimpleName()
            + ")";
      }
      if (inner instanceof SSLException) {
        return "the TLS handshake with the receiver failed ("
            + inner.getClass().getSimpleName()
            + ")";
      }
    }
    if (cause instanceof ConnectException) {
      return "the receiver cannot be reached (" + cause.getClass().getSimpleName() + ")";
    }
    return "the delivery failed (" + cause.getClass().getName() + ")";
  }
}
