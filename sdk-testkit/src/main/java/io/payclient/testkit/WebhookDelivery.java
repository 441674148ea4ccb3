package io.payclient.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The fakes' webhook engine: POSTs a signed body to every registered endpoint on one background
 * daemon thread, retries a non-2xx answer or a failed connection with exponential back-off up to
 * the vendor's number of attempts, and records every attempt. The headers are computed again for
 * each attempt (a Svix timestamp is the attempt's time). Thread-safe.
 */
final class WebhookDelivery {
  /** The back-off before the first retry unless set: short, for tests. */
  static final Duration DEFAULT_BACKOFF = Duration.ofMillis(100);

  /** The back-off doubles after each failed attempt, up to this many times. */
  private static final int MAX_DOUBLINGS = 5;

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** A registered endpoint; {@code scheme} is the vendor's signing choice (Lago's jwt/hmac). */
  record Endpoint(URI url, String scheme) {}

  private final String vendor;
  private final int maxAttempts;
  private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private final List<WebhookAttempt> attempts = new ArrayList<>(); // guarded by lock
  private @Nullable ScheduledExecutorService executor; // guarded by lock
  private @Nullable HttpClient http; // guarded by lock
  private int pending; // webhooks (per endpoint) not finished; guarded by lock
  private volatile Duration backoff = DEFAULT_BACKOFF;

  WebhookDelivery(String vendor, int maxAttempts) {
    this.vendor = vendor;
    this.maxAttempts = maxAttempts;
  }

  int maxAttempts() {
    return maxAttempts;
  }

  void register(URI url, String scheme) {
    Objects.requireNonNull(url, "url");
    String s = url.getScheme();
    if (!url.isAbsolute() || !("http".equals(s) || "https".equals(s)) || url.getHost() == null) {
      throw new IllegalArgumentException("a webhook endpoint must be an absolute http(s) URL");
    }
    endpoints.add(new Endpoint(url, scheme));
  }

  List<Endpoint> endpoints() {
    return List.copyOf(endpoints);
  }

  void backoff(Duration base) {
    Objects.requireNonNull(base, "base");
    if (base.isNegative()) {
      throw new IllegalArgumentException("the back-off must not be negative: " + base);
    }
    this.backoff = base;
  }

  /**
   * Sends {@code body} to every endpoint registered now, in the background.
   *
   * @param headers the headers of one attempt to one endpoint, computed for each attempt from the
   *     endpoint and a new UUID per endpoint that stays the same across retries
   */
  void deliver(byte[] body, BiFunction<Endpoint, String, Map<String, String>> headers) {
    byte[] copy = body.clone();
    synchronized (lock) {
      for (Endpoint e : endpoints) {
        pending++;
        schedule(new Job(e, UUID.randomUUID().toString(), copy, headers), 1, Duration.ZERO);
      }
    }
  }

  List<WebhookAttempt> attempts() {
    synchronized (lock) {
      return List.copyOf(attempts);
    }
  }

  /** Waits until at least {@code n} attempts are recorded; returns all recorded by then. */
  List<WebhookAttempt> await(int n, Duration timeout) {
    synchronized (lock) {
      waitUntil(() -> attempts.size() >= n, timeout, "for " + n + " webhook attempt(s)");
      return List.copyOf(attempts);
    }
  }

  /** Waits until no webhook is pending: each answered 2xx or used up its attempts. */
  List<WebhookAttempt> awaitIdle(Duration timeout) {
    synchronized (lock) {
      waitUntil(() -> pending == 0, timeout, "for the webhooks to finish");
      return List.copyOf(attempts);
    }
  }

  /** Stops delivering: pending and scheduled attempts are dropped. Never throws. */
  void close() {
    synchronized (lock) {
      if (executor != null) {
        executor.shutdownNow();
        executor = null;
      }
      pending = 0;
      lock.notifyAll();
    }
  }

  /** The caller holds the lock. */
  private void waitUntil(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException(
            "timed out after "
                + timeout
                + " waiting "
                + what
                + "; "
                + attempts.size()
                + " attempt(s) recorded, "
                + pending
                + " webhook(s) pending");
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting " + what, e);
      }
    }
  }

  /** The caller holds the lock. */
  private void schedule(Job job, int attempt, Duration delay) {
    ScheduledExecutorService ex = executor;
    if (ex == null) {
      ScheduledThreadPoolExecutor created =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "fake-" + vendor + "-webhooks");
                t.setDaemon(true);
                return t;
              });
      created.setRemoveOnCancelPolicy(true);
      executor = created;
      ex = created;
    }
    ScheduledExecutorService owner = ex;
    Future<?> unused =
        ex.schedule(() -> attempt(owner, job, attempt), delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private HttpClient http() {
    synchronized (lock) {
      if (http == null) {
        http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
      }
      return http;
    }
  }

  private void attempt(ScheduledExecutorService owner, Job job, int attempt) {
    Map<String, String> headers = Map.of();
    int status = -1;
    String failure = null;
    try {
      headers = job.headers().apply(job.endpoint(), job.id());
      HttpRequest.Builder request =
          HttpRequest.newBuilder(job.endpoint().url())
              .timeout(REQUEST_TIMEOUT)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(job.body()));
      headers.forEach(request::header);
      status = http().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException | RuntimeException e) {
      // no answer (refused, reset, timeout), or a request that could not be made: a failed attempt
      failure = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // closed while sending: nothing more is recorded
    }
    WebhookAttempt recorded =
        new WebhookAttempt(job.endpoint().url(), attempt, status, failure, headers, job.body());
    synchronized (lock) {
      if (owner != executor) {
        return; // closed meanwhile
      }
      attempts.add(recorded);
      if (!recorded.succeeded() && attempt < maxAttempts) {
        schedule(job, attempt + 1, backoffAfter(attempt));
      } else {
        pending--;
      }
      lock.notifyAll();
    }
  }

  /** The wait after failed attempt {@code n} (from 1): the base, doubled {@code n - 1} times. */
  private Duration backoffAfter(int n) {
    return backoff.multipliedBy(1L << Math.min(n - 1, MAX_DOUBLINGS));
  }

  /** One webhook to one endpoint; the body is never changed after construction. */
  private static final class Job {
    private final Endpoint endpoint;
    private final String id;
    private final byte[] body;
    private final BiFunction<Endpoint, String, Map<String, String>> headers;

    Job(
        Endpoint endpoint,
        String id,
        byte[] body,
        BiFunction<Endpoint, String, Map<String, String>> headers) {
      this.endpoint = endpoint;
      this.id = id;
      this.body = body;
      this.headers = headers;
    }

    Endpoint endpoint() {
      return endpoint;
    }

    String id() {
      return id;
    }

    byte[] body() {
      return body;
    }

    BiFunction<Endpoint, String, Map<String, String>> headers() {
      return headers;
    }
  }
}
