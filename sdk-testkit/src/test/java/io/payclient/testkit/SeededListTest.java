package io.payclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.billingrails.BillingrailsClient;
import io.payclient.core.Page;
import io.payclient.core.Payment;
import io.payclient.core.PaymentListParams;
import io.payclient.core.PaymentsClient;
import io.payclient.lago.LagoClient;
import io.payclient.paygentic.PaygenticClient;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Payments seeded in bulk are listed like created ones, newest first, through every page, by the
 * lazy and the prefetching auto-pagination alike; created payments come before them.
 */
class SeededListTest {
  private static final int SEEDED = 250;
  private static final PaymentListParams PAGES_OF_40 =
      PaymentListParams.builder().pageSize(40).build();

  /** seed-250, seed-249, … seed-1: newest first. */
  private static List<String> newestFirst() {
    return IntStream.rangeClosed(1, SEEDED).mapToObj(n -> "seed-" + (SEEDED + 1 - n)).toList();
  }

  private static void assertListsEverySeededPayment(PaymentsClient client) {
    Page<Payment> first = client.list(PAGES_OF_40);
    assertThat(first.items()).hasSize(40);
    assertThat(first.autoPagingStream().map(Payment::reference))
        .containsExactlyElementsOf(newestFirst());
    assertThat(first.autoPagingStream(true).map(Payment::reference))
        .containsExactlyElementsOf(newestFirst());
  }

  @Test
  void paygentic() {
    try (FakePaygentic fake = new FakePaygentic();
        PaymentsClient client =
            PaygenticClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build()) {
      fake.seedPayments(SEEDED);
      assertThat(fake.paymentCount()).isEqualTo(SEEDED);
      assertThat(fake.createdPayments()).isZero();
      assertListsEverySeededPayment(client);
      String created = WebhookDeliveryTest.paygenticPayment(fake);
      assertThat(client.list(PAGES_OF_40).items().get(0).id()).isEqualTo(created);
      assertThatThrownBy(() -> fake.seedPayments(-1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> fake.seedPayments(FakeServer.MAX_SEEDED))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at most");
    }
  }

  @Test
  void billingrails() {
    try (FakeBillingrails fake = new FakeBillingrails();
        PaymentsClient client =
            BillingrailsClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build()) {
      fake.seedPayments("acc_seeded", SEEDED);
      assertThat(fake.payments()).hasSize(SEEDED);
      assertThat(fake.createdPayments()).isZero();
      assertListsEverySeededPayment(client);
      String created = WebhookDeliveryTest.billingrailsPayment(fake);
      assertThat(client.list(PAGES_OF_40).items().get(0).id()).isEqualTo(created);
    }
  }

  @Test
  void theFakeKeepsNoRecordOfTheRequestsItServed() throws Exception {
    try (FakePaygentic fake = new FakePaygentic();
        PaymentsClient client =
            PaygenticClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build()) {
      fake.seedPayments(SEEDED);
      assertThat(client.list(PAGES_OF_40).autoPagingStream().count()).isEqualTo(SEEDED);
      assertThat(fake.requestCount()).isEqualTo(7);
      assertThat(fake.holdsRecordedRequest()).isFalse();
    }
  }

  @Test
  void lago() {
    try (FakeLago fake = new FakeLago();
        PaymentsClient client =
            LagoClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build()) {
      String invoice = fake.seedInvoice("EUR", 10_000);
      fake.seedPayments(invoice, SEEDED);
      assertThat(fake.amountDue(invoice)).isEqualTo(10_000);
      assertThat(fake.createdPayments()).isZero();
      assertListsEverySeededPayment(client);
      assertThatThrownBy(() -> fake.seedPayments("no-such-invoice", 1))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
