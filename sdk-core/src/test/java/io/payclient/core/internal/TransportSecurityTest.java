package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.ClientOptions;
import io.payclient.core.PayClientException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API key never leaks; logs carry only allow-listed headers; async uses no thread per call. */
class TransportSecurityTest {
  private static final String KEY = "sk_live_fake_RECOGNIZABLE_9f8e7d6c5b4a";

  @StartStop MockWebServer server = new MockWebServer();

  private final List<String> logged = new ArrayList<>();
  private final Logger julLogger = Logger.getLogger("io.payclient.transport");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          String text = new java.util.logging.SimpleFormatter().formatMessage(record);
          StringWriter trace = new StringWriter();
          if (record.getThrown() != null) {
            record.getThrown().printStackTrace(new PrintWriter(trace));
          }
          synchronized (logged) {
            logged.add(text + trace);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level previousLevel;

  @BeforeEach
  void captureLogs() {
    previousLevel = julLogger.getLevel();
    julLogger.setLevel(Level.ALL);
    julLogger.addHandler(capture);
  }

  @AfterEach
  void restoreLogs() {
    julLogger.removeHandler(capture);
    julLogger.setLevel(previousLevel);
  }

  private HttpTransport transport(boolean logBodies) {
    return new HttpTransport(
        "testvendor",
        server.url("/v1/"),
        KEY,
        ClientOptions.builder()
            .logBodies(logBodies)
            .maxRetries(1)
            .readTimeout(Duration.ofMillis(300))
            .build(),
        new HttpTransportTest.TestErrorParser());
  }

  private static ApiCall<String> create(String key) {
    return ApiCall.post(
            ("{\"card\":\"4242\",\"echo\":\"" + KEY + "\"}").getBytes(StandardCharsets.UTF_8),
            (status, r) -> {
              r.skipValue();
              return "ok";
            })
        .path("payments")
        .idempotencyKey(key)
        .header("Idempotency-Key", key)
        .build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", "req-1")
        .addHeader("Set-Cookie", "session=secret-cookie")
        .body(body)
        .build();
  }

  @Test
  void representativeFailuresNeverShowTheKey() {
    List<Throwable> failures = new ArrayList<>();
    try (HttpTransport t = transport(true)) {
      server.enqueue(json(401, "{\"message\":\"invalid key " + KEY + "\"}"));
      server.enqueue(json(400, "{\"message\":\"bad " + KEY + "\",\"field\":\"" + KEY + "\"}"));
      server.enqueue(json(500, "{\"message\":\"boom\"}"));
      server.enqueue(json(500, "{\"message\":\"boom " + KEY + "\"}"));
      server.enqueue(
          new MockResponse.Builder()
              .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
              .build());
      server.enqueue(
          new MockResponse.Builder()
              .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
              .build());
      server.enqueue(json(200, "<html>" + KEY + "</html>"));
      for (int i = 0; i < 5; i++) {
        String key = "idem-" + i;
        assertThatThrownBy(() -> t.execute(create(key)))
            .isInstanceOf(PayClientException.class)
            .satisfies(failures::add);
      }
    }
    assertThat(failures).hasSize(5);
    for (Throwable f : failures) {
      StringWriter trace = new StringWriter();
      f.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(KEY);
      assertThat(f.toString()).doesNotContain(KEY);
    }
    assertThat(logged).isNotEmpty();
    assertThat(String.join("\n", logged))
        .doesNotContain(KEY)
        .doesNotContainIgnoringCase("authorization")
        .doesNotContain("secret-cookie")
        .contains("Idempotency-Key: idem-0")
        .contains("X-Request-Id: req-1")
        .contains("request-body={\"card\":\"4242\",\"echo\":\"[REDACTED]\"}");
  }

  @Test
  void bodiesAreNotLoggedUnlessEnabled() {
    server.enqueue(json(201, "{\"id\":\"p1\",\"customer\":\"alice\"}"));
    try (HttpTransport t = transport(false)) {
      t.execute(create("idem-x"));
    }
    assertThat(String.join("\n", logged))
        .contains("testvendor POST /v1/payments -> 201")
        .doesNotContain("alice")
        .doesNotContain("4242");
  }

  @Test
  void concurrentAsyncCallsWithRetriesUseNoThreadPerCall() throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String key = request.getHeaders().get("Idempotency-Key");
            // The first attempt of every call fails; the retry with the same key succeeds.
            return seen.add(key) ? json(503, "{}") : json(201, "{\"id\":\"" + key + "\"}");
          }
        });
    int before = clientSideThreads();
    java.util.concurrent.atomic.AtomicInteger peak =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean sampling =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (sampling.get()) {
                peak.accumulateAndGet(clientSideThreads(), Math::max);
                Thread.onSpinWait();
              }
            });
    sampler.start();
    List<CompletableFuture<String>> futures = new ArrayList<>();
    try (HttpTransport t =
        new HttpTransport(
            "testvendor",
            server.url("/v1/"),
            KEY,
            ClientOptions.builder().build(),
            new HttpTransportTest.TestErrorParser())) {
      for (int i = 0; i < 256; i++) {
        futures.add(t.executeAsync(create("k-" + i)));
      }
      CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
          .get(60, TimeUnit.SECONDS);
    }
    sampling.set(false);
    sampler.join();
    assertThat(futures).allSatisfy(f -> assertThat(f.join()).isEqualTo("ok"));
    assertThat(seen).hasSize(256);
    int grown = peak.get() - before - 1; // minus the sampler
    // OkHttp runs at most MAX_REQUESTS_PER_HOST calls at once: a dispatcher thread each, and while
    // a call opens a connection, an "OkHttp connect" thread; plus the one retry timer. Bounded by
    // the dispatcher, not by the number of calls: 256 calls must not mean 256 threads.
    assertThat(grown)
        .as("client-side threads added for 256 concurrent calls")
        .isLessThanOrEqualTo(2 * HttpTransport.MAX_REQUESTS_PER_HOST + 8)
        .isLessThan(256);
  }

  /** Live threads, not counting MockWebServer's (it runs one per connection on the server side). */
  private static int clientSideThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> !t.getName().contains("MockWebServer"))
            .count();
  }
}
