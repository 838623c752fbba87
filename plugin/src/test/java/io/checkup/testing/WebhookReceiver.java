package io.checkup.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a free local port, for alert tests: records every request it gets, answers
 * with the statuses it was told (then 204), or never answers at all ({@link #hang()}).
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One request as it arrived. */
  public record Request(String idempotencyKey, String signature, String contentType, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Request> received = new ArrayList<>();
  private final Deque<Integer> answers = new ArrayDeque<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger waiting = new AtomicInteger();
  private volatile boolean hang;
  private volatile boolean stallBody;

  private WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  public static WebhookReceiver start() throws IOException {
    return new WebhookReceiver();
  }

  /** The receiver's address, with a token in it as real webhook addresses often carry. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/checkup?token=hush-42";
  }

  /** Answers the next requests with these statuses, in order; later ones get 204. */
  public synchronized WebhookReceiver answer(int... statuses) {
    for (int status : statuses) {
      answers.add(status);
    }
    return this;
  }

  /** From now on, takes requests in and never answers them (until closed). */
  public WebhookReceiver hang() {
    hang = true;
    return this;
  }

  /** From now on, answers 200 with headers that announce a body, and never sends the body. */
  public WebhookReceiver stallBody() {
    stallBody = true;
    return this;
  }

  /** Requests being held by {@link #hang()} right now. */
  public int waiting() {
    return waiting.get();
  }

  /**
   * Waits until {@code count} requests are held by {@link #hang()} or {@link #stallBody()}; fails
   * after {@code max}.
   */
  public int awaitWaiting(int count, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (waiting() < count) {
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "the receiver holds " + waiting() + " request(s), expected " + count);
      }
      Thread.sleep(20);
    }
    return waiting();
  }

  public synchronized List<Request> received() {
    return List.copyOf(received);
  }

  /** Waits until at least {@code count} requests have arrived; fails after {@code max}. */
  public List<Request> await(int count, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (received().size() < count) {
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "the receiver got " + received().size() + " request(s), expected " + count);
      }
      Thread.sleep(20);
    }
    return received();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Integer status;
    synchronized (this) {
      received.add(
          new Request(
              exchange.getRequestHeaders().getFirst("Idempotency-Key"),
              exchange.getRequestHeaders().getFirst("X-Checkup-Signature"),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              body));
      status = answers.poll();
    }
    if (hang || stallBody) {
      // counted before the headers go out, so a caller that has the status sees it held
      waiting.incrementAndGet();
      try {
        if (stallBody) {
          exchange.sendResponseHeaders(200, 100);
          exchange.getResponseBody().flush();
        }
        released.await(5, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        waiting.decrementAndGet();
      }
    }
    if (!stallBody) {
      exchange.sendResponseHeaders(status == null ? 204 : status, -1);
    }
    exchange.close();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
