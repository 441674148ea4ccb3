package io.payclient.lago;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The customer embedded in a payment request: every field of Lago's {@code CustomerBaseObject}.
 * Every field may be {@code null} (or empty) when the server omits it; fields this SDK does not
 * know are kept in {@link #other()}.
 *
 * @param lagoId {@code lago_id}
 * @param externalId {@code external_id}
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
 * @param billingConfiguration {@code billing_configuration}, as plain JSON values; empty when
 *     absent
 * @param createdAt {@code created_at}
 * @param updatedAt {@code updated_at}
 * @param sequentialId {@code sequential_id}
 * @param slug {@code slug}
 * @param billingEntityCode {@code billing_entity_code}
 * @param accountType {@code account_type}
 * @param firstname {@code firstname}
 * @param lastname {@code lastname}
 * @param customerType {@code customer_type}
 * @param taxIdentificationNumber {@code tax_identification_number}
 * @param netPaymentTerm {@code net_payment_term}
 * @param finalizeZeroAmountInvoice {@code finalize_zero_amount_invoice}
 * @param skipInvoiceCustomSections {@code skip_invoice_custom_sections}
 * @param shippingAddress {@code shipping_address}, as plain JSON values; empty when absent
 * @param metadata {@code metadata}, as plain JSON values; empty when absent
 * @param other every other field, as plain JSON values (numbers as {@code BigDecimal}, or their
 *     text when too long for one)
 * @param untyped the raw text, by wire name, of each field above whose value could not be typed
 *     (its accessor is then empty); empty when every field typed
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
    @Nullable Long sequentialId,
    @Nullable String slug,
    @Nullable String billingEntityCode,
    @Nullable String accountType,
    @Nullable String firstname,
    @Nullable String lastname,
    @Nullable String customerType,
    @Nullable String taxIdentificationNumber,
    @Nullable Long netPaymentTerm,
    @Nullable String finalizeZeroAmountInvoice,
    @Nullable Boolean skipInvoiceCustomSections,
    Map<String, @Nullable Object> shippingAddress,
    List<Map<String, @Nullable Object>> metadata,
    Map<String, @Nullable Object> other,
    Map<String, String> untyped) {

  /** Copies the collections. */
  public LagoCustomer {
    billingConfiguration = copy(billingConfiguration);
    shippingAddress = copy(shippingAddress);
    metadata = List.copyOf(metadata);
    other = copy(other);
    untyped = Map.copyOf(untyped);
  }

  private static Map<String, @Nullable Object> copy(Map<String, @Nullable Object> m) {
    return m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
