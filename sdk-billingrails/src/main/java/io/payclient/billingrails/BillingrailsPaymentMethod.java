package io.payclient.billingrails;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The payment method embedded in a Billingrails payment ({@code payment_method}). Every field is
 * optional: servers and docs pages differ in what they send, and a missing or {@code null} field is
 * {@code null} here, never a failure.
 *
 * @param object {@code object}, normally {@code "payment_method"}
 * @param id {@code id}
 * @param status {@code status}, as sent
 * @param type {@code type}, as sent (card, bank account, ...)
 * @param provider {@code provider}: the payment provider, as sent
 * @param channel {@code channel}: only on the legacy docs page; kept when present
 * @param accountId {@code account_id}
 * @param accountName {@code account_name}
 * @param details {@code details}: provider-specific values as plain Java values (maps, lists,
 *     strings, {@link java.math.BigDecimal} numbers, booleans); empty when absent
 * @param createdAt {@code created_at}
 */
public record BillingrailsPaymentMethod(
    @Nullable String object,
    @Nullable String id,
    @Nullable String status,
    @Nullable String type,
    @Nullable String provider,
    @Nullable String channel,
    @Nullable String accountId,
    @Nullable String accountName,
    Map<String, @Nullable Object> details,
    @Nullable Instant createdAt) {

  /** Copies {@code details}. */
  public BillingrailsPaymentMethod {
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}
