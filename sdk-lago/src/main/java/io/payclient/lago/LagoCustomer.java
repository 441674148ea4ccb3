package io.payclient.lago;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The customer embedded in a payment request (Lago's base customer object). Every field may be
 * {@code null} when the server omits it; fields this SDK does not know are kept in {@link
 * #other()}.
 *
 * @param lagoId {@code lago_id}
 * @param externalId {@code external_id}: your id of the customer
 * @param name {@code name}
 * @param email {@code email}
 * @param addressLine1 {@code address_line1}
 * @param addressLine2 {@code address_line2}
 * @param city {@code city}
 * @param state {@code state}
 * @param zipcode {@code zipcode}
 * @param country {@code country}
 * @param phone {@code phone}
 * @param url {@code url}
 * @param legalName {@code legal_name}
 * @param legalNumber {@code legal_number}
 * @param logoUrl {@code logo_url}
 * @param currency {@code currency}
 * @param timezone {@code timezone}
 * @param applicableTimezone {@code applicable_timezone}
 * @param billingConfiguration {@code billing_configuration}, as plain JSON values
 * @param createdAt {@code created_at}
 * @param updatedAt {@code updated_at}
 * @param other every other field, as plain JSON values (numbers as {@code BigDecimal})
 */
public record LagoCustomer(
    @Nullable String lagoId,
    @Nullable String externalId,
    @Nullable String name,
    @Nullable String email,
    @Nullable String addressLine1,
    @Nullable String addressLine2,
    @Nullable String city,
    @Nullable String state,
    @Nullable String zipcode,
    @Nullable String country,
    @Nullable String phone,
    @Nullable String url,
    @Nullable String legalName,
    @Nullable String legalNumber,
    @Nullable String logoUrl,
    @Nullable String currency,
    @Nullable String timezone,
    @Nullable String applicableTimezone,
    Map<String, @Nullable Object> billingConfiguration,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    Map<String, @Nullable Object> other) {}
