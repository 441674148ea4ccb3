package io.payclient.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * The common part of the fake vendor servers: an in-process HTTP server on 127.0.0.1 and a random
 * port, bearer-key authentication, fault injection, and counters. Thread-safe.
 *
 * <p>It needs no test framework: use it directly ({@code try (FakeLago lago = FakeLago.start())
 * {…}}) from a {@code main}, TestNG or anything else. For JUnit 5, the subclasses in {@code
 * io.payclient.testkit.junit} are extensions that start the server before the tests and close it
 * after:
 *
 * <pre>{@code
 * @RegisterExtension static final FakeLagoExtension lago = new FakeLagoExtension(); // per class
 * @RegisterExtension final FakeLagoExtension lago = new FakeLagoExtension();        // per test
 * }</pre>
 */
public abstract class FakeServer implements AutoCloseable {
  private final String apiKey;
  private final String basePath;
  private final MockWebServer server = new MockWebServer();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger created = new AtomicInteger();
  private final WebhookDelivery webhooks;
  private volatile boolean started;

  /**
   * Creates a server that is not started yet.
   *
   * @param apiKey the only bearer key it accepts
   * @param basePath the path prefix of the vendor's API, such as {@code /api/v1}, or {@code ""}
   */
  protected FakeServer(String apiKey, String basePath) {
    this(apiKey, basePath, "fake", 1);
  }

