package io.payclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.payclient.billingrails.BillingrailsClient;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
import io.payclient.billingrails.BillingrailsPaymentMode;
import io.payclient.core.Money;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsClient;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoPaymentCreateRequest;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import io.payclient.testkit.junit.FakeBillingrailsExtension;
import io.payclient.testkit.junit.FakeLagoExtension;
import io.payclient.testkit.junit.FakePaygenticExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Property: every invalid request, however it is invalid, fails with {@link
 * RequestValidationException} naming at least one field, and never reaches the server. Seeded
 * random generation; {@code -Dproperty.tries=…} (default 10 000 per vendor).
 */
class InvalidRequestPropertyTest {
  static final int TRIES = Integer.getInteger("property.tries", 10_000);
  static final long SEED = Long.getLong("property.seed", 7L);

  @RegisterExtension final FakeLagoExtension lago = new FakeLagoExtension();
  @RegisterExtension final FakeBillingrailsExtension billingrails = new FakeBillingrailsExtension();
  @RegisterExtension final FakePaygenticExtension paygentic = new FakePaygenticExtension();

  /** Runs the attempt; it must throw only RequestValidationException. */
  static void assertRejectedBeforeIo(int i, Supplier<?> attempt) {
    try {
      Object result = attempt.get();
      fail("try " + i + " was accepted: " + result);
    } catch (RequestValidationException e) {
      assertThat(e.violations()).isNotEmpty();
      assertThat(e.attempts()).isZero();
    } catch (RuntimeException e) {
      fail("try " + i + " threw " + e + " instead of RequestValidationException", e);
    }
  }

