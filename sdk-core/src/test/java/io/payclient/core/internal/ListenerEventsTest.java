package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.ClientOptions;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentsListener;
import io.payclient.core.PaymentsListener.Call;
import io.payclient.core.PaymentsListener.CallEnd;
import io.payclient.core.ServerException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The listener's view of a call: every event in order, and exactly one callEnded. */
class ListenerEventsTest {
  private static final String KEY = "sk_test_LISTENERKEY42";

  @StartStop MockWebServer server = new MockWebServer();

  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final List<CallEnd> ends = Collections.synchronizedList(new ArrayList<>());
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final List<PaymentsListener.AttemptEnd> attemptEnds =
      Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch ended = new CountDownLatch(1);
  private HttpTransport transport;

  private final PaymentsListener recorder =
      new PaymentsListener() {
        @Override
        public void callStarted(Call call) {
          events.add("callStarted " + call.method());
          calls.add(call);
        }

        @Override
        public void attemptEnded(Call call, AttemptEnd end) {
          events.add(
              "attemptEnded "
                  + end.attempt()
                  + " "
                  + end.httpStatus()
                  + " "
                  + (end.succeeded() ? "ok" : end.error().getClass().getSimpleName()));
          attemptEnds.add(end);
        }

        @Override
        public void attemptStarted(Call call, int attempt) {
          events.add("attemptStarted " + attempt);
        }

        @Override
        public void responseReceived(Call call, int attempt, int status, Duration d) {
          events.add("response " + attempt + " " + status);
        }

        @Override
        public void attemptFailed(Call call, int attempt, Throwable reason) {
          events.add("failed " + attempt);
        }

        @Override
        public void retryScheduled(Call call, int nextAttempt, Duration delay) {
          events.add("retry " + nextAttempt);
        }

        @Override
        public void reconciliationStarted(Call call) {
          events.add("reconciliationStarted");
        }

        @Override
        public void reconciliationEnded(Call call, Reconciliation result, Duration d) {
          events.add("reconciliationEnded " + result);
        }

        @Override
        public void callEnded(Call call, CallEnd end) {
          events.add(
              "callEnded " + (end.succeeded() ? "ok" : end.error().getClass().getSimpleName()));
          ends.add(end);
          ended.countDown();
        }
      };

  @AfterEach
  void close() {
    if (transport != null) {
      transport.close();
    }
  }

  private HttpTransport transport(PaymentsListener listener) {
    transport =
        new HttpTransport(
            "testvendor",
            server.url("/v1/"),
            KEY,
            ClientOptions.builder()
                .apiKey(KEY)
                .maxRetries(2)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(2))
                .listener(listener)
                .build(),
            new HttpTransportTest.TestErrorParser());
    return transport;
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static ApiCall.Builder<String> get() {
    return ApiCall.<String>get(
            (status, r) -> {
              r.skipValue();
              return "pay_1";
            })
        .path("payments")
        .id("pay_1")
        .operation("payments.retrieve")
        .payment(id -> id, id -> PaymentStatus.PROCESSING);
  }

  @Test
  void aRetriedSuccessEndsOnceWithItsAttemptsAndPayment() {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(200, "{}"));

    assertThat(transport(recorder).execute(get().build())).isEqualTo("pay_1");

