package io.payclient.lago.internal;

import io.payclient.lago.LagoCustomer;
import io.payclient.lago.LagoInvoice;
import io.payclient.lago.LagoPaginationMeta;
import io.payclient.lago.LagoPayableType;
import io.payclient.lago.LagoPayment;
import io.payclient.lago.LagoPaymentProviderType;
import io.payclient.lago.LagoPaymentRequest;
import io.payclient.lago.LagoPaymentType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Not API: how this module's readers construct the Lago types applications only receive, whose
 * constructors are package-private so that a new wire field is never a binary break. The pattern is
 * the JDK's {@code SharedSecrets} (OkHttp's {@code Internal}), as in {@code
 * io.payclient.core.internal.CoreAccess}: {@link LagoPayment}'s static initializer installs the
 * implementation, and {@link #get()} makes sure that has run.
 */
public abstract class LagoAccess {
  private static volatile @Nullable LagoAccess instance;

  /** For the implementation in {@code io.payclient.lago} only. */
  protected LagoAccess() {}

  /**
   * Installs the implementation; called once, by {@code io.payclient.lago}.
   *
   * @throws IllegalStateException if one is installed already
   */
  public static synchronized void install(LagoAccess access) {
    if (instance != null) {
      throw new IllegalStateException("LagoAccess is installed already");
    }
    instance = access;
  }

  /**
   * The installed implementation.
   *
   * @throws IllegalStateException if {@code io.payclient.lago} failed to install it (never
   *     expected)
   */
  public static LagoAccess get() {
    LagoAccess access = instance;
    if (access != null) {
      return access;
    }
    try {
      Class.forName(LagoPayment.class.getName(), true, LagoPayment.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    access = instance;
    if (access == null) {
      throw new IllegalStateException("io.payclient.lago did not install LagoAccess");
    }
    return access;
  }

  /** A {@link LagoPayment}, through its package-private constructor. */
  public abstract LagoPayment lagoPayment(
      String lagoId,
      @Nullable String lagoCustomerId,
      @Nullable String externalCustomerId,
      List<String> invoiceIds,
      List<String> invoiceNumbers,
      @Nullable String lagoPayableId,
      LagoPayableType payableType,
      @Nullable String rawPayableType,
      @Nullable Long amountCents,
      @Nullable String amountCurrency,
      @Nullable String status,
      @Nullable String paymentStatus,
      LagoPaymentType type,
      @Nullable String rawType,
      @Nullable String reference,
      @Nullable String paymentProviderCode,
      LagoPaymentProviderType paymentProviderType,
      @Nullable String rawPaymentProviderType,
      @Nullable String externalPaymentId,
      @Nullable String providerPaymentId,
      @Nullable String providerCustomerId,
      @Nullable String paymentMethodId,
      Map<String, @Nullable Object> nextAction,
      @Nullable Instant createdAt,
      Map<String, String> untyped);

  /** A {@link LagoPaymentRequest}, through its package-private constructor. */
  public abstract LagoPaymentRequest lagoPaymentRequest(
      String lagoId,
      @Nullable String email,
      @Nullable Long amountCents,
      @Nullable String amountCurrency,
      @Nullable String paymentStatus,
      @Nullable Instant createdAt,
      @Nullable LagoCustomer customer,
      List<LagoInvoice> invoices,
      Map<String, String> untyped);

  /** A {@link LagoCustomer}, through its package-private constructor. */
  public abstract LagoCustomer lagoCustomer(
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
      Map<String, String> untyped);

  /** A {@link LagoInvoice}, through its package-private constructor. */
  public abstract LagoInvoice lagoInvoice(
      @Nullable String lagoId,
      @Nullable Long sequentialId,
      @Nullable String number,
      @Nullable LocalDate issuingDate,
      @Nullable LocalDate paymentDueDate,
      @Nullable Instant paymentDisputeLostAt,
      @Nullable Boolean paymentOverdue,
      @Nullable String invoiceType,
      @Nullable Long versionNumber,
      @Nullable String status,
      @Nullable String paymentStatus,
      @Nullable String currency,
      @Nullable Long netPaymentTerm,
      @Nullable Long feesAmountCents,
      @Nullable Long taxesAmountCents,
      @Nullable Long couponsAmountCents,
      @Nullable Long creditNotesAmountCents,
      @Nullable Long subTotalExcludingTaxesAmountCents,
      @Nullable Long subTotalIncludingTaxesAmountCents,
      @Nullable Long prepaidCreditAmountCents,
      @Nullable Long prepaidGrantedCreditAmountCents,
      @Nullable Long prepaidPurchasedCreditAmountCents,
      @Nullable Long totalAmountCents,
      @Nullable Long totalDueAmountCents,
      @Nullable String billingEntityCode,
      @Nullable Long progressiveBillingCreditAmountCents,
      @Nullable Boolean selfBilled,
      @Nullable String fileUrl,
      @Nullable String webUrl,
      @Nullable Instant createdAt,
      @Nullable Instant updatedAt,
      Map<String, @Nullable Object> other,
      Map<String, String> untyped);

  /** A {@link LagoPaginationMeta}, through its package-private constructor. */
  public abstract LagoPaginationMeta lagoPaginationMeta(
      int currentPage,
      @Nullable Integer nextPage,
      @Nullable Integer prevPage,
      @Nullable Integer totalPages,
      @Nullable Long totalCount);
}
