package io.payclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.billingrails.BillingrailsClient;
import io.payclient.core.NotFoundException;
import io.payclient.core.Payment;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentsClient;
import io.payclient.core.WaitTimeoutException;
import io.payclient.lago.LagoClient;
import io.payclient.paygentic.PaygenticClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The waiters of every client against the fakes: a payment moved on by the fake while the client
 * polls is returned in its final status; rate limits and 5xx are outlasted; a pending payment times
 * out with the last payment seen.
 */
class AwaitTerminalTest {
  private static final Duration FIRST = Duration.ofMillis(50);

  @Test
  void paygenticPaymentCompletedByThePayerEndsTheWait() throws Exception {
    try (FakePaygentic fake = new FakePaygentic();
        PaymentsClient client =
            PaygenticClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build()) {
      String id = WebhookDeliveryTest.paygenticPayment(fake);
      CompletableFuture<Payment> waiting =
          client.awaitTerminalAsync(id, Duration.ofSeconds(20), FIRST);
      awaitRequests(fake, 3); // the create and two polls
      assertThat(waiting).isNotDone();

      fake.completePayment(id);

      Payment done = waiting.get(10, TimeUnit.SECONDS);
      assertThat(done.status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(done.id()).isEqualTo(id);
    }
  }

  @Test
  void anExpiredPaygenticPaymentIsTerminalToo() {
    try (FakePaygentic fake = new FakePaygentic();
        PaymentsClient client =
            PaygenticClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build()) {
      String id = WebhookDeliveryTest.paygenticPayment(fake);
      fake.expirePayment(id);
      assertThat(client.awaitTerminal(id, Duration.ofSeconds(5)).status())
          .isEqualTo(PaymentStatus.EXPIRED);
    }
  }

  @Test
  void billingrailsWaiterOutlastsRateLimitsAndServerErrors() throws Exception {
    try (FakeBillingrails fake = new FakeBillingrails();
        PaymentsClient client =
            BillingrailsClient.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .maxRetries(0)
                .build()) {
      String id = WebhookDeliveryTest.billingrailsPayment(fake);
      fake.failNext(Fault.rateLimited(Duration.ofMillis(200)), Fault.serverError(503));
      CompletableFuture<Payment> waiting =
          client.awaitTerminalAsync(id, Duration.ofSeconds(20), FIRST);
      awaitRequests(fake, 4); // the create, the 429, the 503, a pending poll
      assertThat(waiting).isNotDone();

      fake.failPayment(id);

      assertThat(waiting.get(10, TimeUnit.SECONDS).status()).isEqualTo(PaymentStatus.FAILED);
      assertThat(fake.pendingFaults()).isEmpty();
    }
  }

  @Test
  void aPendingPaymentTimesOutWithTheLastPaymentSeen() {
    try (FakeBillingrails fake = new FakeBillingrails();
        PaymentsClient client =
            BillingrailsClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build()) {
      String id = WebhookDeliveryTest.billingrailsPayment(fake);
      assertThatThrownBy(() -> client.awaitTerminal(id, Duration.ofMillis(400), FIRST))
          .isInstanceOfSatisfying(
              WaitTimeoutException.class,
              e -> {
                assertThat(e.vendor()).isEqualTo("billingrails");
                assertThat(e.lastPayment()).map(Payment::status).contains(PaymentStatus.PENDING);
                assertThat(e.getMessage()).doesNotContain(fake.apiKey());
              });
    }
  }

  @Test
  void lagoPaymentsAreFinalWhenCreatedAndAnUnknownIdIsNotFound() {
    try (FakeLago fake = new FakeLago();
        LagoClient client =
            LagoClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build()) {
      String invoice = fake.seedInvoice("USD", 1_000);
      String id =
          client
              .payments()
              .create(
                  io.payclient.lago.LagoPaymentCreateRequest.builder()
                      .invoiceId(invoice)
                      .amount(io.payclient.core.Money.of("10.00", "USD"))
                      .reference("await-1")
                      .build())
              .lagoId();
      int before = fake.requestCount();
      assertThat(client.awaitTerminal(id, Duration.ofSeconds(5)).status())
          .isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(fake.requestCount() - before).isEqualTo(1);
      assertThatThrownBy(
              () ->
                  client.awaitTerminal(
                      "00000000-0000-4000-8000-000000000000", Duration.ofSeconds(5)))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void eachPollIsToldToTheClientsListenerWithTheStatusSeen() {
    java.util.List<String> polls =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    io.payclient.core.PaymentsListener listener =
        new io.payclient.core.PaymentsListener() {
          @Override
          public void waiterPolled(
              String vendor, String paymentId, int poll, PaymentStatus status) {
            polls.add(vendor + " " + poll + " " + status);
          }
        };
    try (FakePaygentic fake = new FakePaygentic();
        PaymentsClient client =
            PaygenticClient.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .listener(listener)
                .build()) {
      String id = WebhookDeliveryTest.paygenticPayment(fake);
      fake.completePayment(id);
      client.awaitTerminal(id, Duration.ofSeconds(5));
    }
    assertThat(polls).containsExactly("paygentic 1 SUCCEEDED");
  }

  private static void awaitRequests(FakeServer fake, int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (fake.requestCount() < n) {
      assertThat(System.nanoTime())
          .as("requests seen: " + fake.requestCount())
          .isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