    assertThat(events)
        .containsExactly(
            "callStarted GET",
            "attemptStarted 1",
            "response 1 503",
            "failed 1",
            "attemptEnded 1 503 ServerException",
            "retry 2",
            "attemptStarted 2",
            "response 2 200",
            "attemptEnded 2 200 ok",
            "callEnded ok");
    CallEnd end = ends.get(0);
    assertThat(end.attempts()).isEqualTo(2);
    assertThat(end.paymentId()).isEqualTo("pay_1");
    assertThat(end.paymentStatus()).isEqualTo(PaymentStatus.PROCESSING);
    assertThat(end.outcomeUnknown()).isFalse();
    assertThat(end.duration()).isPositive();
    assertThat(attemptEnds).allSatisfy(a -> assertThat(a.duration()).isPositive());
  }

  @Test
  void theCallSaysWhatItIsAndWhereItGoes() {
    server.enqueue(json(200, "{}"));

    transport(recorder).execute(get().build());

    Call call = calls.get(0);
    assertThat(call.vendor()).isEqualTo("testvendor");
    assertThat(call.operation()).isEqualTo("payments.retrieve");
    assertThat(call.path()).isEqualTo("/v1/payments/pay_1");
    assertThat(call.urlTemplate()).isEqualTo("/v1/payments/{id}");
    assertThat(call.serverAddress()).isEqualTo(server.getHostName());
    assertThat(call.serverPort()).isEqualTo(server.getPort());
    assertThat(call.parent()).isNull();
    assertThat(new Call("v", "GET", "/p", null).operation()).isEqualTo("other");
  }

  @Test
  void aFailedCreateEndsWithItsExceptionAndUnknownOutcome() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(500, "{\"message\":\"" + KEY + "\"}"));
    }
    ApiCall<String> create =
        ApiCall.<String>post(
                "{}".getBytes(StandardCharsets.UTF_8),
                (status, r) -> {
                  r.skipValue();
                  return "x";
                })
            .path("payments")
            .build();

    assertThatThrownBy(() -> transport(recorder).execute(create))
        .isInstanceOf(ServerException.class);

    assertThat(events)
        .endsWith("callEnded ServerException")
        .filteredOn(e -> e.startsWith("callEnded"))
        .hasSize(1);
    CallEnd end = ends.get(0);
    assertThat(end.outcomeUnknown()).isTrue();
    assertThat(end.attempts()).isEqualTo(1); // an ambiguous create without a key is not re-sent
    assertThat(end.paymentId()).isNull();
    assertThat(String.valueOf(end.error().getMessage())).doesNotContain(KEY);
  }

  @Test
  void aReconciledCreateReportsTheLookUpAndWhatItFound() {
    server.enqueue(json(502, "{}"));
    List<Call> parents = new ArrayList<>();
    ApiCall<String> create =
        ApiCall.<String>post(
                "{}".getBytes(StandardCharsets.UTF_8),
                (status, r) -> {
                  r.skipValue();
                  return "new";
                })
            .path("payments")
            .reconciler(
                new Reconciler<>() {
                  @Override
                  public Optional<String> find(Duration timeLeft, Call parent) {
                    parents.add(parent);
                    return Optional.of("found");
                  }

                  @Override
                  public CompletableFuture<Optional<String>> findAsync(
                      Duration timeLeft, Call parent) {
                    return CompletableFuture.completedFuture(Optional.of("found"));
                  }
                })
            .build();

    assertThat(transport(recorder).execute(create)).isEqualTo("found");

    assertThat(events)
        .containsSubsequence(
            "response 1 502",
            "attemptEnded 1 502 ServerException",
            "reconciliationStarted",
            "reconciliationEnded FOUND",
            "callEnded ok");
    // the look-up is told which call it serves: the very object of the create's events
    assertThat(parents).singleElement().isSameAs(calls.get(0));
  }

  @Test
  void aCancelledAsyncCallEndsOnceWithTheCancellation() throws Exception {
    server.enqueue(json(200, "{}").newBuilder().headersDelay(5, TimeUnit.SECONDS).build());
    CompletableFuture<String> f = transport(recorder).executeAsync(get().build());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!events.contains("attemptStarted 1") && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }

    f.cancel(true);

    assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(100);
    assertThat(ends)
        .singleElement()
        .satisfies(e -> assertThat(e.error()).isInstanceOf(CancellationException.class));
    // the attempt cut short ends too, before the call, without a status
    assertThat(attemptEnds)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.httpStatus()).isZero();
              assertThat(a.error()).isInstanceOf(CancellationException.class);
            });
    assertThat(events)
        .containsSubsequence(
            "attemptEnded 1 0 CancellationException", "callEnded CancellationException");
  }

  @Test
  void anAsyncSuccessEndsOnceAndNoListenerMeansNoEvents() throws Exception {
    server.enqueue(json(200, "{}"));
    assertThat(transport(recorder).executeAsync(get().build()).get(5, TimeUnit.SECONDS))
        .isEqualTo("pay_1");
    // the caller's future completes only after callEnded: no waiting needed
    assertThat(ends).singleElement().satisfies(e -> assertThat(e.paymentId()).isEqualTo("pay_1"));
    transport.close();

    server.enqueue(json(200, "{}"));
    events.clear();
    assertThat(transport(PaymentsListener.NONE).execute(get().build())).isEqualTo("pay_1");
    assertThat(events).isEmpty();
  }

  @Test
  void aThrowingListenerDoesNotBreakTheCallNorTheOtherListeners() {
    server.enqueue(json(200, "{}"));
    PaymentsListener throwing =
        new PaymentsListener() {
          @Override
          public void callStarted(Call call) {
            throw new IllegalStateException("boom");
          }

          @Override
          public void callEnded(Call call, CallEnd end) {
            throw new PayClientTestError();
          }
        };

    assertThat(transport(PaymentsListener.composite(throwing, recorder)).execute(get().build()))
        .isEqualTo("pay_1");

    assertThat(events).startsWith("callStarted GET").endsWith("callEnded ok");
  }

  @Test
  void compositeOfOneIsThatListenerAndOfNoneIsNone() {
    assertThat(PaymentsListener.composite(recorder)).isSameAs(recorder);
    assertThat(PaymentsListener.composite()).isSameAs(PaymentsListener.NONE);
    assertThatThrownBy(() -> PaymentsListener.composite(recorder, null))
        .isInstanceOf(NullPointerException.class);
  }

  private static final class PayClientTestError extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
