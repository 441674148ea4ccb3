package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.squareup.moshi.JsonReader;
import io.payclient.core.ApiError;
import io.payclient.core.ClientOptions;
import io.payclient.core.ConnectionException;
import io.payclient.core.FieldError;
import io.payclient.core.InvalidRequestException;
import io.payclient.core.PayClientException;
import io.payclient.core.PaymentsListener;
import io.payclient.core.PaymentsListener.Call;
import io.payclient.core.RateLimitException;
import io.payclient.core.RequestOptions;
import io.payclient.core.ResponseFormatException;
import io.payclient.core.ServerException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
  private static final String KEY = "sk_test_TRANSPORTKEY42";

  @StartStop MockWebServer server = new MockWebServer();

  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private HttpTransport transport;

  @AfterEach
  void close() {
    if (transport != null) {
      transport.close();
    }
  }

  private HttpTransport transport(ClientOptions.Builder options) {
    PaymentsListener listener =
        new PaymentsListener() {
          @Override
          public void callStarted(Call call) {
            events.add("start " + call.method() + " " + call.path());
          }

          @Override
          public void responseReceived(Call call, int attempt, int status, Duration d) {
            events.add("response " + attempt + " " + status);
          }

          @Override
          public void attemptFailed(Call call, int attempt, Throwable reason) {
            events.add("failed " + attempt + " " + reason.getClass().getSimpleName());
            assertThat(String.valueOf(reason.getMessage())).doesNotContain(KEY);
          }

          @Override
          public void retryScheduled(Call call, int nextAttempt, Duration delay) {
            events.add("retry " + nextAttempt);
          }
        };
    transport =
        new HttpTransport(
            "testvendor",
            server.url("/v1/"),
            KEY,
            options.listener(listener).build(),
            new TestErrorParser());
    return transport;
  }

  private HttpTransport transport() {
    return transport(ClientOptions.builder());
  }

  private static ApiCall<String> post() {
    return ApiCall.post("{\"a\":1}".getBytes(StandardCharsets.UTF_8), HttpTransportTest::readId)
        .path("payments")
        .build();
  }

  private static ApiCall<String> idempotentPost() {
    return ApiCall.post("{\"a\":1}".getBytes(StandardCharsets.UTF_8), HttpTransportTest::readId)
        .path("payments")
        .idempotencyKey("idem-1")
        .header("Idempotency-Key", "idem-1")
        .build();
  }

  private static String readId(int status, JsonReader r) throws IOException {
    String id = null;
    r.beginObject();
    while (r.hasNext()) {
      if (r.nextName().equals("id")) {
        id = r.nextString();
      } else {
        r.skipValue();
      }
    }
    r.endObject();
    if (id == null) {
      throw new com.squareup.moshi.JsonDataException("no id");
    }
    return status + ":" + id;
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void eachPostGoesToItsOwnPathBeyondTheUrlCacheAndWithQueries() throws Exception {
    // POST URLs are cached per path (at most 16): more paths than that, each twice, and a query,
    // must still each reach exactly their own URL.
    HttpTransport t = transport();
    List<String> expected = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 20; i++) {
        server.enqueue(json(201, "{\"id\":\"p" + i + "\"}"));
        ApiCall.Builder<String> call =
            ApiCall.post("{}".getBytes(StandardCharsets.UTF_8), HttpTransportTest::readId)
                .path("accounts", "acc " + i, "payments");
        if (i % 5 == 0) {
          call.query("round", String.valueOf(round));
        }
        assertThat(t.execute(call.build())).isEqualTo("201:p" + i);
        expected.add(
            "/v1/accounts/acc%20" + i + "/payments" + (i % 5 == 0 ? "?round=" + round : ""));
      }
    }
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      targets.add(server.takeRequest().getTarget());
    }
    assertThat(targets).isEqualTo(expected);
  }

  @Test
  void sendsAuthJsonAndUserAgentHeaders() throws Exception {
    server.enqueue(json(200, "{\"id\":\"p1\",\"extra\":{\"deep\":[1,2]}}"));
    String result =
        transport(ClientOptions.builder().userAgentSuffix("billing-svc/4.2")).execute(post());
    assertThat(result).isEqualTo("200:p1");
    RecordedRequest req = server.takeRequest();
    assertThat(req.getMethod()).isEqualTo("POST");
    assertThat(req.getTarget()).isEqualTo("/v1/payments");
    assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(req.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(req.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(req.getHeaders().get("User-Agent"))
        .matches("payclient-java/\\S+ testvendor Java/\\d+ billing-svc/4\\.2");
    assertThat(req.getBody().utf8()).isEqualTo("{\"a\":1}");
    assertThat(events).containsExactly("start POST /v1/payments", "response 1 200");
  }

  @Test
  void aCallHeaderIsAddedAndOneNamedAsAFixedHeaderReplacesIt() throws Exception {
    server.enqueue(json(200, "{\"id\":\"p1\"}"));
    transport()
        .execute(
            ApiCall.get(HttpTransportTest::readId)
                .path("payments")
                .header("Idempotency-Key", "k-1")
                .header("accept", "application/vnd.test+json")
                .build());
    okhttp3.Headers headers = server.takeRequest().getHeaders();
    assertThat(headers.values("Idempotency-Key")).containsExactly("k-1");
    assertThat(headers.values("Accept")).containsExactly("application/vnd.test+json");
    assertThat(headers.values("Authorization")).containsExactly("Bearer " + KEY);
  }

  @Test
  void pathSegmentsAndQueryAreEncoded() throws Exception {
    server.enqueue(json(200, "{\"id\":\"p1\"}"));
    transport()
        .execute(
            ApiCall.get(HttpTransportTest::readId)
                .path("payments", "../a/b c")
                .query("external_customer_id", "acme & co/1")
                .query("skipped", null)
                .build());
    assertThat(server.takeRequest().getTarget())
        .isEqualTo("/v1/payments/..%2Fa%2Fb%20c?external_customer_id=acme%20%26%20co%2F1");
  }

  @Test
  void controlCharactersInPathSegmentsAreRefusedBeforeIo() {
    assertThatThrownBy(() -> ApiCall.get(HttpTransportTest::readId).path("a\r\nb"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiCall.get(HttpTransportTest::readId).header("X", "a\nb"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void errorStatusMapsToTypedExceptionWithFieldErrorsAndRequestId() {
    server.enqueue(
        new MockResponse.Builder()
            .code(422)
            .addHeader("Content-Type", "application/json")
            .addHeader("X-Request-Id", "req-77")
            .body("{\"message\":\"bad\",\"field\":\"amount\",\"echo\":\"" + KEY + "\"}")
            .build());
    assertThatThrownBy(() -> transport().execute(post()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(422);
              assertThat(e.fieldErrors()).containsExactly(FieldError.of("amount", "bad"));
              assertThat(e.requestId()).isEqualTo("req-77");
              assertThat(e.rawBody()).contains("[REDACTED]").doesNotContain(KEY);
              assertThat(e.getMessage()).doesNotContain(KEY);
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.outcomeUnknown()).isFalse();
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorOnACreateWithoutIdempotencyIsNotRetried() {
    server.enqueue(json(500, "{\"message\":\"oops\"}"));
    server.enqueue(json(200, "{\"id\":\"p1\"}"));
    assertThatThrownBy(() -> transport().execute(post()))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.attempts()).isEqualTo(1);
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorOnAnIdempotentCreateIsRetriedWithTheSameKey() throws Exception {
    server.enqueue(json(503, "{\"message\":\"busy\"}"));
    server.enqueue(json(201, "{\"id\":\"p1\"}"));
    assertThat(transport().execute(idempotentPost())).isEqualTo("201:p1");
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo("idem-1");
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo("idem-1");
    assertThat(events)
        .containsExactly(
            "start POST /v1/payments",
            "response 1 503",
            "failed 1 ServerException",
            "retry 2",
            "response 2 201");
  }

  @Test
  void retriesStopAtMaxRetries() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(502, "{\"message\":\"bad gateway\"}"));
    }
    assertThatThrownBy(
            () -> transport(ClientOptions.builder().maxRetries(1)).execute(idempotentPost()))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.attempts()).isEqualTo(2);
              assertThat(e.idempotencyKey()).isEqualTo("idem-1");
              assertThat(e.outcomeUnknown()).isTrue();
            });
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void perRequestMaxRetriesZeroTurnsRetriesOff() {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(200, "{\"id\":\"p1\"}"));
    ApiCall<String> call =
        ApiCall.get(HttpTransportTest::readId)
            .path("payments", "p1")
            .options(RequestOptions.builder().maxRetries(0).build())
            .build();
    assertThatThrownBy(() -> transport().execute(call)).isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void rateLimitIsRetriedEvenWithoutIdempotencyHonouringRetryAfter() {
    server.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "0").body("{}").build());
    server.enqueue(json(200, "{\"id\":\"p1\"}"));
    assertThat(transport().execute(post())).isEqualTo("200:p1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterLongerThanTheCeilingIsNotWaitedFor() {
    server.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").body("{}").build());
    assertThatThrownBy(
            () ->
                transport(ClientOptions.builder().maxRetryDelay(Duration.ofSeconds(5)))
                    .execute(post()))
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3600)));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void resetAfterTheRequestWasReadIsAnUnknownOutcomeForACreate() {
    server.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(json(200, "{\"id\":\"p1\"}"));
    assertThatThrownBy(() -> transport().execute(post()))
        .isInstanceOfSatisfying(
            ConnectionException.class,
            e -> {
              assertThat(e.requestSent()).isTrue();
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.getMessage()).contains("outcome is unknown");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void resetOnAnIdempotentCallIsRetried() {
    server.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(json(201, "{\"id\":\"p1\"}"));
    assertThat(transport().execute(idempotentPost())).isEqualTo("201:p1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void connectRefusedIsRetriedAndReportedAsNotSent() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    HttpTransport t =
        new HttpTransport(
            "testvendor",
            HttpUrl.get("http://127.0.0.1:" + port + "/v1/"),
            KEY,
            ClientOptions.builder().maxRetries(1).build(),
            new TestErrorParser());
    try (t) {
      assertThatThrownBy(() -> t.execute(post()))
          .isInstanceOfSatisfying(
              ConnectionException.class,
              e -> {
                assertThat(e.requestSent()).isFalse();
                assertThat(e.outcomeUnknown()).isFalse();
                assertThat(e.attempts()).isEqualTo(2);
              });
    }
  }

  @Test
  void readTimeoutAfterSendingIsUnknownForACreate() {
    server.enqueue(
        json(200, "{\"id\":\"p1\"}").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
    assertThatThrownBy(
            () ->
                transport(ClientOptions.builder().readTimeout(Duration.ofMillis(200)))
                    .execute(post()))
        .isInstanceOfSatisfying(
            ConnectionException.class,
            e -> {
              assertThat(e.requestSent()).isTrue();
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.getMessage()).contains("timed out after the request was sent");
            });
  }

  @Test
  void truncatedSuccessBodyOnACreateIsNotResentBlindly() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body("{\"id\":\"p1\"")
            .build());
    assertThatThrownBy(() -> transport().execute(post()))
        .isInstanceOfSatisfying(
            ResponseFormatException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.httpStatus()).isEqualTo(200);
              assertThat(e.rawBody()).isEqualTo("{\"id\":\"p1\"");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void htmlInsteadOfJsonIsAFormatError() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "text/html")
            .body("<html>gateway</html>")
            .build());
    assertThatThrownBy(() -> transport().execute(post()))
        .isInstanceOf(ResponseFormatException.class)
        .hasMessageContaining("expected JSON but got text/html");
  }

  @Test
  void jsonContentTypesInAnySpellingAreParsedAndOthersRefused() {
    for (String type :
        List.of(
            "application/json",
            "application/json; charset=utf-8",
            "Application/JSON;charset=UTF-8",
            "application/problem+json",
            "application/vnd.api+json; charset=utf-8")) {
      server.enqueue(
          new MockResponse.Builder()
              .code(200)
              .addHeader("Content-Type", type)
              .body("{\"id\":\"p1\"}")
              .build());
      assertThat(transport().execute(post())).as(type).isEqualTo("200:p1");
    }
    for (String type : List.of("application/xml", "text/plain; x=json")) {
      server.enqueue(
          new MockResponse.Builder()
              .code(200)
              .addHeader("Content-Type", type)
              .body("{\"id\":\"p1\"}")
              .build());
      assertThatThrownBy(() -> transport().execute(post()))
          .as(type)
          .isInstanceOf(ResponseFormatException.class)
          .hasMessageContaining("expected JSON but got");
    }
  }

  @Test
  void htmlErrorPageBecomesATypedErrorWithTheStatus() {
    server.enqueue(
        new MockResponse.Builder()
            .code(502)
            .addHeader("Content-Type", "text/html")
            .body("<html><body>Bad Gateway</body></html>")
            .build());
    assertThatThrownBy(() -> transport().execute(post()))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(502);
              assertThat(e.vendorMessage()).contains("unreadable text/html body");
              assertThat(e.rawBody()).contains("Bad Gateway");
            });
  }

  @Test
  void bodiesOverTheCapAreRefused() {
    server.enqueue(json(200, "{\"id\":\"" + "x".repeat(5000) + "\"}"));
    assertThatThrownBy(
            () -> transport(ClientOptions.builder().maxResponseBytes(1024)).execute(post()))
        .isInstanceOf(ResponseFormatException.class)
        .hasMessageContaining("over 1024 bytes");
  }

  @Test
  void asyncCompletesOnlyWhenTheDelayedResponseArrives() throws Exception {
    server.enqueue(
        json(200, "{\"id\":\"p9\"}").newBuilder().headersDelay(300, TimeUnit.MILLISECONDS).build());
    CompletableFuture<String> f = transport().executeAsync(post());
    assertThat(f).isNotDone();
    assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("200:p9");
  }

  @Test
  void asyncRetriesAreScheduledAndFailuresCompleteTheFuture() throws Exception {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(201, "{\"id\":\"p2\"}"));
    assertThat(transport().executeAsync(idempotentPost()).get(10, TimeUnit.SECONDS))
        .isEqualTo("201:p2");
    server.enqueue(json(400, "{\"message\":\"nope\",\"field\":\"x\"}"));
    CompletableFuture<String> failed = transport.executeAsync(post());
    assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void aClosedTransportRefusesCalls() {
    HttpTransport t = transport();
    t.close();
    assertThatThrownBy(() -> t.execute(post())).isInstanceOf(IllegalStateException.class);
    assertThat(t.executeAsync(post())).isCompletedExceptionally();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void exceptionsCarryContextButNeverTheKey() {
    server.enqueue(json(401, "{\"message\":\"bad key " + KEY + "\"}"));
    assertThatThrownBy(() -> transport().execute(post()))
        .isInstanceOfSatisfying(
            PayClientException.class,
            e -> {
              assertThat(e.vendor()).isEqualTo("testvendor");
              assertThat(e.toString()).doesNotContain(KEY);
            });
  }

  @Test
  void deeplyNestedOrMistypedBodiesBecomeFormatErrors() {
    server.enqueue(json(200, "{\"x\":" + "[".repeat(400) + "]".repeat(400) + ",\"id\":\"p\"}"));
    assertThatThrownBy(() -> transport().execute(post()))
        .isInstanceOf(ResponseFormatException.class);
    server.enqueue(json(200, "{\"id\":{\"unexpected\":\"object\"}}"));
    assertThatThrownBy(() -> transport.execute(post()))
        .isInstanceOf(ResponseFormatException.class)
        .hasMessageContaining("could not read the response");
    server.enqueue(json(500, "[".repeat(400)));
    assertThatThrownBy(() -> transport.execute(post())).isInstanceOf(ServerException.class);
  }

  @Test
  void aFailureAfterAnAmbiguousAttemptKeepsTheOutcomeUnknown() {
    // The first attempt may have created the payment; the second is refused. The refusal must not
    // be read as "nothing was created".
    server.enqueue(json(503, "{\"message\":\"busy\"}"));
    server.enqueue(json(422, "{\"message\":\"amount exceeds amount due\",\"field\":\"amount\"}"));
    assertThatThrownBy(() -> transport().execute(idempotentPost()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.attempts()).isEqualTo(2);
            });
    server.enqueue(json(422, "{\"message\":\"bad\"}"));
    assertThatThrownBy(() -> transport.execute(idempotentPost()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.outcomeUnknown()).isFalse());
  }

  @Test
  void aCallersOkHttpClientIsSharedAndNeverShutDown() {
    okhttp3.OkHttpClient mine = new okhttp3.OkHttpClient();
    server.enqueue(json(200, "{\"id\":\"p1\"}"));
    HttpTransport t =
        new HttpTransport(
            "testvendor",
            server.url("/v1/"),
            KEY,
            ClientOptions.builder().okHttpClient(mine).build(),
            new TestErrorParser());
    assertThat(t.okHttpClient().connectionPool()).isSameAs(mine.connectionPool());
    assertThat(t.okHttpClient().dispatcher()).isSameAs(mine.dispatcher());
    assertThat(t.execute(post())).isEqualTo("200:p1");
    t.close();
    assertThat(t.isClosed()).isTrue();
    assertThat(mine.dispatcher().executorService().isShutdown()).isFalse();
    assertThat(t.vendor()).isEqualTo("testvendor");
    assertThat(t.baseUrl()).isEqualTo(server.url("/v1/"));
  }

  @Test
  void aListenerThatThrowsNeverBreaksACall() {
    server.enqueue(json(200, "{\"id\":\"p1\"}"));
    PaymentsListener broken =
        new PaymentsListener() {
          @Override
          public void callStarted(Call call) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void responseReceived(Call call, int attempt, int status, Duration d) {
            throw new IllegalStateException("listener bug");
          }
        };
    try (HttpTransport t =
        new HttpTransport(
            "testvendor",
            server.url("/v1/"),
            KEY,
            ClientOptions.builder().listener(broken).build(),
            new TestErrorParser())) {
      assertThat(t.execute(post())).isEqualTo("200:p1");
    }
  }

  @Test
  void emptyAndNonJsonErrorBodiesStillMapByStatus() {
    server.enqueue(new MockResponse.Builder().code(404).build());
    assertThatThrownBy(() -> transport().execute(post()))
        .isInstanceOfSatisfying(
            io.payclient.core.NotFoundException.class,
            e -> {
              assertThat(e.vendorMessage()).contains("empty body");
              assertThat(e.rawBody()).isNull();
            });
    server.enqueue(
        new MockResponse.Builder()
            .code(403)
            .addHeader("Content-Type", "text/plain")
            .body("nope")
            .build());
    assertThatThrownBy(() -> transport.execute(post()))
        .isInstanceOfSatisfying(
            io.payclient.core.PermissionException.class,
            e -> assertThat(e.vendorMessage()).contains("unreadable text/plain body"));
    server.enqueue(json(409, "{\"message\":\"conflict\"}"));
    assertThatThrownBy(() -> transport.execute(idempotentPost()))
        .isInstanceOf(io.payclient.core.ConflictException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aRetryThatWouldPassTheDeadlineIsNotMade() {
    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .addHeader("Retry-After", "2")
            .addHeader("Content-Type", "application/json")
            .body("{}")
            .build());
    server.enqueue(json(201, "{\"id\":\"p1\"}"));
    ApiCall<String> call =
        ApiCall.post("{}".getBytes(StandardCharsets.UTF_8), HttpTransportTest::readId)
            .path("payments")
            .idempotencyKey("k")
            .options(RequestOptions.builder().timeout(Duration.ofMillis(500)).build())
            .build();
    assertThatThrownBy(() -> transport().execute(call))
        .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  /** A 201 whose body arrives one byte every 100 ms (each read well within the read timeout). */
  private static MockResponse trickling() {
    return json(201, "{\"id\":\"p1\",\"padding\":\"" + "x".repeat(60) + "\"}")
        .newBuilder()
        .throttleBody(1, 100, TimeUnit.MILLISECONDS)
        .build();
  }

  private static ApiCall<String> postWithDeadline(Duration deadline) {
    return ApiCall.post("{}".getBytes(StandardCharsets.UTF_8), HttpTransportTest::readId)
        .path("payments")
        .options(RequestOptions.builder().timeout(deadline).maxRetries(0).build())
        .build();
  }

  @Test
  void theDeadlineStopsAServerThatTricklesItsAnswerOnTheCallersThread() {
    server.enqueue(trickling());
    long start = System.nanoTime();
    Throwable e =
        catchThrowable(() -> transport().execute(postWithDeadline(Duration.ofMillis(700))));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(e)
        .isInstanceOfSatisfying(
            ConnectionException.class,
            c -> {
              assertThat(c.requestSent()).isTrue();
              assertThat(c.outcomeUnknown()).isTrue();
              assertThat(c.getMessage())
                  .contains("timed out after the request was sent (InterruptedIOException)");
            });
    // The whole answer takes about 7 s; each read alone is within the 10-s read timeout.
    assertThat(tookMillis).isBetween(650L, 4000L);
  }

  @Test
  void theDeadlineStopsAServerThatTricklesItsAnswerAsync() {
    server.enqueue(trickling());
    long start = System.nanoTime();
    Throwable e =
        catchThrowable(
            () ->
                transport()
                    .executeAsync(postWithDeadline(Duration.ofMillis(700)))
                    .get(10, TimeUnit.SECONDS));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(e).isInstanceOf(java.util.concurrent.ExecutionException.class);
    assertThat(e.getCause())
        .isInstanceOfSatisfying(
            ConnectionException.class,
            c -> {
              assertThat(c.requestSent()).isTrue();
              assertThat(c.getMessage()).contains("timed out after the request was sent");
            });
    assertThat(tookMillis).isBetween(650L, 4000L);
  }

  @Test
  void theDeadlineStopsAnAnswerWhoseHeadersNeverComeWithinTheReadTimeout() {
    server.enqueue(
        json(201, "{\"id\":\"p1\"}").newBuilder().headersDelay(5, TimeUnit.SECONDS).build());
    long start = System.nanoTime();
    Throwable e =
        catchThrowable(() -> transport().execute(postWithDeadline(Duration.ofMillis(500))));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(e).isInstanceOf(ConnectionException.class);
    assertThat(tookMillis).isBetween(450L, 4000L);
  }

  @Test
  void copyOfCopiesEverySegmentAndLeavesTheBufferAsItWas() {
    byte[] data = new byte[3 * 8192 + 123];
    new java.util.Random(7).nextBytes(data);
    okio.Buffer buffer = new okio.Buffer();
    for (int at = 0; at < data.length; at += 1000) { // written in pieces: several segments
      buffer.write(data, at, Math.min(1000, data.length - at));
    }
    byte[] copy = HttpTransport.copyOf(buffer);
    assertThat(copy).isEqualTo(data);
    assertThat(buffer.size()).isEqualTo(data.length);
    assertThat(buffer.readByteArray()).isEqualTo(data);
    assertThat(HttpTransport.copyOf(new okio.Buffer())).isEmpty();
  }

  @Test
  void aSuccessBodyOfManySegmentsIsReadWhole() {
    String padding = "y".repeat(40_000);
    server.enqueue(json(201, "{\"pad\":\"" + padding + "\",\"id\":\"big\"}"));
    assertThat(transport().execute(post())).isEqualTo("201:big");
  }

  @Test
  void aCallsDeadlineIsNoLongerWatchedOnceItEnds() {
    int calls = 20;
    int before = Deadlines.SHARED.size();
    transport();
    for (int i = 0; i < calls; i++) {
      server.enqueue(json(201, "{\"id\":\"s" + i + "\"}"));
      assertThat(transport.execute(post())).isEqualTo("201:s" + i);
      server.enqueue(json(201, "{\"id\":\"a" + i + "\"}"));
      assertThat(transport.executeAsync(post()).join()).isEqualTo("201:a" + i);
    }
    server.enqueue(json(400, "{\"message\":\"no\"}"));
    assertThatThrownBy(() -> transport.execute(post())).isInstanceOf(PayClientException.class);
    // Calls of earlier tests may still be watched (and end meanwhile); none of these 41 are.
    assertThat(Deadlines.SHARED.size()).isLessThanOrEqualTo(before);
  }

  @Test
  void status408IsRetriedOnlyWhenTheCallIsIdempotent() {
    server.enqueue(json(408, "{\"message\":\"request timeout\"}"));
    server.enqueue(json(201, "{\"id\":\"p1\"}"));
    assertThat(transport().execute(idempotentPost())).isEqualTo("201:p1");
    assertThat(server.getRequestCount()).isEqualTo(2);

    server.enqueue(json(408, "{\"message\":\"request timeout\"}"));
    assertThatThrownBy(() -> transport.execute(post()))
        .isInstanceOfSatisfying(
            io.payclient.core.ApiException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(408);
              assertThat(e.outcomeUnknown()).isTrue(); // a create without a key may have landed
              assertThat(e.attempts()).isEqualTo(1);
            });
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  /** {"message": …, "field": …} */
  static final class TestErrorParser implements ErrorParser {
    @Override
    public ApiError parse(int status, JsonReader r) throws IOException {
      String message = null;
      String field = null;
      r.beginObject();
      while (r.hasNext()) {
        switch (r.nextName()) {
          case "message" -> message = r.nextString();
          case "field" -> field = r.nextString();
          default -> r.skipValue();
        }
      }
      r.endObject();
      String m = message == null ? "HTTP " + status : message;
      return CoreAccess.get()
          .apiError(
              status,
              null,
              m,
              field == null ? List.of() : List.of(FieldError.of(field, m)),
              null,
              null,
              null);
    }
  }

  @Test
  void aTextCallReadsThePlainBodyWhateverItsContentTypeAndMapsErrorsAsUsual() {
    HttpTransport t = transport(ClientOptions.builder().maxRetries(0));
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "text/plain")
            .body("  LS0tLS1CRUdJTg==\n")
            .build());
    assertThat(t.execute(ApiCall.getText(String::trim).path("webhooks", "public_key").build()))
        .isEqualTo("LS0tLS1CRUdJTg==");

    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "text/html")
            .body("<html>" + KEY + "</html>")
            .build());
    assertThatThrownBy(
            () ->
                t.execute(
                    ApiCall.<String>getText(
                            text -> {
                              throw new IllegalArgumentException("not a key");
                            })
                        .path("webhooks", "public_key")
                        .build()))
        .isInstanceOfSatisfying(
            ResponseFormatException.class,
            e -> {
              assertThat(e.getMessage()).contains("not a key").doesNotContain(KEY);
              assertThat(String.valueOf(e.rawBody())).doesNotContain(KEY);
            });

    server.enqueue(json(404, "{\"message\":\"nope\"}"));
    assertThatThrownBy(() -> t.execute(ApiCall.getText(String::trim).path("x").build()))
        .isInstanceOf(io.payclient.core.NotFoundException.class);
  }
}
