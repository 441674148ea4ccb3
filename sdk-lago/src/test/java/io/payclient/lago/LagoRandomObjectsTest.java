package io.payclient.lago;

import static io.payclient.core.testing.RandomObjects.Kind.INSTANT;
import static io.payclient.core.testing.RandomObjects.Kind.LONG;
import static io.payclient.core.testing.RandomObjects.Kind.NEXT_ACTION;
import static io.payclient.core.testing.RandomObjects.Kind.STRING;
import static io.payclient.core.testing.RandomObjects.Kind.STRING_LIST;
import static io.payclient.core.testing.RandomObjects.Presence.NULLABLE;

import io.payclient.core.testing.RandomObjects;
import io.payclient.core.testing.RandomObjects.Field;
import io.payclient.core.testing.RandomObjects.Generated;
import io.payclient.lago.internal.LagoJson;
import io.payclient.lago.internal.LagoPaymentRequestJson;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random Lago payments and payment requests generated from the spec's field lists (1.51.0): every
 * optional field present, absent or null, every enum value and an unknown one, and at most one
 * field of an unexpected shape. Each is read without losing a field.
 */
class LagoRandomObjectsTest {
  private static final int RUNS = 250;

  static final List<Field<LagoPayment>> PAYMENT =
      List.of(
          Field.of("lago_customer_id", STRING, NULLABLE, LagoPayment::lagoCustomerId),
          Field.of("external_customer_id", STRING, NULLABLE, LagoPayment::externalCustomerId),
          Field.of("invoice_ids", STRING_LIST, NULLABLE, LagoPayment::invoiceIds),
          Field.of("invoice_numbers", STRING_LIST, NULLABLE, LagoPayment::invoiceNumbers),
          Field.of("lago_payable_id", STRING, NULLABLE, LagoPayment::lagoPayableId),
          Field.enumeration(
              "payable_type",
              NULLABLE,
              List.of("Invoice", "PaymentRequest"),
              LagoPayment::payableType,
              LagoPayment::rawPayableType),
          Field.of("amount_cents", LONG, NULLABLE, LagoPayment::amountCents),
          Field.of("amount_currency", STRING, NULLABLE, LagoPayment::amountCurrency),
          Field.of("status", STRING, NULLABLE, LagoPayment::status),
          Field.enumeration(
              "payment_status",
              NULLABLE,
              List.of("succeeded", "failed", "pending", "processing"),
              LagoPayment::neutralStatus,
              LagoPayment::paymentStatus),
          Field.enumeration(
              "type",
              NULLABLE,
              List.of("manual", "provider"),
              LagoPayment::type,
              LagoPayment::rawType),
          Field.of("reference", STRING, NULLABLE, LagoPayment::reference),
          Field.of("payment_provider_code", STRING, NULLABLE, LagoPayment::paymentProviderCode),
          Field.enumeration(
              "payment_provider_type",
              NULLABLE,
              List.of("adyen", "cashfree", "gocardless", "stripe", "flutterwave", "moneyhash"),
              LagoPayment::paymentProviderType,
              LagoPayment::rawPaymentProviderType),
          Field.of("external_payment_id", STRING, NULLABLE, LagoPayment::externalPaymentId),
          Field.of("provider_payment_id", STRING, NULLABLE, LagoPayment::providerPaymentId),
          Field.of("provider_customer_id", STRING, NULLABLE, LagoPayment::providerCustomerId),
          Field.of("payment_method_id", STRING, NULLABLE, LagoPayment::paymentMethodId),
          Field.of("next_action", NEXT_ACTION, NULLABLE, LagoPayment::nextAction),
          Field.of("created_at", INSTANT, NULLABLE, LagoPayment::createdAt));

  static final List<Field<LagoPaymentRequest>> PAYMENT_REQUEST =
      List.of(
          Field.of("email", STRING, NULLABLE, LagoPaymentRequest::email),
          Field.of("amount_cents", LONG, NULLABLE, LagoPaymentRequest::amountCents),
          Field.of("amount_currency", STRING, NULLABLE, LagoPaymentRequest::amountCurrency),
          Field.enumeration(
              "payment_status",
              NULLABLE,
              List.of("pending", "succeeded", "failed"),
              LagoPaymentRequest::neutralStatus,
              LagoPaymentRequest::paymentStatus),
          Field.of("created_at", INSTANT, NULLABLE, LagoPaymentRequest::createdAt));

  @Test
  void randomPaymentsLoseNoField() throws Exception {
    for (int run = 0; run < RUNS; run++) {
      long seed = 18_000L + run;
      Random rnd = new Random(seed);
      boolean corrupt = rnd.nextInt(3) == 0;
      Generated g = RandomObjects.generate(rnd, "lago_id", "lago-" + seed, PAYMENT, corrupt);
      String body = rnd.nextBoolean() ? "{\"payment\":" + g.json() + "}" : g.json();
      LagoPayment p = LagoJson.readPaymentEnvelope(Fixtures.reader(body));
      RandomObjects.check(p, PAYMENT, g, p.untyped(), "seed " + seed);
    }
  }

  @Test
  void randomPaymentRequestsLoseNoField() throws Exception {
    for (int run = 0; run < RUNS; run++) {
      long seed = 18_500L + run;
      Random rnd = new Random(seed);
      boolean corrupt = rnd.nextInt(3) == 0;
      Generated g = RandomObjects.generate(rnd, "lago_id", "pr-" + seed, PAYMENT_REQUEST, corrupt);
      String body = rnd.nextBoolean() ? "{\"payment_request\":" + g.json() + "}" : g.json();
      LagoPaymentRequest pr = LagoPaymentRequestJson.readEnvelope(Fixtures.reader(body));
      RandomObjects.check(pr, PAYMENT_REQUEST, g, pr.untyped(), "seed " + seed);
    }
  }
}
