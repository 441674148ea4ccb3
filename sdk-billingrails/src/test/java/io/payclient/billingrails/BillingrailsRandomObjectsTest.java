package io.payclient.billingrails;

import static io.payclient.core.testing.RandomObjects.Kind.INSTANT;
import static io.payclient.core.testing.RandomObjects.Kind.LONG;
import static io.payclient.core.testing.RandomObjects.Kind.STRING;
import static io.payclient.core.testing.RandomObjects.Kind.URI;
import static io.payclient.core.testing.RandomObjects.Presence.NULLABLE;
import static io.payclient.core.testing.RandomObjects.Presence.OPTIONAL;
import static io.payclient.core.testing.RandomObjects.Presence.REQUIRED;

import io.payclient.billingrails.internal.BillingrailsJson;
import io.payclient.core.testing.RandomObjects;
import io.payclient.core.testing.RandomObjects.Field;
import io.payclient.core.testing.RandomObjects.Generated;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random Billingrails payments generated from the documented field list (there is no public spec):
 * every optional field present or absent, {@code description} and {@code reference_id} also null,
 * every status and failure reason and an unknown one, at most one field of an unexpected shape.
 * Each is read without losing a field.
 */
class BillingrailsRandomObjectsTest {
  private static final int RUNS = 250;

  static final List<Field<BillingrailsPayment>> PAYMENT =
      List.of(
          Field.of("object", STRING, REQUIRED, BillingrailsPayment::object),
          Field.of("account_id", STRING, REQUIRED, BillingrailsPayment::accountId),
          Field.of("amount", LONG, REQUIRED, BillingrailsPayment::amountMinor),
          Field.of("currency", STRING, REQUIRED, BillingrailsPayment::currency),
          Field.of("description", STRING, NULLABLE, BillingrailsPayment::description),
          Field.of("payment_method_id", STRING, OPTIONAL, BillingrailsPayment::paymentMethodId),
          Field.of("reference_id", STRING, NULLABLE, BillingrailsPayment::referenceId),
          Field.enumeration(
              "status",
              REQUIRED,
              List.of("pending", "succeeded", "failed", "canceled"),
              BillingrailsPayment::status,
              BillingrailsPayment::rawStatus),
          Field.enumeration(
              "failure_reason",
              OPTIONAL,
              List.of(
                  "absent_payment_method",
                  "invalid_payment_method",
                  "gateway_error",
                  "payment_url_generation_failed"),
              BillingrailsPayment::failureReason,
              BillingrailsPayment::rawFailureReason),
          Field.of("created_at", INSTANT, REQUIRED, BillingrailsPayment::createdAt),
          Field.of("payment_link", URI, OPTIONAL, BillingrailsPayment::paymentLink));

  @Test
  void randomPaymentsLoseNoField() throws Exception {
    for (int run = 0; run < RUNS; run++) {
      long seed = 18_000L + run;
      Random rnd = new Random(seed);
      boolean corrupt = rnd.nextInt(3) == 0;
      Generated g = RandomObjects.generate(rnd, "id", "pay_" + seed, PAYMENT, corrupt);
      String body =
          rnd.nextBoolean()
              ? "{\"payment\":" + g.json() + ",\"meta\":{\"request_id\":\"req\"}}"
              : g.json();
      BillingrailsPayment p = BillingrailsJson.readPaymentEnvelope(Fixtures.reader(body));
      RandomObjects.check(p, PAYMENT, g, p.untyped(), "seed " + seed);
    }
  }
}
