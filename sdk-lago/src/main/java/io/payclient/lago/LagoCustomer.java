package io.payclient.lago;

import io.payclient.core.internal.LenientReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The customer embedded in a payment request: every field of Lago's {@code CustomerBaseObject}.
 * Every field may be {@code null} (or empty) when the server omits it; fields this SDK does not
 * know are kept in {@link #other()}.
 *
 * <p>Built only by the SDK: there is no public constructor, so a new wire field is not a binary
 * break.
 */
public final class LagoCustomer {
  private final @Nullable String lagoId;
  private final @Nullable String externalId;
  private final @Nullable String name;
  private final @Nullable String email;
  private final @Nullable String addressLine1;
  private final @Nullable String addressLine2;
  private final @Nullable String city;
  private final @Nullable String state;
  private final @Nullable String zipcode;
  private final @Nullable String country;
  private final @Nullable String phone;
  private final @Nullable String url;
  private final @Nullable String legalName;
  private final @Nullable String legalNumber;
  private final @Nullable String logoUrl;
  private final @Nullable String currency;
  private final @Nullable String timezone;
  private final @Nullable String applicableTimezone;
  private final Map<String, @Nullable Object> billingConfiguration;
  private final @Nullable Instant createdAt;
  private final @Nullable Instant updatedAt;
  private final @Nullable Long sequentialId;
  private final @Nullable String slug;
  private final @Nullable String billingEntityCode;
  private final @Nullable String accountType;
  private final @Nullable String firstname;
  private final @Nullable String lastname;
  private final @Nullable String customerType;
  private final @Nullable String taxIdentificationNumber;
  private final @Nullable Long netPaymentTerm;
  private final @Nullable String finalizeZeroAmountInvoice;
  private final @Nullable Boolean skipInvoiceCustomSections;
  private final Map<String, @Nullable Object> shippingAddress;
  private final List<Map<String, @Nullable Object>> metadata;
  private final Map<String, @Nullable Object> other;
  private final Map<String, String> untyped;

  LagoCustomer(
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
    billingConfiguration = copy(billingConfiguration);
    shippingAddress = copy(shippingAddress);
    metadata = List.copyOf(metadata);
    other = copy(other);
    untyped = Map.copyOf(untyped);

    this.lagoId = lagoId;
    this.externalId = externalId;
    this.name = name;
    this.email = email;
    this.addressLine1 = addressLine1;
    this.addressLine2 = addressLine2;
    this.city = city;
    this.state = state;
    this.zipcode = zipcode;
    this.country = country;
    this.phone = phone;
    this.url = url;
    this.legalName = legalName;
    this.legalNumber = legalNumber;
    this.logoUrl = logoUrl;
    this.currency = currency;
    this.timezone = timezone;
    this.applicableTimezone = applicableTimezone;
    this.billingConfiguration = billingConfiguration;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.sequentialId = sequentialId;
    this.slug = slug;
    this.billingEntityCode = billingEntityCode;
    this.accountType = accountType;
    this.firstname = firstname;
    this.lastname = lastname;
    this.customerType = customerType;
    this.taxIdentificationNumber = taxIdentificationNumber;
    this.netPaymentTerm = netPaymentTerm;
    this.finalizeZeroAmountInvoice = finalizeZeroAmountInvoice;
    this.skipInvoiceCustomSections = skipInvoiceCustomSections;
    this.shippingAddress = shippingAddress;
    this.metadata = metadata;
    this.other = other;
    this.untyped = untyped;
  }

  /** {@code lago_id} */
  public @Nullable String lagoId() {
    return lagoId;
  }

  /** {@code external_id} */
  public @Nullable String externalId() {
    return externalId;
  }

  /** {@code name} */
  public @Nullable String name() {
    return name;
  }

  /** {@code email} */
  public @Nullable String email() {
    return email;
  }

  /** {@code address_line1} */
  public @Nullable String addressLine1() {
    return addressLine1;
  }

  /** {@code address_line2} */
  public @Nullable String addressLine2() {
    return addressLine2;
  }

  /** {@code city} */
  public @Nullable String city() {
    return city;
  }

  /** {@code state} */
  public @Nullable String state() {
    return state;
  }

  /** {@code zipcode} */
  public @Nullable String zipcode() {
    return zipcode;
  }

  /** {@code country} */
  public @Nullable String country() {
    return country;
  }

  /** {@code phone} */
  public @Nullable String phone() {
    return phone;
  }

  /** {@code url} */
  public @Nullable String url() {
    return url;
  }

  /** {@code legal_name} */
  public @Nullable String legalName() {
    return legalName;
  }

  /** {@code legal_number} */
  public @Nullable String legalNumber() {
    return legalNumber;
  }

  /** {@code logo_url} */
  public @Nullable String logoUrl() {
    return logoUrl;
  }

  /** {@code currency} */
  public @Nullable String currency() {
    return currency;
  }

  /** {@code timezone} */
  public @Nullable String timezone() {
    return timezone;
  }

  /** {@code applicable_timezone} */
  public @Nullable String applicableTimezone() {
    return applicableTimezone;
  }

  /** {@code billing_configuration}, as plain JSON values; empty when absent */
  public Map<String, @Nullable Object> billingConfiguration() {
    return billingConfiguration;
  }

  /** {@code created_at} */
  public @Nullable Instant createdAt() {
    return createdAt;
  }

  /** {@code updated_at} */
  public @Nullable Instant updatedAt() {
    return updatedAt;
  }

  /** {@code sequential_id} */
  public @Nullable Long sequentialId() {
    return sequentialId;
  }

  /** {@code slug} */
  public @Nullable String slug() {
    return slug;
  }

  /** {@code billing_entity_code} */
  public @Nullable String billingEntityCode() {
    return billingEntityCode;
  }

  /** {@code account_type} */
  public @Nullable String accountType() {
    return accountType;
  }

  /** {@code firstname} */
  public @Nullable String firstname() {
    return firstname;
  }

  /** {@code lastname} */
  public @Nullable String lastname() {
    return lastname;
  }

  /** {@code customer_type} */
  public @Nullable String customerType() {
    return customerType;
  }

  /** {@code tax_identification_number} */
  public @Nullable String taxIdentificationNumber() {
    return taxIdentificationNumber;
  }

  /** {@code net_payment_term} */
  public @Nullable Long netPaymentTerm() {
    return netPaymentTerm;
  }

  /** {@code finalize_zero_amount_invoice} */
  public @Nullable String finalizeZeroAmountInvoice() {
    return finalizeZeroAmountInvoice;
  }

  /** {@code skip_invoice_custom_sections} */
  public @Nullable Boolean skipInvoiceCustomSections() {
    return skipInvoiceCustomSections;
  }

  /** {@code shipping_address}, as plain JSON values; empty when absent */
  public Map<String, @Nullable Object> shippingAddress() {
    return shippingAddress;
  }

  /** {@code metadata}, as plain JSON values; empty when absent */
  public List<Map<String, @Nullable Object>> metadata() {
    return metadata;
  }

  /**
   * Every other field, as plain JSON values (numbers as {@code BigDecimal}, or their text when too
   * long for one)
   */
  public Map<String, @Nullable Object> other() {
    return other;
  }

  /**
   * The raw text, by wire name, of each field above whose value could not be typed (its accessor is
   * then empty); empty when every field typed
   */
  public Map<String, String> untyped() {
    return untyped;
  }

  private static Map<String, @Nullable Object> copy(Map<String, @Nullable Object> m) {
    return LenientReader.frozen(m);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return this == other
        || (other instanceof LagoCustomer o && Arrays.equals(values(), o.values()));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values());
  }

  /** Every field, in declaration order: what equality and the hash code are made of. */
  private @Nullable Object[] values() {
    return new @Nullable Object[] {
      lagoId,
      externalId,
      name,
      email,
      addressLine1,
      addressLine2,
      city,
      state,
      zipcode,
      country,
      phone,
      url,
      legalName,
      legalNumber,
      logoUrl,
      currency,
      timezone,
      applicableTimezone,
      billingConfiguration,
      createdAt,
      updatedAt,
      sequentialId,
      slug,
      billingEntityCode,
      accountType,
      firstname,
      lastname,
      customerType,
      taxIdentificationNumber,
      netPaymentTerm,
      finalizeZeroAmountInvoice,
      skipInvoiceCustomSections,
      shippingAddress,
      metadata,
      other,
      untyped
    };
  }

  @Override
  public String toString() {
    return "LagoCustomer["
        + "lagoId="
        + lagoId
        + ", externalId="
        + externalId
        + ", name="
        + name
        + ", email="
        + email
        + ", addressLine1="
        + addressLine1
        + ", addressLine2="
        + addressLine2
        + ", city="
        + city
        + ", state="
        + state
        + ", zipcode="
        + zipcode
        + ", country="
        + country
        + ", phone="
        + phone
        + ", url="
        + url
        + ", legalName="
        + legalName
        + ", legalNumber="
        + legalNumber
        + ", logoUrl="
        + logoUrl
        + ", currency="
        + currency
        + ", timezone="
        + timezone
        + ", applicableTimezone="
        + applicableTimezone
        + ", billingConfiguration="
        + billingConfiguration
        + ", createdAt="
        + createdAt
        + ", updatedAt="
        + updatedAt
        + ", sequentialId="
        + sequentialId
        + ", slug="
        + slug
        + ", billingEntityCode="
        + billingEntityCode
        + ", accountType="
        + accountType
        + ", firstname="
        + firstname
        + ", lastname="
        + lastname
        + ", customerType="
        + customerType
        + ", taxIdentificationNumber="
        + taxIdentificationNumber
        + ", netPaymentTerm="
        + netPaymentTerm
        + ", finalizeZeroAmountInvoice="
        + finalizeZeroAmountInvoice
        + ", skipInvoiceCustomSections="
        + skipInvoiceCustomSections
        + ", shippingAddress="
        + shippingAddress
        + ", metadata="
        + metadata
        + ", other="
        + other
        + ", untyped="
        + untyped
        + ']';
  }
}
