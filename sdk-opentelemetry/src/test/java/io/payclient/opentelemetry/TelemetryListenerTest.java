package io.payclient.opentelemetry;

import static io.payclient.opentelemetry.TelemetryListener.ERROR_TYPE;
import static io.payclient.opentelemetry.TelemetryListener.HTTP_RESPONSE_STATUS_CODE;
import static io.payclient.opentelemetry.TelemetryListener.PAYMENT_STATUS;
import static io.payclient.opentelemetry.TelemetryListener.RECONCILIATION_RESULT;
import static io.payclient.opentelemetry.TelemetryListener.VENDOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentsListener;
import io.payclient.core.PaymentsListener.AttemptEnd;
import io.payclient.core.PaymentsListener.Call;
import io.payclient.core.PaymentsListener.CallEnd;
import io.payclient.core.PaymentsListener.Reconciliation;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Event sequences sent straight to the listener, including the ones a transport should not send.
 */
class TelemetryListenerTest {
  private final Telemetry otel = new Telemetry();
  private final TelemetryListener listener =
      (TelemetryListener) PayClientTelemetry.create(otel.sdk).listener();

  @AfterEach
  void close() {
    otel.close();
  }

  /** A Lago call as the transport describes it; {@code template} with {@code {id}} for ids. */
  private static Call call(String method, String template) {
    return call(method, template, null);
  }

  private static Call call(String method, String template, @Nullable Call parent) {
    String operation =
        switch (method + " " + template) {
          case "GET /api/v1/payments/{id}" -> "payments.retrieve";
          case "GET /api/v1/payments" -> "payments.list";
          case "POST /api/v1/payments" -> "payments.create";
          default -> "other";
        };
    return new Call(
        "lago",
        method,
        template.replace("{id}", "p1"),
        null,
        operation,
        operation.equals("other") ? null : template,
        "127.0.0.1",
        3000,
        parent);
  }

  private static AttemptEnd attemptEnd(int attempt, int status, @Nullable Throwable error) {
    return new AttemptEnd(attempt, status, error, Duration.ofMillis(1));
  }

  private static CallEnd ok() {
    return new CallEnd(null, false, 1, Duration.ofMillis(3), null, null);
  }

  private static CallEnd failed(Throwable error, int attempts) {
    return new CallEnd(error, false, attempts, Duration.ofMillis(3), null, null);
  }

  /** One call of {@code c}: one attempt that ends with {@code status} and {@code error}. */
  private void once(Call c, int status, @Nullable Throwable error) {
    listener.callStarted(c);
    listener.attemptStarted(c, 1);
    if (status > 0) {
      listener.responseReceived(c, 1, status, Duration.ofMillis(1));
    }
    listener.attemptEnded(c, attemptEnd(1, status, error));
    listener.callEnded(c, error == null ? ok() : failed(error, 1));
  }

