package io.payclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.billingrails.BillingrailsClient;
import io.payclient.billingrails.BillingrailsPaymentListParams;
import io.payclient.core.Money;
import io.payclient.core.PaymentsListener;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoPaymentCreateRequest;
import io.payclient.lago.LagoPaymentListParams;
import io.payclient.lago.LagoPaymentRequestListParams;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticPaymentListParams;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each vendor module tells a listener about its calls: the operation name, the URL template
 * (ids replaced), the server, one {@code attemptEnded} per {@code attemptStarted}, and the
 * payment's id and neutral status at the end of a call that returns one.
 */
class ListenerCallsTest {

  /** Records each call's description and its attempts' starts and ends. */
  static final class Recorder implements PaymentsListener {
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    final List<String> attempts = Collections.synchronizedList(new ArrayList<>());
    final List<String> ends = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void callEnded(Call call, CallEnd end) {
      ends.add(call.operation() + " " + end.paymentId() + " " + end.paymentStatus());
    }

    @Override
    public void callStarted(Call call) {
      calls.add(call);
    }

    @Override
    public void attemptStarted(Call call, int attempt) {
      attempts.add("start " + call.operation() + " " + attempt);
    }

    @Override
    public void attemptEnded(Call call, AttemptEnd end) {
      attempts.add(
          "end "
              + call.operation()
              + " "
              + end.attempt()
              + " "
              + end.httpStatus()
              + " "
              + (end.succeeded() ? "ok" : "error"));
    }

    List<String> described() {
      List<String> out = new ArrayList<>();
      for (Call c : calls) {
        out.add(c.method() + " " + c.operation() + " " + c.urlTemplate());
      }
      return out;
    }
  }

  private static void assertServer(Recorder r, FakeServer fake) {
    URI base = URI.create(fake.baseUrl());
    assertThat(r.calls)
        .allSatisfy(
            c -> {
              assertThat(c.serverAddress()).isEqualTo(base.getHost());
              assertThat(c.serverPort()).isEqualTo(base.getPort());
              assertThat(c.parent()).isNull();
              assertThat(c.path()).doesNotContain("{id}");
            });
  }

  @Test
  void paygenticNamesItsCalls() {
    Recorder r = new Recorder();
    try (FakePaygentic fake = new FakePaygentic();
        PaygenticClient client =
            PaygenticClient.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .listener(r)
                .build()) {
      String id = WebhookDeliveryTest.paygenticPayment(fake);
      var payment = client.payments().retrieve(id);
      client.payments().list(PaygenticPaymentListParams.builder().build());

      assertThat(r.described())
          .containsExactly(
              "GET payments.retrieve /v0/payments/{id}", "GET payments.list /v0/payments");
      assertThat(r.calls.get(0).path()).isEqualTo("/v0/payments/" + id);
      assertServer(r, fake);
      assertThat(r.attempts)
          .containsExactly(
              "start payments.retrieve 1",
              "end payments.retrieve 1 200 ok",
              "start payments.list 1",
              "end payments.list 1 200 ok");
      assertThat(r.ends)
          .containsExactly(
              "payments.retrieve " + id + " " + payment.neutralStatus(), "payments.list null null");
    }
  }

  @Test
  void billingrailsNamesItsCallsAndEndsEveryAttempt() {
    Recorder r = new Recorder();
    try (FakeBillingrails fake = new FakeBillingrails();
        BillingrailsClient client =
            BillingrailsClient.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .backoff(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2))
                .listener(r)
                .build()) {
      String id = WebhookDeliveryTest.billingrailsPayment(fake);
      fake.failNext(Fault.serverError(503));
      var payment = client.payments().retrieve(id);
      client.payments().list(BillingrailsPaymentListParams.builder().build());

      assertThat(r.described())
          .containsExactly(
              "GET payments.retrieve /v1/payments/{id}", "GET payments.list /v1/payments");
      assertServer(r, fake);
      assertThat(r.attempts)
          .containsExactly(
              "start payments.retrieve 1",
              "end payments.retrieve 1 503 error",
              "start payments.retrieve 2",
              "end payments.retrieve 2 200 ok",
              "start payments.list 1",
              "end payments.list 1 200 ok");
      assertThat(r.ends)
          .containsExactly(
              "payments.retrieve " + id + " " + payment.neutralStatus(), "payments.list null null");
    }
  }

  @Test
  void lagoNamesItsCallsAndLinksTheLookUpToItsCreate() {
    Recorder r = new Recorder();
    try (FakeLago fake = new FakeLago();
        LagoClient client =
            LagoClient.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .backoff(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2))
                .listener(r)
                .build()) {
      String invoice = fake.seedInvoice("USD", 10_000);
      String requestId = WebhookDeliveryTest.lagoPaymentRequest(fake);
      var created =
          client
              .payments()
              .create(
                  LagoPaymentCreateRequest.builder()
                      .invoiceId(invoice)
                      .amount(Money.of("10.00", "USD"))
                      .reference("listener-1")
                      .build());
      String id = created.lagoId();
      client.payments().retrieve(id);
      client.payments().list(LagoPaymentListParams.builder().build());
      client.paymentRequests().retrieve(requestId);
      client.paymentRequests().list(LagoPaymentRequestListParams.builder().build());

      assertThat(r.described())
          .containsExactly(
              "POST payments.create /api/v1/payments",
              "GET payments.retrieve /api/v1/payments/{id}",
              "GET payments.list /api/v1/payments",
              "GET payment_requests.retrieve /api/v1/payment_requests/{id}",
              "GET payment_requests.list /api/v1/payment_requests");
      assertServer(r, fake);
      assertThat(r.ends)
          .startsWith(
              "payments.create " + id + " " + created.neutralStatus(),
              "payments.retrieve " + id + " " + created.neutralStatus());

      // An ambiguous create: its reconciliation's look-up carries the create as its parent.
      r.calls.clear();
      r.ends.clear();
      fake.failNext(Fault.serverErrorAfterProcessing(500));
      var reconciled =
          client
              .payments()
              .create(
                  LagoPaymentCreateRequest.builder()
                      .invoiceId(invoice)
                      .amount(Money.of("5.00", "USD"))
                      .reference("listener-2")
                      .build());
      assertThat(r.described())
          .containsExactly(
              "POST payments.create /api/v1/payments", "GET payments.list /api/v1/payments");
      assertThat(r.calls.get(1).parent()).isSameAs(r.calls.get(0));
      assertThat(r.ends)
          .containsExactly(
              "payments.list null null",
              "payments.create " + reconciled.lagoId() + " " + reconciled.neutralStatus());
    }
  }
}
