package io.payclient.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.payclient.core.Money;
import io.payclient.core.NotFoundException;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsListener;
import io.payclient.lago.LagoClient;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.testkit.FakeLago;
import io.payclient.testkit.FakePaygentic;
import io.payclient.testkit.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The listener on real clients against the testkit's fakes, observed by a {@link
 * TestObservationRegistry}: what a successful, retried, failed, reconciled and cancelled call
 * records, custom conventions, waiter polls, concurrency and the absence of leaks.
 */
class ObservationPaymentsListenerTest {
  private final TestObservationRegistry registry = TestObservationRegistry.create();
  private final Recorder recorder = new Recorder();
  private final List<AutoCloseable> closeables = new ArrayList<>();

  {
    registry.observationConfig().observationHandler(recorder);
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  private <T extends AutoCloseable> T closing(T c) {
    closeables.add(c);
    return c;
  }

  private FakePaygentic paygentic() {
    return closing(new FakePaygentic());
  }

  private PaymentsClient paygenticClient(FakePaygentic fake, PaymentsListener listener) {
    return closing(
        PaygenticClient.builder()
            .apiKey(fake.apiKey())
            .baseUrl(fake.baseUrl())
            .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
            .listener(listener)
            .build());
  }

  private static Payment createOn(PaymentsClient client, String idempotencyKey) {
    return client.create(
        PaymentCreateRequest.builder()
            .amount(Money.of("25.00", "USD"))
            .reference("obs-1")
            .idempotencyKey(idempotencyKey)
            .build());
  }

  @Test
  void aSuccessfulCreateIsOneCallObservationWithOneAttempt() {
    FakePaygentic fake = paygentic();
    ObservationPaymentsListener listener = ObservationPaymentsListener.create(registry);
    PaymentsClient client = paygenticClient(fake, listener);

    Payment payment = createOn(client, "idem-obs-1");

    assertThat(registry)
        .hasNumberOfObservationsWithNameEqualTo("payclient.call", 1)
        .hasNumberOfObservationsWithNameEqualTo("payclient.attempt", 1)
        .hasObservationWithNameEqualTo("payclient.call")
        .that()
        .hasContextualNameEqualTo("payclient payments.create")
        .hasLowCardinalityKeyValue("vendor", "paygentic")
        .hasLowCardinalityKeyValue("operation", "payments.create")
        .hasLowCardinalityKeyValue("method", "POST")
        .hasLowCardinalityKeyValue("outcome", "success")
        .hasLowCardinalityKeyValue("outcome.unknown", "false")
        .hasLowCardinalityKeyValue("reconciliation", "none")
        .hasLowCardinalityKeyValue(
            "payment.status", payment.status().name().toLowerCase(java.util.Locale.ROOT))
        .hasHighCardinalityKeyValue("idempotency.key", "idem-obs-1")
        .hasHighCardinalityKeyValue("payment.id", payment.id())
        .hasHighCardinalityKeyValue("attempts", "1")
        .doesNotHaveError();
    Observation.Context call = only("payclient.call");
    assertThat(call.getLowCardinalityKeyValue("status").getValue()).startsWith("2");
    Observation.Context attempt = only("payclient.attempt");
    assertThat(attempt.getParentObservation().getContextView()).isSameAs(call);
    assertThat(attempt.getContextualName()).isEqualTo("payclient payments.create attempt");
    assertThat(attempt.getLowCardinalityKeyValue("status").getValue())
        .isEqualTo(call.getLowCardinalityKeyValue("status").getValue());
    assertThat(attempt.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("success");
    assertThat(attempt.getHighCardinalityKeyValue("attempt").getValue()).isEqualTo("1");
    assertThat(call)
        .isInstanceOfSatisfying(
            PayClientObservationContext.class,
            c -> {
              assertThat(c.end()).isNotNull();
              assertThat(c.attempts()).isEqualTo(1);
              assertThat(c.retries()).isZero();
            });
    assertThat(allKeyValues()).noneMatch(v -> v.contains(fake.apiKey()));
    assertThat(recorder.stoppedOnce()).isTrue();
    assertThat(listener.callsInFlight()).isZero();
  }

  @Test
  void aRetriedRetrieveHasOneChildPerAttemptAndARetryEvent() {
    FakePaygentic fake = paygentic();
    ObservationPaymentsListener listener = ObservationPaymentsListener.create(registry);
    PaymentsClient client = paygenticClient(fake, listener);
    String id = createOn(client, "idem-obs-2").id();
    registry.clear();
    recorder.clear();
    fake.failNext(Fault.serverError(503));

    client.retrieve(id);

    Observation.Context call = only("payclient.call");
    assertThat(call.getContextualName()).isEqualTo("payclient payments.retrieve");
    assertThat(call.getLowCardinalityKeyValue("operation").getValue())
        .isEqualTo("payments.retrieve");
    assertThat(call.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("success");
    assertThat(call.getHighCardinalityKeyValue("attempts").getValue()).isEqualTo("2");
    assertThat(call.getHighCardinalityKeyValue("idempotency.key").getValue()).isEqualTo("none");
    assertThat(call.getError()).isNull();
    List<Observation.Context> attempts = named("payclient.attempt");
    assertThat(attempts).hasSize(2);
    assertThat(attempts)
        .allSatisfy(a -> assertThat(a.getParentObservation().getContextView()).isSameAs(call));
    Observation.Context first = attempts.get(0);
    assertThat(first.getHighCardinalityKeyValue("attempt").getValue()).isEqualTo("1");
    assertThat(first.getLowCardinalityKeyValue("status").getValue()).isEqualTo("503");
    assertThat(first.getLowCardinalityKeyValue("outcome").getValue())
        .isEqualTo(first.getError().getClass().getSimpleName())
        .isNotEqualTo("success");
    Observation.Context second = attempts.get(1);
    assertThat(second.getHighCardinalityKeyValue("attempt").getValue()).isEqualTo("2");
    assertThat(second.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("success");
    assertThat(second.getError()).isNull();
    assertThat(recorder.events).containsExactly("payclient.call:retry:retry 2 in ");
    assertThat(((PayClientObservationContext) call).retries()).isEqualTo(1);
    assertThat(recorder.stoppedOnce()).isTrue();
    assertThat(listener.callsInFlight()).isZero();
  }

  @Test
  void aFailedCallCarriesItsErrorAndOutcome() {
    FakePaygentic fake = paygentic();
    ObservationPaymentsListener listener = ObservationPaymentsListener.create(registry);
    PaymentsClient client = paygenticClient(fake, listener);

    assertThatThrownBy(() -> client.retrieve("pay_missing")).isInstanceOf(NotFoundException.class);

    assertThat(registry)
        .hasObservationWithNameEqualTo("payclient.call")
        .that()
        .hasError()
        .hasLowCardinalityKeyValue("outcome", "NotFoundException")
        .hasLowCardinalityKeyValue("status", "404")
        .hasLowCardinalityKeyValue("outcome.unknown", "false")
        .hasLowCardinalityKeyValue("payment.status", "none")
        .hasHighCardinalityKeyValue("payment.id", "none");
    Observation.Context call = only("payclient.call");
    assertThat(call.getError()).isInstanceOf(NotFoundException.class);
    assertThat(allKeyValues()).noneMatch(v -> v.contains("pay_missing"));
    Observation.Context attempt = only("payclient.attempt");
    assertThat(attempt.getError()).isInstanceOf(NotFoundException.class);
    assertThat(attempt.getLowCardinalityKeyValue("outcome").getValue())
        .isEqualTo("NotFoundException");
    assertThat(listener.callsInFlight()).isZero();
  }

  @Test
  void aLagoCreateThatNeededReconciliationShowsItAsAChildAndAKeyValue() {
    FakeLago fake = closing(new FakeLago());
    ObservationPaymentsListener listener = ObservationPaymentsListener.create(registry);
    LagoClient client =
        closing(
            LagoClient.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .listener(listener)
                .build());
    String invoice = fake.seedInvoice("USD", 10_000);
    fake.failNext(Fault.serverError(503)); // not processed: the look-up finds nothing, re-sent

    Payment payment =
        client.create(
            PaymentCreateRequest.builder()
                .amount(Money.of("25.00", "USD"))
                .target(PaymentTarget.invoice(invoice))
                .reference("obs-reconcile")
                .build());

    Observation.Context call =
        named("payclient.call").stream()
            .filter(c -> c.getParentObservation() == null)
            .filter(c -> "POST".equals(c.getLowCardinalityKeyValue("method").getValue()))
            .findFirst()
            .orElseThrow();
    assertThat(call.getContextualName()).isEqualTo("payclient payments.create");
    assertThat(call.getLowCardinalityKeyValue("vendor").getValue()).isEqualTo("lago");
    assertThat(call.getLowCardinalityKeyValue("reconciliation").getValue())
        .isEqualTo("nothing_created");
    assertThat(call.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("success");
    assertThat(call.getHighCardinalityKeyValue("payment.id").getValue()).isEqualTo(payment.id());
    Observation.Context reconciliation = only("payclient.reconciliation");
    assertThat(reconciliation.getParentObservation().getContextView()).isSameAs(call);
    assertThat(reconciliation.getContextualName())
        .isEqualTo("payclient payments.create reconciliation");
    assertThat(reconciliation.getLowCardinalityKeyValue("reconciliation").getValue())
        .isEqualTo("nothing_created");
    // the look-up's page is a call of its own, under the reconciliation that issued it
    Observation.Context lookup =
        named("payclient.call").stream()
            .filter(c -> "GET".equals(c.getLowCardinalityKeyValue("method").getValue()))
            .findFirst()
            .orElseThrow();
    assertThat(lookup.getContextualName()).isEqualTo("payclient payments.list");
    assertThat(lookup.getParentObservation().getContextView()).isSameAs(reconciliation);
    List<Observation.Context> attempts =
        named("payclient.attempt").stream()
            .filter(a -> a.getParentObservation().getContextView() == call)
            .collect(Collectors.toList());
    assertThat(attempts)
        .extracting(a -> a.getLowCardinalityKeyValue("status").getValue())
        .containsExactly("503", attempts.get(1).getLowCardinalityKeyValue("status").getValue());
    assertThat(recorder.stoppedOnce()).isTrue();
    assertThat(listener.callsInFlight()).isZero();
    System.out.println(SpanTree.render(registry));
  }

  @Test
  void aLagoCreateThatHadTakenEffectIsFoundByTheReconciliation() {
    FakeLago fake = closing(new FakeLago());
    ObservationPaymentsListener listener = ObservationPaymentsListener.create(registry);
    LagoClient client =
        closing(
            LagoClient.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .listener(listener)
                .build());
    String invoice = fake.seedInvoice("USD", 10_000);
    fake.failNext(Fault.serverErrorAfterProcessing(500));

    client.create(
        PaymentCreateRequest.builder()
            .amount(Money.of("25.00", "USD"))
            .target(PaymentTarget.invoice(invoice))
            .reference("obs-found")
            .build());

    assertThat(registry)
        .hasAnObservationWithAKeyValue("reconciliation", "found")
        .hasNumberOfObservationsWithNameEqualTo("payclient.reconciliation", 1);
    assertThat(only("payclient.reconciliation").getLowCardinalityKeyValue("reconciliation"))
        .extracting(v -> v.getValue())
        .isEqualTo("found");
    assertThat(listener.callsInFlight()).isZero();
  }

  @Test
  void aCancelledAsyncCallIsStoppedOnceWithTheCancellation() throws Exception {
    FakePaygentic fake = paygentic();
    ObservationPaymentsListener listener = ObservationPaymentsListener.create(registry);
    PaymentsClient client = paygenticClient(fake, listener);
    String id = createOn(client, "idem-obs-3").id();
    registry.clear();
    recorder.clear();
    fake.failNext(Fault.delay(Duration.ofSeconds(5)));

    CompletableFuture<Payment> f = client.retrieveAsync(id);
    awaitTrue(() -> !named("payclient.attempt").isEmpty());
    f.cancel(true);

    awaitTrue(() -> listener.callsInFlight() == 0);
    Thread.sleep(100); // late events of the cancelled attempt must change nothing
    Observation.Context call = only("payclient.call");
    assertThat(call.getError()).isInstanceOf(CancellationException.class);
    assertThat(call.getLowCardinalityKeyValue("outcome").getValue())
        .isEqualTo("CancellationException");
    Observation.Context attempt = only("payclient.attempt");
    assertThat(attempt.getLowCardinalityKeyValue("status").getValue()).isEqualTo("none");
    assertThat(attempt.getLowCardinalityKeyValue("outcome").getValue())
        .isEqualTo("CancellationException");
    assertThat(recorder.stops).hasSize(2);
    assertThat(recorder.stoppedOnce()).isTrue();
    assertThat(listener.callsInFlight()).isZero();
  }

  @Test
  void aCustomConventionNamesAndTagsTheCall() {
    FakePaygentic fake = paygentic();
    PayClientObservationConvention custom =
        new DefaultPayClientObservationConvention("acme.payments") {
          @Override
          public String getContextualName(PayClientObservationContext context) {
            return "acme " + context.vendor() + " " + context.operation();
          }

          @Override
          public KeyValues getLowCardinalityKeyValues(PayClientObservationContext context) {
            return super.getLowCardinalityKeyValues(context).and("tenant", "t-1");
          }
        };
    ObservationPaymentsListener listener =
        ObservationPaymentsListener.builder(registry).convention(custom).build();
    assertThat(listener.toString()).contains("ObservationPaymentsListenerTest");
    PaymentsClient client = paygenticClient(fake, listener);

    createOn(client, "idem-obs-4");

    assertThat(registry)
        .hasNumberOfObservationsWithNameEqualTo("payclient.call", 0)
        .hasObservationWithNameEqualTo("acme.payments")
        .that()
        .hasContextualNameEqualTo("acme paygentic payments.create")
        .hasLowCardinalityKeyValue("tenant", "t-1")
        .hasLowCardinalityKeyValue("vendor", "paygentic")
        .hasLowCardinalityKeyValue("outcome", "success");
  }

  @Test
  void aMinimalConventionNeedsOnlyItsNameAndSupportsOnlyCallContexts() {
    PayClientObservationConvention minimal =
        new PayClientObservationConvention() {
          @Override
          public String getName() {
            return "minimal";
          }
        };
    assertThat(minimal.supportsContext(new Observation.Context())).isFalse();
    assertThat(minimal.supportsContext(new PayClientObservationContext(call("GET", "/x"))))
        .isTrue();
    ObservationPaymentsListener listener =
        ObservationPaymentsListener.builder(registry).convention(minimal).build();
    PaymentsListener.Call call = call("GET", "/v0/payments/pay_1");
    listener.callStarted(call);
    listener.callEnded(call, end(null));
    assertThat(registry).hasObservationWithNameEqualTo("minimal");
  }

  @Test
  void webhooksAreInstantObservationsByResult() {
    ObservationPaymentsListener listener = ObservationPaymentsListener.create(registry);
    listener.webhookVerified("paygentic", "payment.completed.v0");
    listener.webhookRefused(
        "lago", io.payclient.core.WebhookVerificationException.Reason.BAD_SIGNATURE);

    assertThat(named("payclient.webhook"))
        .extracting(
            w ->
                w.getLowCardinalityKeyValue("vendor").getValue()
                    + " "
                    + w.getLowCardinalityKeyValue("webhook.result").getValue())
        .containsExactly("paygentic verified", "lago bad_signature");
  }

  @Test
  void waiterPollsAreInstantObservationsByStatus() throws Exception {
    FakePaygentic fake = paygentic();
    ObservationPaymentsListener listener = ObservationPaymentsListener.create(registry);
    PaymentsClient client = paygenticClient(fake, listener);
    String id = createOn(client, "idem-obs-5").id();
    CompletableFuture<Payment> waiting =
        client.awaitTerminalAsync(id, Duration.ofSeconds(20), Duration.ofMillis(50));
    awaitTrue(() -> named("payclient.waiter.poll").size() >= 2);

    fake.completePayment(id);

    assertThat(waiting.get(10, TimeUnit.SECONDS).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    // the waiter completes from the poll's callback, which may run before that call's callEnded
    awaitTrue(() -> listener.callsInFlight() == 0);
    List<Observation.Context> polls = named("payclient.waiter.poll");
    assertThat(polls)
        .allSatisfy(
            p -> {
              assertThat(p.getContextualName()).isEqualTo("payclient waiter poll");
              assertThat(p.getLowCardinalityKeyValue("vendor").getValue()).isEqualTo("paygentic");
              assertThat(p.getHighCardinalityKeyValue("payment.id").getValue()).isEqualTo(id);
            });
    assertThat(polls)
        .extracting(p -> p.getHighCardinalityKeyValue("poll").getValue())
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, polls.size())
                .mapToObj(Integer::toString)
                .collect(Collectors.toList()));
    assertThat(polls.get(0).getLowCardinalityKeyValue("payment.status").getValue())
        .isEqualTo("pending");
    assertThat(polls.get(polls.size() - 1).getLowCardinalityKeyValue("payment.status").getValue())
        .isEqualTo("succeeded");
    assertThat(named("payclient.call"))
        .filteredOn(
            c -> "payments.retrieve".equals(c.getLowCardinalityKeyValue("operation").getValue()))
        .hasSize(polls.size());
    assertThat(listener.callsInFlight()).isZero();
  }

  @Test
  void concurrentEqualCallsAreKeptApartAndNothingLeaks() throws Exception {
    FakePaygentic fake = paygentic();
    ObservationPaymentsListener listener = ObservationPaymentsListener.create(registry);
    PaymentsClient client = paygenticClient(fake, listener);
    String id = createOn(client, "idem-obs-6").id();
    registry.clear();
    recorder.clear();
    int n = 24;

    // every call is GET /v0/payments/<id> without a key: equal Call records, distinct instances
    List<CompletableFuture<Payment>> futures =
        IntStream.range(0, n).mapToObj(i -> client.retrieveAsync(id)).collect(Collectors.toList());
    CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(20, TimeUnit.SECONDS);

    awaitTrue(() -> listener.callsInFlight() == 0);
    assertThat(named("payclient.call")).hasSize(n);
    assertThat(named("payclient.attempt")).hasSize(n);
    assertThat(named("payclient.attempt"))
        .extracting(a -> a.getParentObservation().getContextView())
        .doesNotHaveDuplicates();
    assertThat(recorder.stops).hasSize(2 * n);
    assertThat(recorder.stoppedOnce()).isTrue();
  }

  @Test
  void aNoopRegistryKeepsNothing() {
    ObservationPaymentsListener listener =
        ObservationPaymentsListener.create(ObservationRegistry.NOOP);
    PaymentsListener.Call call = call("POST", "/v0/payments");
    listener.callStarted(call);
    assertThat(listener.callsInFlight()).isZero();
    listener.attemptStarted(call, 1);
    listener.responseReceived(call, 1, 200, Duration.ZERO);
    listener.waiterPolled("paygentic", "pay_1", 1, PaymentStatus.PENDING);
    listener.callEnded(call, end(null));
    assertThat(listener.callsInFlight()).isZero();
  }

  @Test
  void eventsOfUnknownOrEndedCallsAreIgnored() {
    ObservationPaymentsListener listener = ObservationPaymentsListener.create(registry);
    PaymentsListener.Call call = call("POST", "/v0/payments");
    listener.callStarted(call);
    listener.callEnded(call, end(null));
    listener.callEnded(call, end(null)); // a second end changes nothing

    PaymentsListener.Call unknown = call("POST", "/v0/payments");
    listener.attemptStarted(unknown, 1);
    listener.responseReceived(unknown, 1, 500, Duration.ZERO);
    listener.attemptEnded(unknown, attemptEnd(1, new IllegalStateException()));
    listener.retryScheduled(unknown, 2, Duration.ZERO);
    listener.reconciliationStarted(unknown);
    listener.reconciliationEnded(unknown, PaymentsListener.Reconciliation.FAILED, Duration.ZERO);
    listener.callEnded(unknown, end(null));

    assertThat(registry).hasNumberOfObservationsEqualTo(1);
    assertThat(recorder.stoppedOnce()).isTrue();
    assertThat(listener.callsInFlight()).isZero();
  }

  @Test
  void lateOrStaleAttemptEventsDoNotTouchTheCurrentAttempt() {
    ObservationPaymentsListener listener = ObservationPaymentsListener.create(registry);
    PaymentsListener.Call call = call("POST", "/api/v1/payments");
    listener.callStarted(call);
    listener.responseReceived(call, 1, 200, Duration.ZERO); // no attempt open
    listener.attemptEnded(call, attemptEnd(1, new IllegalStateException())); // none open
    listener.attemptStarted(call, 1);
    listener.attemptStarted(call, 2); // stops attempt 1 without an outcome
    listener.responseReceived(call, 1, 500, Duration.ZERO); // stale: attempt 1 is over
    listener.attemptEnded(call, attemptEnd(1, new IllegalStateException())); // stale
    listener.reconciliationEnded(call, PaymentsListener.Reconciliation.FAILED, Duration.ZERO);
    listener.reconciliationStarted(call);
    listener.reconciliationStarted(call); // a second one stops the first
    IllegalStateException boom = new IllegalStateException("boom");
    listener.callEnded(call, end(boom)); // stops the open reconciliation too

    List<Observation.Context> attempts = named("payclient.attempt");
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).getLowCardinalityKeyValue("status").getValue()).isEqualTo("none");
    assertThat(attempts.get(0).getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("none");
    assertThat(attempts.get(1).getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("none");
    assertThat(named("payclient.reconciliation")).hasSize(2);
    Observation.Context c = only("payclient.call");
    assertThat(c.getError()).isSameAs(boom);
    assertThat(c.getLowCardinalityKeyValue("outcome").getValue())
        .isEqualTo("IllegalStateException");
    assertThat(c.getLowCardinalityKeyValue("reconciliation").getValue()).isEqualTo("failed");
    assertThat(recorder.stoppedOnce()).isTrue();
  }

  @Test
  void aSyncCallNestsUnderTheObservationInScopeOnTheCallersThread() {
    FakePaygentic fake = paygentic();
    PaymentsClient client = paygenticClient(fake, ObservationPaymentsListener.create(registry));
    Observation request = Observation.start("http.server.requests", registry);
    try (Observation.Scope ignored = request.openScope()) {
      createOn(client, "idem-obs-7");
    } finally {
      request.stop();
    }
    assertThat(only("payclient.call").getParentObservation()).isSameAs(request);
  }

  @Test
  void aGlobalConventionOnTheRegistryReplacesTheDefault() {
    registry
        .observationConfig()
        .observationConvention(
            new io.micrometer.observation.GlobalObservationConvention<
                PayClientObservationContext>() {
              @Override
              public boolean supportsContext(Observation.Context context) {
                return context instanceof PayClientObservationContext;
              }

              @Override
              public String getName() {
                return "global.payments";
              }
            });
    ObservationPaymentsListener listener = ObservationPaymentsListener.create(registry);
    PaymentsListener.Call call = call("POST", "/v0/payments");
    listener.callStarted(call);
    listener.callEnded(call, end(null));
    assertThat(registry).hasObservationWithNameEqualTo("global.payments");
  }

  @Test
  void aThrowingHandlerNeverFailsTheCall() {
    FakePaygentic fake = paygentic();
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<Observation.Context>() {
              @Override
              public void onStart(Observation.Context context) {
                throw new IllegalStateException("handler bug");
              }

              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }
            });
    PaymentsClient client = paygenticClient(fake, ObservationPaymentsListener.create(registry));

    assertThat(createOn(client, "idem-obs-8").id()).isNotEmpty();
  }

  @Test
  void builderRejectsNulls() {
    assertThatThrownBy(() -> ObservationPaymentsListener.builder(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ObservationPaymentsListener.builder(registry).convention(null))
        .isInstanceOf(NullPointerException.class);
    assertThat(ObservationPaymentsListener.create(registry).toString())
        .contains("DefaultPayClientObservationConvention");
  }

  /** A Paygentic call named as the vendor module names it. */
  static PaymentsListener.Call call(String method, String path) {
    String operation =
        path.endsWith("/payments")
            ? method.equals("POST") ? "payments.create" : "payments.list"
            : "payments.retrieve";
    return call("paygentic", method, path, null, operation);
  }

  static PaymentsListener.Call call(
      String vendor, String method, String path, String key, String operation) {
    return new PaymentsListener.Call(
        vendor, method, path, key, operation, null, "127.0.0.1", 8080, null);
  }

  private static PaymentsListener.AttemptEnd attemptEnd(int attempt, Throwable error) {
    return new PaymentsListener.AttemptEnd(attempt, 0, error, Duration.ofMillis(1));
  }

  static PaymentsListener.CallEnd end(Throwable error) {
    return new PaymentsListener.CallEnd(error, false, 1, Duration.ofMillis(3), null, null);
  }

  private List<Observation.Context> named(String name) {
    List<Observation.Context> out = new ArrayList<>();
    registry
        .assertThat()
        .hasHandledContextsThatSatisfy(
            contexts -> {
              for (Observation.Context c : contexts) {
                if (name.equals(c.getName())) {
                  out.add(c);
                }
              }
            });
    return out;
  }

  private Observation.Context only(String name) {
    List<Observation.Context> all = named(name);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private List<String> allKeyValues() {
    List<String> out = new ArrayList<>();
    registry
        .assertThat()
        .hasHandledContextsThatSatisfy(
            contexts ->
                contexts.forEach(
                    c -> {
                      c.getLowCardinalityKeyValues().forEach(kv -> out.add(kv.getValue()));
                      c.getHighCardinalityKeyValues().forEach(kv -> out.add(kv.getValue()));
                    }));
    return out;
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met in 10 s");
      }
      Thread.sleep(10);
    }
  }

  /** Counts stops per context and records events, to prove "stopped exactly once". */
  static final class Recorder implements ObservationHandler<Observation.Context> {
    final Map<Observation.Context, Integer> stops =
        Collections.synchronizedMap(new IdentityHashMap<>());
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(Observation.Event event, Observation.Context context) {
      String contextual = event.getContextualName();
      // the delay is jittered: keep only what is stable
      int ms = contextual.indexOf(" in ");
      events.add(
          context.getName()
              + ":"
              + event.getName()
              + ":"
              + (ms < 0 ? contextual : contextual.substring(0, ms + 4)));
    }

    @Override
    public void onStop(Observation.Context context) {
      stops.merge(context, 1, Integer::sum);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }

    boolean stoppedOnce() {
      synchronized (stops) {
        return stops.values().stream().allMatch(n -> n == 1);
      }
    }

    void clear() {
      stops.clear();
      events.clear();
    }
  }
}