  @Test
  void callsOfOneOperationShareNamesButNotTheirOutcomes() {
    IOException reset = new IOException("reset");
    once(call("GET", "/api/v1/payments/{id}"), 200, null);
    once(call("GET", "/api/v1/payments/{id}"), 404, new IllegalStateException("not found"));
    once(call("GET", "/api/v1/payments/{id}"), 200, null);
    once(call("GET", "/api/v1/payments/{id}"), 0, reset);
    once(call("GET", "/api/v1/payments"), 200, null);

    java.util.Map<Attributes, Long> byAttributes = new java.util.HashMap<>();
    for (var p : Telemetry.histogram(otel.collect(), "http.client.request.duration")) {
      byAttributes.put(p.getAttributes(), p.getCount());
    }
    Attributes base =
        Attributes.builder()
            .put(TelemetryListener.HTTP_REQUEST_METHOD, "GET")
            .put(TelemetryListener.SERVER_ADDRESS, "127.0.0.1")
            .put(TelemetryListener.SERVER_PORT, 3000L)
            .build();
    assertThat(byAttributes)
        .containsOnly(
            java.util.Map.entry(base.toBuilder().put(HTTP_RESPONSE_STATUS_CODE, 200L).build(), 3L),
            java.util.Map.entry(
                base.toBuilder()
                    .put(HTTP_RESPONSE_STATUS_CODE, 404L)
                    .put(ERROR_TYPE, "404")
                    .build(),
                1L),
            java.util.Map.entry(
                base.toBuilder().put(ERROR_TYPE, IOException.class.getName()).build(), 1L));
    assertThat(otel.spans())
        .extracting(SpanData::getName)
        .containsOnly(
            "payclient payments.retrieve",
            "GET /api/v1/payments/{id}",
            "payclient payments.list",
            "GET /api/v1/payments");
    assertThat(Telemetry.counts(otel.collect(), "payclient.calls"))
        .containsOnly(
            java.util.Map.entry(
                Attributes.of(
                    VENDOR,
                    "lago",
                    TelemetryListener.OPERATION,
                    "payments.retrieve",
                    TelemetryListener.OUTCOME,
                    "success"),
                2L),
            java.util.Map.entry(
                Attributes.builder()
                    .put(VENDOR, "lago")
                    .put(TelemetryListener.OPERATION, "payments.retrieve")
                    .put(TelemetryListener.OUTCOME, "error")
                    .put(ERROR_TYPE, IllegalStateException.class.getName())
                    .build(),
                1L),
            java.util.Map.entry(
                Attributes.builder()
                    .put(VENDOR, "lago")
                    .put(TelemetryListener.OPERATION, "payments.retrieve")
                    .put(TelemetryListener.OUTCOME, "error")
                    .put(ERROR_TYPE, IOException.class.getName())
                    .build(),
                1L),
            java.util.Map.entry(
                Attributes.of(
                    VENDOR,
                    "lago",
                    TelemetryListener.OPERATION,
                    "payments.list",
                    TelemetryListener.OUTCOME,
                    "success"),
                1L));
  }

