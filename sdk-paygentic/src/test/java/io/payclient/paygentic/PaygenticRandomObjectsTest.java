package io.payclient.paygentic;

import static io.payclient.core.testing.RandomObjects.Kind.DECIMAL_STRING;
import static io.payclient.core.testing.RandomObjects.Kind.INSTANT;
import static io.payclient.core.testing.RandomObjects.Kind.STRING;
import static io.payclient.core.testing.RandomObjects.Kind.STRING_MAP;
import static io.payclient.core.testing.RandomObjects.Kind.URI;
import static io.payclient.core.testing.RandomObjects.Presence.OPTIONAL;
import static io.payclient.core.testing.RandomObjects.Presence.REQUIRED;

import io.payclient.core.testing.RandomObjects;
import io.payclient.core.testing.RandomObjects.Field;
import io.payclient.core.testing.RandomObjects.Generated;
import io.payclient.paygentic.internal.PaygenticJson;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random Paygentic payments generated from the spec's {@code Payment} schema (2026-08): required
 * fields always, every optional field present or absent, every documented status and an unknown
 * one, at most one field of an unexpected shape (a required one too). Each is read without losing a
 * field.
 */
class PaygenticRandomObjectsTest {
  private static final int RUNS = 250;

  static final List<Field<PaygenticPayment>> PAYMENT =
      List.of(
          Field.of("object", STRING, REQUIRED, PaygenticPayment::object),
          Field.of("amount", DECIMAL_STRING, REQUIRED, PaygenticPayment::amount),
          Field.of("currency", STRING, REQUIRED, PaygenticPayment::currency),
          Field.enumeration(
              "status",
              REQUIRED,
              List.of("pending", "processing", "completed", "expired", "cancelled"),
              PaygenticPayment::status,
              PaygenticPayment::rawStatus),
          Field.of("createdAt", INSTANT, REQUIRED, PaygenticPayment::createdAt),
          Field.of("paymentUrl", URI, OPTIONAL, PaygenticPayment::paymentUrl),
          Field.of("customerId", STRING, OPTIONAL, PaygenticPayment::customerId),
          Field.of("idempotencyKey", STRING, OPTIONAL, PaygenticPayment::idempotencyKey),
          Field.of("reference", STRING, OPTIONAL, PaygenticPayment::reference),
          Field.of("metadata", STRING_MAP, OPTIONAL, PaygenticPayment::metadata),
          Field.of("expiresAt", INSTANT, OPTIONAL, PaygenticPayment::expiresAt));

  @Test
  void randomPaymentsLoseNoField() throws Exception {
    for (int run = 0; run < RUNS; run++) {
      long seed = 18_000L + run;
      Random rnd = new Random(seed);
      boolean corrupt = rnd.nextInt(3) == 0;
      Generated g = RandomObjects.generate(rnd, "id", "pay_" + seed, PAYMENT, corrupt);
      PaygenticPayment p = PaygenticJson.readPayment(Fixtures.reader(g.json()), false);
      RandomObjects.check(p, PAYMENT, g, p.untyped(), "seed " + seed);
    }
  }
}
