package io.payclient.opentelemetry;

import static io.payclient.opentelemetry.TelemetryListener.ATTEMPTS;
import static io.payclient.opentelemetry.TelemetryListener.ERROR_TYPE;
import static io.payclient.opentelemetry.TelemetryListener.HTTP_REQUEST_METHOD;
import static io.payclient.opentelemetry.TelemetryListener.HTTP_REQUEST_RESEND_COUNT;
import static io.payclient.opentelemetry.TelemetryListener.HTTP_RESPONSE_STATUS_CODE;
import static io.payclient.opentelemetry.TelemetryListener.IDEMPOTENCY_KEY;
import static io.payclient.opentelemetry.TelemetryListener.OPERATION;
import static io.payclient.opentelemetry.TelemetryListener.OUTCOME;
import static io.payclient.opentelemetry.TelemetryListener.OUTCOME_UNKNOWN;
import static io.payclient.opentelemetry.TelemetryListener.PAYMENT_ID;
import static io.payclient.opentelemetry.TelemetryListener.PAYMENT_STATUS;
import static io.payclient.opentelemetry.TelemetryListener.RECONCILIATION_RESULT;
import static io.payclient.opentelemetry.TelemetryListener.SERVER_ADDRESS;
import static io.payclient.opentelemetry.TelemetryListener.SERVER_PORT;
import static io.payclient.opentelemetry.TelemetryListener.URL_TEMPLATE;
import static io.payclient.opentelemetry.TelemetryListener.VENDOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.payclient.core.AuthenticationException;
import io.payclient.core.ConnectionException;
import io.payclient.core.Money;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsListener;
import io.payclient.lago.LagoClient;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.testkit.FakeLago;
import io.payclient.testkit.FakePaygentic;
import io.payclient.testkit.Fault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The instrumentation against the testkit's fake vendors, read back through the OTel SDK. */
class PayClientTelemetryTest {
  private final Telemetry otel = new Telemetry();
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
    otel.close();
  }

  private <T extends AutoCloseable> T closing(T c) {
    closing.add(c);
    return c;
  }

  private LagoClient lago(FakeLago fake, PayClientTelemetry telemetry) {
    return closing(
        LagoClient.builder()
            .apiKey(fake.apiKey())
            .baseUrl(fake.baseUrl())
            .readTimeout(Duration.ofMillis(500))
            .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
            .listener(telemetry.listener())
            .build());
  }

  private PaygenticClient paygentic(FakePaygentic fake, String apiKey, PaymentsListener listener) {
    return closing(
        PaygenticClient.builder()
            .apiKey(apiKey)
            .baseUrl(fake.baseUrl())
            .readTimeout(Duration.ofMillis(500))
            .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
            .listener(listener)
            .build());
  }

  private static PaymentCreateRequest paygenticCreate() {
    return PaymentCreateRequest.builder()
        .amount(Money.of("25.00", "USD"))
        .reference("order-1")
        .build();
  }

  private TelemetryListener listenerOf(PayClientTelemetry telemetry) {
    return (TelemetryListener) telemetry.listener();
  }

  @Test
  void lagoCreateThatNeededReconciliation() throws Exception {
    FakeLago fake = closing(FakeLago.start());
    PayClientTelemetry telemetry =
        PayClientTelemetry.builder(otel.sdk).baseUrl(LagoClient.VENDOR, fake.baseUrl()).build();
    LagoClient client = lago(fake, telemetry);
    String invoice = fake.seedInvoice("USD", 10_000);
    fake.failNext(Fault.serverErrorAfterProcessing(503));

    Payment payment;
    Span checkout = otel.sdk.getTracer("shop").spanBuilder("checkout").startSpan();
    try (Scope ignored = checkout.makeCurrent()) {
      payment =
          client.create(
              PaymentCreateRequest.builder()
                  .amount(Money.of("25.00", "USD"))
                  .target(PaymentTarget.invoice(invoice))
                  .reference("order-1")
                  .build());
    } finally {
      checkout.end();
    }

    assertThat(fake.createdPayments()).isEqualTo(1);
    SpanData call = otel.span("payclient payments.create");
    assertThat(call.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(call.getParentSpanId()).isEqualTo(checkout.getSpanContext().getSpanId());
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(call.getAttributes().get(VENDOR)).isEqualTo("lago");
    assertThat(call.getAttributes().get(OPERATION)).isEqualTo("payments.create");
    assertThat(call.getAttributes().get(OUTCOME_UNKNOWN)).isFalse();
    assertThat(call.getAttributes().get(PAYMENT_ID)).isEqualTo(payment.id());
    assertThat(call.getAttributes().get(ATTEMPTS)).isEqualTo(1L);
    assertThat(call.getEvents()).extracting(e -> e.getName()).contains("payclient.reconciliation");

    SpanData attempt = otel.span("POST /api/v1/payments");
    assertThat(attempt.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(attempt.getParentSpanId()).isEqualTo(call.getSpanId());
    assertThat(attempt.getAttributes().get(HTTP_RESPONSE_STATUS_CODE)).isEqualTo(503L);
    assertThat(attempt.getAttributes().get(ERROR_TYPE)).isEqualTo("503");
    assertThat(attempt.getAttributes().get(SERVER_ADDRESS)).isNotBlank();
    assertThat(attempt.getAttributes().get(SERVER_PORT)).isPositive();
    assertThat(attempt.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);

    SpanData reconciliation = otel.span("payclient reconciliation");
    assertThat(reconciliation.getParentSpanId()).isEqualTo(call.getSpanId());
    assertThat(reconciliation.getAttributes().get(RECONCILIATION_RESULT)).isEqualTo("found");

    SpanData lookup = otel.span("payclient payments.list");
    assertThat(lookup.getParentSpanId()).isEqualTo(reconciliation.getSpanId());
    SpanData lookupAttempt = otel.span("GET /api/v1/payments");
    assertThat(lookupAttempt.getParentSpanId()).isEqualTo(lookup.getSpanId());
    assertThat(lookupAttempt.getAttributes().get(HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L);

    Collection<MetricData> metrics = otel.collect();
    assertThat(Telemetry.counts(metrics, "payclient.reconciliations"))
        .containsEntry(Attributes.of(VENDOR, "lago", RECONCILIATION_RESULT, "found"), 1L);
    assertThat(listenerOf(telemetry).open).isEmpty();

    String tree = Telemetry.render(otel.spans());
    Path out = Path.of("target", "lago-reconciliation-span-tree.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, tree, StandardCharsets.UTF_8);
    assertThat(tree)
        .contains("payclient reconciliation", "payclient.reconciliation.result = found");
  }

  @Test
  void asyncLagoReconciliationKeepsItsLookUpUnderIt() throws Exception {
    FakeLago fake = closing(FakeLago.start());
    PayClientTelemetry telemetry = PayClientTelemetry.create(otel.sdk);
    LagoClient client = lago(fake, telemetry);
    String invoice = fake.seedInvoice("USD", 10_000);
    fake.failNext(Fault.serverErrorAfterProcessing(503));

    client
        .createAsync(
            PaymentCreateRequest.builder()
                .amount(Money.of("25.00", "USD"))
                .target(PaymentTarget.invoice(invoice))
                .reference("order-1")
                .build())
        .get(5, TimeUnit.SECONDS);

    SpanData call = otel.awaitSpans("payclient payments.create", 1).get(0);
    SpanData reconciliation = otel.span("payclient reconciliation");
    assertThat(reconciliation.getParentSpanId()).isEqualTo(call.getSpanId());
    assertThat(reconciliation.getAttributes().get(RECONCILIATION_RESULT)).isEqualTo("found");
    assertThat(otel.span("payclient payments.list").getParentSpanId())
        .isEqualTo(reconciliation.getSpanId());
    assertThat(listenerOf(telemetry).open).isEmpty();
  }

  @Test
  void retriedPaygenticCreateHasOneClientSpanPerAttempt() {
    FakePaygentic fake = closing(FakePaygentic.start());
    PayClientTelemetry telemetry =
        PayClientTelemetry.builder(otel.sdk)
            .baseUrl(PaygenticClient.VENDOR, fake.baseUrl())
            .build();
    PaygenticClient client = paygentic(fake, fake.apiKey(), telemetry.listener());
    fake.failNext(Fault.serverError(503));

    Payment payment = client.create(paygenticCreate());

    SpanData call = otel.span("payclient payments.create");
    assertThat(call.getAttributes().get(IDEMPOTENCY_KEY)).isEqualTo(payment.idempotencyKey());
    assertThat(call.getAttributes().get(ATTEMPTS)).isEqualTo(2L);
    assertThat(call.getAttributes().get(PAYMENT_STATUS)).isNotBlank();
    assertThat(call.getEvents())
        .singleElement()
        .satisfies(e -> assertThat(e.getName()).isEqualTo("payclient.retry_scheduled"));
    List<SpanData> attempts = otel.spans("POST /v0/payments");
    assertThat(attempts).hasSize(2);
    assertThat(attempts)
        .allSatisfy(a -> assertThat(a.getParentSpanId()).isEqualTo(call.getSpanId()));
    assertThat(attempts.get(0).getAttributes().get(HTTP_REQUEST_RESEND_COUNT)).isNull();
    assertThat(attempts.get(0).getAttributes().get(HTTP_RESPONSE_STATUS_CODE)).isEqualTo(503L);
    assertThat(attempts.get(1).getAttributes().get(HTTP_REQUEST_RESEND_COUNT)).isEqualTo(1L);
    assertThat(attempts.get(1).getAttributes().get(HTTP_RESPONSE_STATUS_CODE))
        .isBetween(200L, 299L);
    assertThat(attempts.get(1).getAttributes().get(URL_TEMPLATE)).isEqualTo("/v0/payments");
    assertThat(attempts.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

    Collection<MetricData> metrics = otel.collect();
    List<HistogramPointData> durations =
        Telemetry.histogram(metrics, "http.client.request.duration");
    assertThat(Telemetry.metric(metrics, "http.client.request.duration").getUnit()).isEqualTo("s");
    assertThat(durations).hasSize(2);
    assertThat(durations)
        .allSatisfy(
            p -> {
              assertThat(p.getCount()).isEqualTo(1);
              assertThat(p.getBoundaries()).isEqualTo(TelemetryListener.DURATION_BUCKETS);
              assertThat(p.getAttributes().get(HTTP_REQUEST_METHOD)).isEqualTo("POST");
              assertThat(p.getAttributes().get(SERVER_PORT)).isPositive();
            });
    assertThat(durations)
        .anySatisfy(p -> assertThat(p.getAttributes().get(ERROR_TYPE)).isEqualTo("503"));
    assertThat(Telemetry.counts(metrics, "payclient.calls"))
        .containsExactly(
            java.util.Map.entry(
                Attributes.of(
                    VENDOR, "paygentic", OPERATION, "payments.create", OUTCOME, "success"),
                1L));
    assertThat(Telemetry.counts(metrics, "payclient.retries"))
        .containsExactly(
            java.util.Map.entry(
                Attributes.of(VENDOR, "paygentic", OPERATION, "payments.create"), 1L));
  }

  @Test
  void failedCallHasErrorStatusAndErrorType() {
    FakePaygentic fake = closing(FakePaygentic.start());
    PayClientTelemetry telemetry = PayClientTelemetry.create(otel.sdk);
    PaygenticClient client = paygentic(fake, "sk_test_not_the_fake_key", telemetry.listener());

    assertThatThrownBy(() -> client.retrieve("pay_1")).isInstanceOf(AuthenticationException.class);

    SpanData call = otel.span("payclient payments.retrieve");
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(call.getAttributes().get(ERROR_TYPE))
        .isEqualTo(AuthenticationException.class.getName());
    assertThat(call.getAttributes().get(OUTCOME_UNKNOWN)).isFalse();
    SpanData attempt = otel.span("GET /v0/payments/{id}");
    assertThat(attempt.getAttributes().get(ERROR_TYPE)).isEqualTo("401");
    assertThat(attempt.getAttributes().get(SERVER_ADDRESS)).isEqualTo("127.0.0.1"); // the fake
    assertThat(attempt.getAttributes().get(SERVER_PORT))
        .isEqualTo((long) java.net.URI.create(fake.baseUrl()).getPort());
    assertThat(attempt.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(Telemetry.counts(otel.collect(), "payclient.calls"))
        .containsEntry(
            Attributes.builder()
                .put(VENDOR, "paygentic")
                .put(OPERATION, "payments.retrieve")
                .put(OUTCOME, "error")
                .put(ERROR_TYPE, AuthenticationException.class.getName())
                .build(),
            1L);
  }

  @Test
  void createWhoseAnswerWasLostCountsAsOutcomeUnknown() {
    FakePaygentic fake = closing(FakePaygentic.start());
    PayClientTelemetry telemetry = PayClientTelemetry.create(otel.sdk);
    PaygenticClient client =
        closing(
            PaygenticClient.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .readTimeout(Duration.ofMillis(500))
                .maxRetries(0)
                .listener(telemetry.listener())
                .build());
    fake.failNext(Fault.resetAfterProcessing());

    assertThatThrownBy(() -> client.create(paygenticCreate()))
        .isInstanceOf(ConnectionException.class);

    SpanData call = otel.span("payclient payments.create");
    assertThat(call.getAttributes().get(OUTCOME_UNKNOWN)).isTrue();
    assertThat(call.getAttributes().get(ERROR_TYPE)).isEqualTo(ConnectionException.class.getName());
    SpanData attempt = otel.span("POST /v0/payments");
    assertThat(attempt.getAttributes().get(ERROR_TYPE))
        .isEqualTo(ConnectionException.class.getName());
    assertThat(Telemetry.counts(otel.collect(), "payclient.outcome_unknown"))
        .containsEntry(Attributes.of(VENDOR, "paygentic", OPERATION, "payments.create"), 1L);
  }

  @Test
  void cancelledAsyncCallEndsItsSpansOnce() throws Exception {
    MockWebServer server = closing(new MockWebServer());
    server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());
    server.start();
    PayClientTelemetry telemetry = PayClientTelemetry.create(otel.sdk);
    PaygenticClient client =
        closing(
            PaygenticClient.builder()
                .apiKey("sk_test_key")
                .baseUrl(server.url("/").toString())
                .allowInsecureHttp(true)
                .listener(telemetry.listener())
                .build());

    CompletableFuture<Payment> future = client.retrieveAsync("pay_1");
    RecordedRequest arrived = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(arrived).isNotNull();
    future.cancel(true);

    SpanData call = otel.span("payclient payments.retrieve");
    assertThat(call.getAttributes().get(ERROR_TYPE))
        .isEqualTo(CancellationException.class.getName());
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(otel.spans("GET /v0/payments/{id}"))
        .singleElement()
        .satisfies(a -> assertThat(a.hasEnded()).isTrue());
    assertThat(listenerOf(telemetry).open).isEmpty();
    Thread.sleep(100); // a late event of the cancelled attempt changes nothing
    assertThat(otel.spans()).hasSize(2);
  }

  @Test
  void concurrentEqualCallsKeepTheirOwnSpansAndLeaveNoState() throws Exception {
    FakePaygentic fake = closing(FakePaygentic.start());
    PayClientTelemetry telemetry = PayClientTelemetry.create(otel.sdk);
    PaygenticClient client = paygentic(fake, fake.apiKey(), telemetry.listener());

    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(client.listAsync(PaymentListParams.all())); // equal Call records, distinct calls
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

    List<SpanData> lists = otel.awaitSpans("payclient payments.list", 20);
    assertThat(lists).hasSize(20);
    List<SpanData> attempts = otel.spans("GET /v0/payments");
    assertThat(attempts).hasSize(20);
    assertThat(attempts.stream().map(SpanData::getParentSpanId).distinct()).hasSize(20);
    assertThat(listenerOf(telemetry).open).isEmpty();
  }

  @Test
  void waiterPollsAreCounted() {
    FakePaygentic fake = closing(FakePaygentic.start());
    PayClientTelemetry telemetry = PayClientTelemetry.create(otel.sdk);
    PaygenticClient client = paygentic(fake, fake.apiKey(), telemetry.listener());
    Payment created = client.create(paygenticCreate());
    fake.completePayment(created.id());

    client.awaitTerminal(created.id(), Duration.ofSeconds(5), Duration.ofMillis(10));

    assertThat(Telemetry.counts(otel.collect(), "payclient.waiter.polls"))
        .containsEntry(Attributes.of(VENDOR, "paygentic", PAYMENT_STATUS, "succeeded"), 1L);
  }

  @Test
  void webhooksAreCountedByResult() throws Exception {
    PayClientTelemetry telemetry = PayClientTelemetry.create(otel.sdk);
    String secret = "billingrails-webhook-secret";
    io.payclient.billingrails.BillingrailsWebhooks webhooks =
        io.payclient.billingrails.BillingrailsWebhooks.builder()
            .secret(secret)
            .listener(telemetry.listener())
            .build();
    byte[] body =
        "{\"type\":\"payment.succeeded\",\"data\":{}}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = java.util.Base64.getEncoder().encodeToString(mac.doFinal(body));

    webhooks.verify(
        body, name -> name.equalsIgnoreCase("x-billingrails-signature") ? signature : null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> webhooks.verify(body, name -> null))
        .isInstanceOf(io.payclient.core.WebhookVerificationException.class);

    assertThat(Telemetry.counts(otel.collect(), "payclient.webhooks"))
        .containsEntry(
            Attributes.of(VENDOR, "billingrails", TelemetryListener.WEBHOOK_RESULT, "verified"), 1L)
        .containsEntry(
            Attributes.of(
                VENDOR, "billingrails", TelemetryListener.WEBHOOK_RESULT, "missing_header"),
            1L);
  }

  @Test
  void tracingInterceptorSendsTheCurrentTraceContextOnly() throws Exception {
    MockWebServer server = closing(new MockWebServer());
    server.enqueue(new MockResponse.Builder().body("{\"data\":[]}").build());
    server.start();
    PayClientTelemetry telemetry = PayClientTelemetry.create(otel.sdk);
    OkHttpClient http =
        new OkHttpClient.Builder().addInterceptor(telemetry.tracingInterceptor()).build();
    closing(
        () -> {
          http.dispatcher().executorService().shutdown();
          http.connectionPool().evictAll();
        });
    Span parent = otel.sdk.getTracer("shop").spanBuilder("checkout").startSpan();
    try (Scope ignored =
        io.opentelemetry.api.baggage.Baggage.builder()
            .put("user", "secret")
            .build()
            .storeInContext(io.opentelemetry.context.Context.current().with(parent))
            .makeCurrent()) {
      http.newCall(new okhttp3.Request.Builder().url(server.url("/v0/payments")).build())
          .execute()
          .close();
    } finally {
      parent.end();
    }
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("traceparent"))
        .contains(parent.getSpanContext().getTraceId())
        .contains(parent.getSpanContext().getSpanId());
    assertThat(request.getHeaders().get("baggage")).isNull();
    assertThat(telemetry.tracingInterceptor())
        .hasToString("PayClientTelemetry.tracingInterceptor()");

    // without a current span, nothing is added
    server.enqueue(new MockResponse.Builder().body("{}").build());
    http.newCall(new okhttp3.Request.Builder().url(server.url("/v0/payments")).build())
        .execute()
        .close();
    assertThat(server.takeRequest().getHeaders().get("traceparent")).isNull();
  }

  @Test
  void builderRejectsWhatIsNotAUrl() {
    assertThatThrownBy(() -> PayClientTelemetry.builder(otel.sdk).baseUrl("lago", "not a url"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PayClientTelemetry.create(null))
        .isInstanceOf(NullPointerException.class);
    assertThat(PayClientTelemetry.create(otel.sdk)).hasToString("PayClientTelemetry");
  }

  @Test
  void idempotencyKeyCanBeLeftOut() {
    FakePaygentic fake = closing(FakePaygentic.start());
    PayClientTelemetry telemetry =
        PayClientTelemetry.builder(otel.sdk).recordIdempotencyKey(false).build();
    paygentic(fake, fake.apiKey(), telemetry.listener()).create(paygenticCreate());
    assertThat(otel.span("payclient payments.create").getAttributes().get(IDEMPOTENCY_KEY))
        .isNull();
  }
}