  /** A server whose webhooks are tried up to {@code webhookAttempts} times (the vendor's). */
  FakeServer(String apiKey, String basePath, String vendor, int webhookAttempts) {
    this.apiKey = Objects.requireNonNull(apiKey);
    this.basePath = Objects.requireNonNull(basePath);
    this.webhooks = new WebhookDelivery(vendor, webhookAttempts);
    server.setServerSocketFactory(NoDelayServerSocketFactory.INSTANCE);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return FakeServer.this.dispatch(request);
          }
        });
  }

  /**
   * Starts the server on 127.0.0.1 and a free port; does nothing if it is running.
   *
   * @throws UncheckedIOException if it cannot bind
   */
  public synchronized void startServer() {
    if (started) {
      return;
    }
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    started = true;
  }

  /** The vendor base URL of this server, such as {@code http://127.0.0.1:40000/api/v1}. */
  public String baseUrl() {
    startServer();
    return "http://127.0.0.1:" + server.getPort() + basePath;
  }

  /** The API key this server accepts. */
  public String apiKey() {
    return apiKey;
  }

  /** Makes the next requests fail, one fault per request, in order. */
  public void failNext(Fault... next) {
    synchronized (faults) {
      faults.addAll(Arrays.asList(next));
    }
  }

  /** Drops the faults not used yet. */
  public void clearFaults() {
    synchronized (faults) {
      faults.clear();
    }
  }

  /** Faults queued and not yet used. */
  public List<Fault> pendingFaults() {
    synchronized (faults) {
      return List.copyOf(faults);
    }
  }

  /** How many payments this server really created (each create processed counts once). */
  public int createdPayments() {
    return created.get();
  }

  /** How many HTTP requests reached the server. */
  public int requestCount() {
    return requests.get();
  }

  // ---- webhooks ----

  /**
   * Registers an endpoint that receives this fake's webhooks from now on: each payment change the
   * fake is told about (such as {@code completePayment}) is POSTed to every registered endpoint,
   * signed as the vendor signs it, in the background. The same URL registered twice receives each
   * webhook twice, as on the vendors.
   *
   * @throws IllegalArgumentException if the URL is not an absolute http(s) URL
   * @throws NullPointerException if {@code url} is null
   */
  public void registerWebhookEndpoint(URI url) {
    webhooks.register(url, "");
  }

  /**
   * Sets the wait before the first retry of a webhook that failed (a non-2xx answer or no answer);
   * each further wait doubles it, up to 32 times the base. Default 100 ms, short for tests: the
   * real vendors wait minutes to hours between attempts.
   *
   * @throws IllegalArgumentException if negative
   */
  public void webhookRetryBackoff(Duration base) {
    webhooks.backoff(base);
  }

  /**
   * How many times this fake tries a webhook before giving up, as the vendor does: Lago 3,
   * Billingrails 4 (the first and up to 3 retries), Paygentic 8.
   */
  public int webhookMaxAttempts() {
    return webhooks.maxAttempts();
  }

  /** Every webhook attempt so far, in the order they ended (read-only). */
  public List<WebhookAttempt> deliveries() {
    return webhooks.attempts();
  }

  /**
   * Waits until at least {@code n} webhook attempts (of any outcome, retries included) have ended.
   *
   * @return every attempt so far, in the order they ended
   * @throws IllegalStateException if fewer than {@code n} ended within {@code timeout} (the message
   *     says how many did), or the thread was interrupted (its flag is set again)
   */
  public List<WebhookAttempt> awaitDeliveries(int n, Duration timeout) {
    return webhooks.await(n, Objects.requireNonNull(timeout, "timeout"));
  }

  /**
   * Waits until no webhook is pending: each was answered 2xx or used up its attempts.
   *
   * @return every attempt so far, in the order they ended
   * @throws IllegalStateException if some are still pending after {@code timeout}, or the thread
   *     was interrupted (its flag is set again)
   */
  public List<WebhookAttempt> awaitWebhooksIdle(Duration timeout) {
    return webhooks.awaitIdle(Objects.requireNonNull(timeout, "timeout"));
  }

  /** Registers an endpoint with a vendor's signing scheme (Lago's jwt or hmac). */
  final void addWebhookEndpoint(URI url, String scheme) {
    webhooks.register(url, scheme);
  }

  /**
   * Sends a webhook to every endpoint registered now.
   *
   * @param headers the headers of one attempt: from the endpoint's scheme and a UUID per endpoint
   *     that stays the same across retries; called again for each attempt
   */
  final void deliverWebhook(byte[] body, BiFunction<String, String, Map<String, String>> headers) {
    webhooks.deliver(body, (endpoint, id) -> headers.apply(endpoint.scheme(), id));
  }

  /**
   * Stops delivering webhooks (pending retries are dropped) and stops the server; does nothing if
   * it is not running. Never throws.
   */
  @Override
  public synchronized void close() {
    webhooks.close();
    if (started) {
      server.close();
      started = false;
    }
  }

  /** The most payments a fake holds after {@code seedPayments}: bounds a test's heap. */
  public static final int MAX_SEEDED = 1_000_000;

  /**
   * Checks a {@code seedPayments} count against what the fake holds.
   *
   * @throws IllegalArgumentException if negative, or the total would pass {@link #MAX_SEEDED}
   */
  static void checkSeedCount(int count, int held) {
    if (count < 0 || (long) count + held > MAX_SEEDED) {
      throw new IllegalArgumentException(
          "seedPayments: count must be 0 to "
              + (MAX_SEEDED - held)
              + " (a fake holds at most "
              + MAX_SEEDED
              + " payments), was "
              + count);
    }
  }

  /** Counts a payment created; subclasses call it once per processed create. */
  protected final void countCreated() {
    created.incrementAndGet();
  }

  /**
   * Handles an authenticated request whose path starts with the base path.
   *
   * @param request the request
   * @param path the path after the base path, percent-decoded segments
   */
  protected abstract Reply handle(RecordedRequest request, List<String> path);

  /** The vendor's error body for a status, code and message. */
  protected abstract String errorBody(int status, String code, String message);

  /**
   * The vendor's 429 for an injected {@link Fault#rateLimited(Duration)}: by default its error body
   * with {@code Retry-After} in whole seconds, rounded up. A vendor that says it otherwise (Lago's
   * {@code X-RateLimit-*} headers) overrides this.
   *
   * @param wait how long the client is asked to wait, never negative
   */
  protected Reply rateLimited(Duration wait) {
    return reply(
        429,
        errorBody(429, "too_many_requests", "Too Many Requests"),
        "Retry-After",
        String.valueOf(wholeSecondsUp(wait)));
  }

  /** A duration in whole seconds, rounded up. */
  protected static long wholeSecondsUp(Duration wait) {
    return (wait.toMillis() + 999) / 1000;
  }

  /** A reply: status, body (JSON unless a {@code Content-Type} header says otherwise), headers. */
  protected record Reply(int status, String json, String... headers) {}

  /**
   * Takes one request off MockWebServer's queue of recorded requests, which it fills before each
   * dispatch and which nothing here reads: without this, a fake kept every request it ever served
   * (a list through 100 000 payments left a thousand of them on the heap).
   */
  private void forgetRecorded() {
    try {
      server.takeRequest(0, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether MockWebServer still holds a recorded request (takes it): for this package's tests. */
  boolean holdsRecordedRequest() throws InterruptedException {
    return server.takeRequest(0, TimeUnit.NANOSECONDS) != null;
  }

  /** A JSON reply. */
  protected static Reply reply(int status, String json, String... headers) {
    return new Reply(status, json, headers);
  }

  private MockResponse dispatch(RecordedRequest request) {
    requests.incrementAndGet();
    forgetRecorded();
    Fault fault;
    synchronized (faults) {
      fault = faults.pollFirst();
    }
    if (fault != null && !fault.processesRequest()) {
      return before(fault);
    }
    MockResponse response = toResponse(process(request));
    return fault == null ? response : after(fault, response);
  }

  private Reply process(RecordedRequest request) {
    if (!("Bearer " + apiKey).equals(request.getHeaders().get("Authorization"))) {
      return reply(401, errorBody(401, "unauthorized", "Unauthorized"));
    }
    HttpUrl url = request.getUrl();
    List<String> segments = url.pathSegments();
    List<String> base =
        basePath.isEmpty() ? List.of() : HttpUrl.get("http://x" + basePath).pathSegments();
    if (segments.size() < base.size() || !segments.subList(0, base.size()).equals(base)) {
      return reply(404, errorBody(404, "not_found", "Not Found"));
    }
    return handle(request, segments.subList(base.size(), segments.size()));
  }

  private MockResponse before(Fault fault) {
    return switch (fault.kind()) {
      case RESET_BEFORE_PROCESSING ->
          new MockResponse.Builder()
              .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
              .build();
      case RATE_LIMITED -> toResponse(rateLimited(fault.delay()));
      case SERVER_ERROR ->
          toResponse(
              reply(
                  fault.status(),
                  errorBody(fault.status(), "internal_server_error", "Internal Server Error")));
      case HTML_PAGE ->
          new MockResponse.Builder()
              .code(fault.status())
              .addHeader("Content-Type", "text/html; charset=utf-8")
              .body(
                  "<html><head><title>"
                      + fault.status()
                      + "</title></head><body>gateway</body></html>")
              .build();
      case CONFLICT_IN_FLIGHT ->
          toResponse(
              reply(
                  409,
                  errorBody(
                      409,
                      "idempotency_key_in_use",
                      "A request with this idempotency key is in progress")));
      default -> throw new IllegalStateException("not a before-processing fault: " + fault);
    };
  }

  private MockResponse after(Fault fault, MockResponse processed) {
    return switch (fault.kind()) {
      case RESET_AFTER_PROCESSING ->
          new MockResponse.Builder()
              .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
              .build();
      case DELAY ->
          processed
              .newBuilder()
              .headersDelay(fault.delay().toMillis(), TimeUnit.MILLISECONDS)
              .build();
      case TRUNCATED_BODY -> truncate(processed);
      case SERVER_ERROR_AFTER_PROCESSING ->
          toResponse(
              reply(
                  fault.status(),
                  errorBody(fault.status(), "internal_server_error", "Internal Server Error")));
      default -> throw new IllegalStateException("not an after-processing fault: " + fault);
    };
  }

  private static MockResponse truncate(MockResponse processed) {
    MockResponseBody full = Objects.requireNonNull(processed.getBody());
    okio.Buffer bytes = new okio.Buffer();
    byte[] half;
    try {
      full.writeTo(bytes);
      half = bytes.readByteArray(bytes.size() / 2);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long length = full.getContentLength();
    return processed
        .newBuilder()
        .body(
            new MockResponseBody() {
              @Override
              public long getContentLength() {
                return length;
              }

              @Override
              public void writeTo(BufferedSink sink) throws IOException {
                sink.write(half);
              }
            })
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
        .build();
  }

  private static MockResponse toResponse(Reply reply) {
    MockResponse.Builder b =
        new MockResponse.Builder()
            .code(reply.status())
            .body(new okio.Buffer().writeString(reply.json(), StandardCharsets.UTF_8));
    boolean typed = false;
    for (int i = 0; i + 1 < reply.headers().length; i += 2) {
      typed |= reply.headers()[i].equalsIgnoreCase("Content-Type");
    }
    if (!typed) {
      b.addHeader("Content-Type", "application/json; charset=utf-8");
    }
    for (int i = 0; i + 1 < reply.headers().length; i += 2) {
      b.addHeader(reply.headers()[i], reply.headers()[i + 1]);
    }
    return b.build();
  }

  /** The value of a query parameter, or {@code null}. */
  protected static @Nullable String query(RecordedRequest request, String name) {
    return request.getUrl().queryParameter(name);
  }
}