  static String randomText(Random r, int maxLength) {
    int n = r.nextInt(maxLength + 1);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) (r.nextBoolean() ? 'a' + r.nextInt(26) : 0x20 + r.nextInt(0x3000)));
    }
    return sb.toString();
  }

  @Test
  void lagoRejectsEveryInvalidRequestBeforeIo() {
    Random r = new Random(SEED);
    String invoice = lago.seedInvoice("USD", 1_000_000);
    try (LagoClient client =
        LagoClient.builder().apiKey(lago.apiKey()).baseUrl(lago.baseUrl()).build()) {
      PaymentsClient neutral = client;
      for (int i = 0; i < TRIES; i++) {
        int broken = r.nextInt(1 << 5);
        if (broken == 0) {
          broken = 1 << r.nextInt(5); // at least one rule broken
        }
        boolean badInvoice = (broken & 1) != 0;
        boolean badAmount = (broken & 2) != 0;
        boolean badReference = (broken & 4) != 0;
        boolean viaNeutral = (broken & 8) != 0;
        boolean neutralOnlyField = (broken & 16) != 0 && viaNeutral;
        String invoiceId =
            badInvoice ? (r.nextBoolean() ? null : " ".repeat(r.nextInt(3))) : invoice;
        Money amount = badAmount ? badMoney(r) : Money.of("1.23", "USD");
        String reference =
            badReference
                ? (r.nextBoolean() ? "" : "r".repeat(41 + r.nextInt(100)))
                : randomText(r, 39) + "x";
        if (!badInvoice && !badAmount && !badReference && !neutralOnlyField) {
          reference = "x".repeat(41); // keep at least one rule broken
        }
        final String ref = reference;
        final int n = i;
        if (viaNeutral) {
          PaymentCreateRequest.Builder b =
              PaymentCreateRequest.builder().amount(amount).reference(ref);
          if (invoiceId != null && !invoiceId.isBlank()) {
            b.target(PaymentTarget.invoice(invoiceId));
          }
          if (neutralOnlyField) {
            switch (r.nextInt(4)) {
              case 0 -> b.customerId("c-" + i);
              case 1 -> b.putMetadata("k", "v");
              case 2 -> b.idempotencyKey("k-" + i);
              default -> b.target(PaymentTarget.order("o-" + i));
            }
          }
          b.paidAt(r.nextBoolean() ? null : Instant.ofEpochSecond(r.nextInt()));
          assertRejectedBeforeIo(n, () -> neutral.create(b.build(), RequestOptions.none()));
        } else {
          assertRejectedBeforeIo(
              n,
              () ->
                  client
                      .payments()
                      .create(
                          LagoPaymentCreateRequest.builder()
                              .invoiceId(invoiceId)
                              .amount(amount)
                              .reference(ref)
                              .build()));
        }
      }
    }
    assertThat(lago.requestCount()).as("requests that reached the server").isZero();
  }

  @Test
  void billingrailsRejectsEveryInvalidRequestBeforeIo() {
    Random r = new Random(SEED);
    String account = billingrails.seedAccount();
    String invoice = billingrails.seedInvoice(account, "USD", 1_000);
    try (BillingrailsClient client =
        BillingrailsClient.builder()
            .apiKey(billingrails.apiKey())
            .baseUrl(billingrails.baseUrl())
            .build()) {
      for (int i = 0; i < TRIES; i++) {
        int n = i;
        if (r.nextInt(4) == 0) {
          // The neutral path: a field Billingrails cannot take, or a required one missing.
          PaymentCreateRequest.Builder b =
              PaymentCreateRequest.builder()
                  .customerId(account)
                  .reference("ref-" + i)
                  .target(PaymentTarget.invoice(invoice));
          switch (r.nextInt(4)) {
            case 0 -> b.amount(Money.of("1.00", "USD"));
            case 1 -> b.putMetadata("k", randomText(r, 10));
            case 2 -> b.customerId(null);
            default -> b.idempotencyKey("k".repeat(181 + r.nextInt(50)));
          }
          assertRejectedBeforeIo(n, () -> client.create(b.build()));
          continue;
        }
        BillingrailsPaymentCreateRequest.Builder b =
            BillingrailsPaymentCreateRequest.builder()
                .accountId(account)
                .referenceId("ref-" + i)
                .invoiceId(invoice);
        int rules = 1 + r.nextInt(3);
        for (int k = 0; k < rules; k++) {
          switch (r.nextInt(8)) {
            case 0 -> b.invoiceId(null).orderId(null).creditGrantId(null).paymentRequestId(null);
            case 1 -> b.invoiceId(invoice).orderId("o-" + i); // two targets
            case 2 -> b.invoiceId(invoice).creditGrantId(" "); // two targets, one blank
            case 3 -> b.mode(BillingrailsPaymentMode.ONLINE).succeededAt(Instant.EPOCH);
            case 4 -> b.mode(BillingrailsPaymentMode.ONLINE); // no integration or payment method
            case 5 -> b.accountId(r.nextBoolean() ? null : "");
            case 6 -> b.referenceId(r.nextBoolean() ? null : "  ");
            default ->
                b.idempotencyKey(
                    r.nextBoolean() ? "k".repeat(181 + r.nextInt(100)) : "key\r\nX: y");
          }
        }
        assertRejectedBeforeIo(n, () -> client.payments().create(b.build()));
      }
    }
    assertThat(billingrails.requestCount()).as("requests that reached the server").isZero();
  }

  @Test
  void paygenticRejectsEveryInvalidRequestBeforeIo() {
    Random r = new Random(SEED);
    try (PaygenticClient client =
        PaygenticClient.builder().apiKey(paygentic.apiKey()).baseUrl(paygentic.baseUrl()).build()) {
      for (int i = 0; i < TRIES; i++) {
        int n = i;
        if (r.nextInt(4) == 0) {
          PaymentCreateRequest.Builder b =
              PaymentCreateRequest.builder().amount(Money.of("10.00", "USD"));
          switch (r.nextInt(3)) {
            case 0 -> b.target(PaymentTarget.invoice("inv-" + i));
            case 1 -> b.paidAt(Instant.ofEpochSecond(r.nextInt(1 << 30)));
            default -> b.amount(null);
          }
          assertRejectedBeforeIo(n, () -> client.create(b.build()));
          continue;
        }
        PaygenticPaymentCreateRequest.Builder b =
            PaygenticPaymentCreateRequest.builder().amount(Money.of("10.00", "USD"));
        int rules = 1 + r.nextInt(3);
        for (int k = 0; k < rules; k++) {
          switch (r.nextInt(9)) {
            case 0 -> b.amount(Money.of(BigDecimal.valueOf(r.nextInt(100), 2), "USD")); // < 1.00
            case 1 ->
                b.amount(Money.of(BigDecimal.valueOf(500_001 + r.nextInt(1_000_000), 2), "USD"));
            case 2 ->
                b.amount(Money.of(BigDecimal.valueOf(1000 + r.nextInt(1000) * 10 + 1, 3), "USD"));
            case 3 -> b.amount(Money.of("10.00", r.nextBoolean() ? "JPY" : "CHF"));
            case 4 -> b.reference("r".repeat(256 + r.nextInt(100)));
            case 5 -> b.idempotencyKey("k".repeat(256 + r.nextInt(100)));
            case 6 -> b.savePaymentMethod(true).customerId(null);
            case 7 -> b.expiresIn(java.time.Duration.ofDays(32 + r.nextInt(100)));
            default -> b.amount((String) null).currency(null);
          }
        }
        assertRejectedBeforeIo(n, () -> client.payments().create(b.build()));
      }
    }
    assertThat(paygentic.requestCount()).as("requests that reached the server").isZero();
  }

  private static Money badMoney(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> Money.of(BigDecimal.valueOf(-r.nextInt(100_000), r.nextInt(3)), "USD");
      case 1 ->
          Money.of(
              new BigDecimal("0." + "0".repeat(2 + r.nextInt(5)) + (1 + r.nextInt(9)))
                  .add(BigDecimal.ONE),
              "USD");
      case 2 ->
          Money.of(
              BigDecimal.valueOf(10L * r.nextInt(1000) + 1 + r.nextInt(9), 1),
              "HUF"); // x.1 to x.9 forint: a fraction of Lago's HUF unit
      default -> Money.of(BigDecimal.ZERO, "EUR");
    };
  }
}