  @Test
  void operationsBeyondTheCacheAreStillNamedAndCounted() {
    for (int i = 0; i < TelemetryListener.MAX_OPERATIONS + 5; i++) {
      Call c =
          new Call(
              "lago", "GET", "/x", null, "payments.list", "/api/v1/payments", "h" + i, 443, null);
      once(c, 200, null);
    }
    assertThat(otel.spans()).hasSize(2 * (TelemetryListener.MAX_OPERATIONS + 5));
    assertThat(Telemetry.histogram(otel.collect(), "http.client.request.duration"))
        .hasSize(TelemetryListener.MAX_OPERATIONS + 5)
        .allSatisfy(
            p -> assertThat(p.getAttributes().get(HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L));
  }

  @Test
  void eventsAfterTheEndAreIgnored() {
    Call c = call("GET", "/api/v1/payments/{id}");
    listener.callStarted(c);
    listener.attemptStarted(c, 1);
    listener.responseReceived(c, 1, 200, Duration.ofMillis(2));
    listener.callEnded(c, ok());
    listener.attemptStarted(c, 2);
    listener.responseReceived(c, 2, 200, Duration.ofMillis(2));
    listener.attemptFailed(c, 2, new IOException());
    listener.attemptEnded(c, attemptEnd(2, 200, new IOException()));
    listener.retryScheduled(c, 3, Duration.ZERO);
    listener.reconciliationStarted(c);
    listener.reconciliationEnded(c, Reconciliation.FOUND, Duration.ZERO);
    listener.callEnded(c, ok());

    assertThat(otel.spans()).hasSize(2);
    assertThat(listener.open).isEmpty();
  }

  @Test
  void eventsOfAnUnknownCallAreIgnored() {
    Call c = call("GET", "/x");
    listener.attemptStarted(c, 1);
    listener.responseReceived(c, 1, 200, Duration.ZERO);
    listener.attemptFailed(c, 1, new IOException());
    listener.attemptEnded(c, attemptEnd(1, 0, new IOException()));
    listener.retryScheduled(c, 2, Duration.ZERO);
    listener.reconciliationStarted(c);
    listener.callEnded(c, ok());
    assertThat(otel.spans()).isEmpty();
  }

  @Test
  void anAttemptOpenAtTheEndEndsWithTheCallsError() {
    Call c = call("GET", "/api/v1/payments/{id}");
    listener.callStarted(c);
    listener.attemptStarted(c, 1);
    listener.callEnded(c, failed(new CancellationException(), 1));

    SpanData attempt = otel.span("GET /api/v1/payments/{id}");
    assertThat(attempt.getAttributes().get(ERROR_TYPE))
        .isEqualTo(CancellationException.class.getName());
    assertThat(attempt.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void aStaleAttemptNumberChangesNothing() {
    Call c = call("GET", "/api/v1/payments");
    listener.callStarted(c);
    listener.attemptStarted(c, 1);
    listener.attemptEnded(c, attemptEnd(1, 0, new IOException()));
    listener.attemptStarted(c, 2);
    listener.responseReceived(c, 1, 500, Duration.ZERO); // of attempt 1: ignored
    listener.attemptEnded(c, attemptEnd(1, 500, new IOException())); // ignored
    listener.responseReceived(c, 2, 200, Duration.ofMillis(1));
    listener.attemptEnded(c, attemptEnd(2, 200, null));
    listener.callEnded(c, ok());

    assertThat(otel.spans("GET /api/v1/payments"))
        .extracting(s -> s.getAttributes().get(HTTP_RESPONSE_STATUS_CODE))
        .containsExactly(null, 200L);
  }

  @Test
  void anUnreadableSuccessIsAFailedAttempt() {
    Call c = call("POST", "/api/v1/payments");
    listener.callStarted(c);
    listener.attemptStarted(c, 1);
    listener.responseReceived(c, 1, 200, Duration.ofMillis(1));
    listener.attemptFailed(c, 1, new IllegalStateException("body"));
    listener.attemptEnded(c, attemptEnd(1, 200, new IllegalStateException("body")));
    listener.callEnded(c, failed(new IllegalStateException("body"), 1));

    SpanData attempt = otel.span("POST /api/v1/payments");
    assertThat(attempt.getAttributes().get(HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L);
    assertThat(attempt.getAttributes().get(ERROR_TYPE))
        .isEqualTo(IllegalStateException.class.getName());
  }

  @Test
  void aFailedReconciliationAndOneStillOpenAtTheEnd() {
    Call c = call("POST", "/api/v1/payments");
    listener.callStarted(c);
    listener.attemptStarted(c, 1);
    listener.attemptEnded(c, attemptEnd(1, 0, new IOException()));
    listener.reconciliationStarted(c);
    listener.reconciliationEnded(c, Reconciliation.FAILED, Duration.ofMillis(1));
    listener.reconciliationStarted(c);
    listener.reconciliationStarted(c); // a second start ends the first
    listener.callEnded(c, failed(new IOException(), 1));

    java.util.List<SpanData> reconciliations = otel.spans("payclient reconciliation");
    assertThat(reconciliations).hasSize(3);
    assertThat(reconciliations.get(0).getAttributes().get(RECONCILIATION_RESULT))
        .isEqualTo("failed");
    assertThat(reconciliations.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(reconciliations.get(1).getAttributes().get(RECONCILIATION_RESULT)).isNull();
    assertThat(reconciliations.get(2).getStatus().getStatusCode())
        .as("open when the call ended")
        .isEqualTo(StatusCode.ERROR);
    assertThat(Telemetry.counts(otel.collect(), "payclient.reconciliations"))
        .containsEntry(Attributes.of(VENDOR, "lago", RECONCILIATION_RESULT, "failed"), 1L);
  }

  @Test
  void aCallWithoutParentIsNotPutUnderAnOpenReconciliation() {
    Call create = call("POST", "/api/v1/payments");
    listener.callStarted(create);
    listener.reconciliationStarted(create);
    Call other = new Call("paygentic", "GET", "/v0/payments", null);
    listener.callStarted(other);
    listener.callEnded(other, ok());
    listener.reconciliationEnded(create, Reconciliation.NOTHING_CREATED, Duration.ZERO);
    listener.callEnded(create, ok());

    SpanData reconciliation = otel.span("payclient reconciliation");
    assertThat(otel.span("payclient other").getParentSpanId())
        .isNotEqualTo(reconciliation.getSpanId());
  }

  @Test
  void everyPageOfTheLookUpHangsUnderTheReconciliationWhateverTheThread() throws Exception {
    Call create = call("POST", "/api/v1/payments");
    listener.callStarted(create);
    listener.reconciliationStarted(create);
    Call page1 = call("GET", "/api/v1/payments", create);
    listener.callStarted(page1);
    listener.callEnded(page1, ok());
    Thread other =
        new Thread(
            () -> {
              Call page2 = call("GET", "/api/v1/payments", create);
              listener.callStarted(page2);
              listener.callEnded(page2, ok());
            });
    other.start();
    other.join();
    listener.reconciliationEnded(create, Reconciliation.NOTHING_CREATED, Duration.ZERO);
    listener.callEnded(create, ok());

    SpanData reconciliation = otel.span("payclient reconciliation");
    assertThat(otel.spans("payclient payments.list"))
        .hasSize(2)
        .allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(reconciliation.getSpanId()));
  }

  @Test
  void theServerComesFromTheCallUnlessConfigured() {
    Call c = call("GET", "/api/v1/payments/{id}");
    listener.callStarted(c);
    listener.attemptStarted(c, 1);
    listener.attemptEnded(c, attemptEnd(1, 200, null));
    listener.callEnded(c, ok());
    TelemetryListener configured =
        (TelemetryListener)
            PayClientTelemetry.builder(otel.sdk)
                .baseUrl("lago", "https://api.getlago.com/api/v1")
                .build()
                .listener();
    configured.callStarted(c);
    configured.callEnded(c, ok());

    java.util.List<SpanData> calls = otel.spans("payclient payments.retrieve");
    assertThat(calls.get(0).getAttributes().get(TelemetryListener.SERVER_ADDRESS))
        .isEqualTo("127.0.0.1");
    assertThat(calls.get(0).getAttributes().get(TelemetryListener.SERVER_PORT)).isEqualTo(3000L);
    assertThat(calls.get(1).getAttributes().get(TelemetryListener.SERVER_ADDRESS))
        .isEqualTo("api.getlago.com");
    assertThat(calls.get(1).getAttributes().get(TelemetryListener.SERVER_PORT)).isEqualTo(443L);
  }

  @Test
  void waiterPollsByStatus() {
    listener.waiterPolled("lago", "p1", 1, PaymentStatus.PENDING);
    listener.waiterPolled("lago", "p1", 2, null);
    assertThat(Telemetry.counts(otel.collect(), "payclient.waiter.polls"))
        .containsEntry(Attributes.of(VENDOR, "lago", PAYMENT_STATUS, "pending"), 1L)
        .containsEntry(Attributes.of(VENDOR, "lago", PAYMENT_STATUS, "error"), 1L);
  }

  @Test
  void keysCompareIdentity() {
    Call a = call("GET", "/x");
    Call b = call("GET", "/x");
    assertThat(a).isEqualTo(b);
    assertThat(new TelemetryListener.Key(a)).isEqualTo(new TelemetryListener.Key(a));
    assertThat(new TelemetryListener.Key(a)).isNotEqualTo(new TelemetryListener.Key(b));
    assertThat(new TelemetryListener.Key(a)).isNotEqualTo(a);
  }

  @Test
  void theNoopApiGivesTheListenerLessPath() {
    assertThat(PayClientTelemetry.create(OpenTelemetry.noop()).listener())
        .isSameAs(PaymentsListener.NONE);
    // a real SDK, or only one real provider, gives the recording listener
    assertThat(PayClientTelemetry.create(otel.sdk).listener())
        .isInstanceOf(TelemetryListener.class);
  }
}
