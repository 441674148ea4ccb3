package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.squareup.moshi.JsonReader;
import io.payclient.core.ApiException;
import io.payclient.core.ClientOptions;
import io.payclient.core.ConnectionException;
import io.payclient.core.FieldError;
import io.payclient.core.InvalidRequestException;
import io.payclient.core.PayClientException;
import io.payclient.core.RateLimitException;
import io.payclient.core.RequestOptions;
import io.payclient.core.ResponseFormatException;
import io.payclient.core.ServerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport against a server that answers anything: the status decides the outcome class, no
 * part of the key survives anywhere, nothing undocumented escapes, cancel and the deadline stop
 * everything.
 */
class HostileServerTest {
  private static final String KEY = "sk_test_HOSTILE0123456789abcdefXYZ";

  @StartStop MockWebServer server = new MockWebServer();

  private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
  private final Logger jul = Logger.getLogger("io.payclient.transport");
  private final Handler capture =
      new Handler() {
        private final SimpleFormatter f = new SimpleFormatter();

        @Override
        public void publish(LogRecord r) {
          logged.add(f.format(r));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level previous;
  private HttpTransport transport;

  @BeforeEach
  void captureLogs() {
    previous = jul.getLevel();
    jul.setLevel(Level.ALL);
    jul.addHandler(capture);
  }

  @AfterEach
  void close() {
    jul.removeHandler(capture);
    jul.setLevel(previous);
    if (transport != null) {
      transport.close();
    }
  }

  private HttpTransport transport(ClientOptions.Builder options, ErrorParser parser) {
    transport =
        new HttpTransport(
            "testvendor",
            server.url("/v1/"),
            KEY,
            options.backoff(Duration.ofMillis(1), Duration.ofMillis(5)).logBodies(true).build(),
            parser);
    return transport;
  }

  private HttpTransport transport(ClientOptions.Builder options) {
    return transport(options, new HttpTransportTest.TestErrorParser());
  }

  private static ApiCall<String> post(boolean keyed) {
    ApiCall.Builder<String> b =
        ApiCall.post("{\"a\":1}".getBytes(StandardCharsets.UTF_8), HostileServerTest::readId)
            .path("payments");
    if (keyed) {
      b.idempotencyKey("idem-42").header("Idempotency-Key", "idem-42");
    }
    return b.build();
  }

  private static String readId(int status, JsonReader r) throws IOException {
    Map<String, Object> m = Json.nextObject(r);
    Object id = m.get("id");
    if (!(id instanceof String s)) {
      throw new com.squareup.moshi.JsonDataException("no id");
    }
    return status + ":" + s;
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** Every text an exception exposes, as a person or a log would see it. */
  private static String everything(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    StringBuilder sb = new StringBuilder(w.toString()).append(t);
    if (t instanceof ApiException a) {
      sb.append(a.rawBody()).append(a.code()).append(a.requestId()).append(a.vendorMessage());
      for (FieldError fe : a.fieldErrors()) {
        sb.append(fe.field()).append(fe.message()).append(fe.code());
      }
    }
    if (t instanceof ResponseFormatException r) {
      sb.append(r.rawBody());
    }
    return sb.toString();
  }

  private void assertNoPartOfTheKey(String text) {
    assertThat(NetworkTextTest.leaks(text, KEY)).as("a part of the key in: %s", text).isFalse();
  }

  @Test
  void aFiveHundredWithABodyOverTheCapIsAnUnknownServerErrorAndIsRetriedWithItsKey() {
    String page = "<html>" + "gateway error ".repeat(1000) + "</html>"; // about 14 KB
    server.enqueue(new MockResponse.Builder().code(502).body(page).build());
    server.enqueue(json(201, "{\"id\":\"p1\"}"));
    HttpTransport t = transport(ClientOptions.builder().maxResponseBytes(4096));
    assertThat(t.execute(post(true))).isEqualTo("201:p1");
    assertThat(server.getRequestCount()).isEqualTo(2);

    server.enqueue(new MockResponse.Builder().code(503).body(page).build());
    Throwable e = catchThrowable(() -> t.execute(post(false)));
    assertThat(e).isInstanceOf(ServerException.class);
    ServerException s = (ServerException) e;
    assertThat(s.outcomeUnknown()).isTrue();
    assertThat(s.httpStatus()).isEqualTo(503);
    assertThat(s.getMessage()).contains("body over 4096 bytes");
    assertThat(s.rawBody()).startsWith("<html>gateway error");
    assertThat(server.getRequestCount()).isEqualTo(3); // no key, no reconciler: not sent again
  }

  @Test
  void anOversizedTwoHundredIsAnUnreadableSuccessWhoseOutcomeIsUnknown() {
    server.enqueue(json(201, "{\"id\":\"" + "p".repeat(10_000) + "\"}"));
    Throwable e =
        catchThrowable(
            () -> transport(ClientOptions.builder().maxResponseBytes(4096)).execute(post(true)));
    assertThat(e).isInstanceOf(ResponseFormatException.class);
    assertThat(((PayClientException) e).outcomeUnknown()).isTrue();
    assertThat(e.getMessage()).contains("idem-42");
  }

  @Test
  void hostileNumbersInBodiesNeverEscapeAsRawExceptions() throws Exception {
    ErrorParser materialising =
        (status, r) -> {
          Map<String, Object> m = Json.nextObject(r);
          return CoreAccess.get()
              .apiError(status, null, String.valueOf(m.get("detail")), List.of(), null, null, null);
        };
    HttpTransport t = transport(ClientOptions.builder(), materialising);
    server.enqueue(json(422, "{\"detail\":1e99999999999}"));
    Throwable sync = catchThrowable(() -> t.execute(post(true)));
    assertThat(sync).isInstanceOf(InvalidRequestException.class);
    assertThat(((ApiException) sync).vendorMessage()).isEqualTo("1e99999999999");

    ResponseParser<String> throwing =
        (status, r) -> {
          throw new NumberFormatException("boom");
        };
    server.enqueue(json(201, "{\"id\":\"p1\"}"));
    ApiCall<String> call =
        ApiCall.post("{}".getBytes(StandardCharsets.UTF_8), throwing)
            .path("payments")
            .idempotencyKey("idem-7")
            .build();
    Throwable async = catchThrowable(() -> t.executeAsync(call).get(5, TimeUnit.SECONDS));
    assertThat(async).isInstanceOf(ExecutionException.class);
    assertThat(async.getCause()).isInstanceOf(ResponseFormatException.class);
    PayClientException p = (PayClientException) async.getCause();
    assertThat(p.outcomeUnknown()).isTrue();
    assertThat(p.idempotencyKey()).isEqualTo("idem-7");
    assertThat(p.getMessage()).contains("idem-7");
  }

  @Test
  void anEchoedKeyIsRemovedFromEveryTextEvenInPartsAndAcrossTheCut() {
    String body =
        "{\"message\":\"bad key "
            + KEY.substring(0, 20)
            + " and "
            + KEY.substring(12)
            + "\",\"field\":\""
            + KEY
            + "\",\"pad\":\""
            + "x".repeat(2000)
            + KEY
            + "\"}";
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .addHeader("Content-Type", "application/json")
            .addHeader("X-Request-Id", "req-" + KEY)
            .addHeader("Retry-After", KEY)
            .body(body)
            .build());
    Throwable e = catchThrowable(() -> transport(ClientOptions.builder()).execute(post(true)));
    assertThat(e).isInstanceOf(ApiException.class);
    assertThat(((ApiException) e).requestId()).startsWith("req-");
    assertNoPartOfTheKey(everything(e));
    assertThat(logged).isNotEmpty();
    assertNoPartOfTheKey(String.join("\n", logged));
  }

  @Test
  void aMalformedStatusLineCarryingTheKeyLeavesNoPartOfItInTheCause() {
    server.enqueue(new MockResponse.Builder().status("HTTP/1.1 2x0 " + KEY).build());
    Throwable e =
        catchThrowable(() -> transport(ClientOptions.builder().maxRetries(0)).execute(post(true)));
    assertThat(e).isInstanceOf(ConnectionException.class);
    assertThat(((ConnectionException) e).outcomeUnknown()).isTrue();
    assertThat(e.getCause()).isNotNull();
    assertNoPartOfTheKey(everything(e));
  }

  @Test
  void anAbsurdRetryAfterMeansDoNotRetry() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "1000000001")
            .body("{}")
            .build());
    Throwable e = catchThrowable(() -> transport(ClientOptions.builder()).execute(post(true)));
    assertThat(e).isInstanceOf(RateLimitException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void cancellingTheFutureDuringABackoffStopsTheRetry() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(503).addHeader("Retry-After", "1").body("{}").build());
    server.enqueue(json(201, "{\"id\":\"p1\"}"));
    HttpTransport t = transport(ClientOptions.builder());
    CompletableFuture<String> future = t.executeAsync(post(true));
    CompletableFuture<Integer> derived = Futures.map(future, String::length);
    server.takeRequest(5, TimeUnit.SECONDS);
    Thread.sleep(200); // the 503 has been read and the retry scheduled
    derived.cancel(true); // cancelling a derived future cancels the call itself
    assertThat(future).isCancelled();
    Thread.sleep(1500);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void timeQueuedInTheDispatcherCountsAgainstTheDeadline() throws Exception {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(1);
    dispatcher.setMaxRequestsPerHost(1);
    OkHttpClient shared = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("{\"id\":\"slow\"}")
            .headersDelay(3, TimeUnit.SECONDS)
            .build());
    HttpTransport t = transport(ClientOptions.builder().okHttpClient(shared));
    CompletableFuture<String> slow = t.executeAsync(post(true));
    ApiCall<String> queued =
        ApiCall.get(HostileServerTest::readId)
            .path("payments", "p1")
            .options(RequestOptions.builder().timeout(Duration.ofMillis(400)).build())
            .build();
    long start = System.nanoTime();
    Throwable e = catchThrowable(() -> t.executeAsync(queued).get(10, TimeUnit.SECONDS));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(e).isInstanceOf(ExecutionException.class);
    assertThat(e.getCause()).isInstanceOf(ConnectionException.class);
    assertThat(tookMillis).as("ended at its deadline, not when the queue moved").isLessThan(2500);
    assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("200:slow");
    shared.dispatcher().executorService().shutdown();
  }

  @Test
  void anExhaustedCallNamesItsIdempotencyKeyInItsMessage() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(503, "{\"message\":\"down\"}"));
    }
    Throwable e = catchThrowable(() -> transport(ClientOptions.builder()).execute(post(true)));
    assertThat(e).isInstanceOf(ServerException.class);
    assertThat(((PayClientException) e).attempts()).isEqualTo(3);
    assertThat(e.getMessage()).contains("idem-42");
  }

  @Test
  void dotSegmentsAndUnsendableTextAreRefusedBeforeAnyIo() {
    assertThatThrownBy(() -> ApiCall.get(HostileServerTest::readId).path("payments", ".."))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiCall.get(HostileServerTest::readId).path("payments", "."))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiCall.get(HostileServerTest::readId).path("a\uD800b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiCall.get(HostileServerTest::readId).query("reference", "r\uDC00"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ApiCall.get(HostileServerTest::readId).path("a.b", "...").build()).isNotNull();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aRedirectIsNotFollowedAndLeavesTheCreateUnknown() {
    server.enqueue(
        new MockResponse.Builder()
            .code(303)
            .addHeader("Location", "/v1/payments/someone-elses")
            .body("")
            .build());
    server.enqueue(json(200, "{\"id\":\"someone-elses\"}"));
    Throwable e =
        catchThrowable(() -> transport(ClientOptions.builder().maxRetries(0)).execute(post(false)));
    assertThat(e).isInstanceOf(ApiException.class);
    assertThat(((ApiException) e).httpStatus()).isEqualTo(303);
    assertThat(((PayClientException) e).outcomeUnknown()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
