package io.payclient.lago.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.payclient.core.internal.Json;
import io.payclient.core.internal.LenientReader;
import io.payclient.lago.LagoCustomer;
import io.payclient.lago.LagoInvoice;
import io.payclient.lago.LagoPaginationMeta;
import io.payclient.lago.LagoPaymentRequest;
import io.payclient.lago.LagoPaymentRequestCreateRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Lago's payment-request wire format, read under the {@link LenientReader} policy: every field the
 * spec lists is typed (the embedded customer and invoices too), unknown fields of the customer and
 * invoices are kept in their {@code other()}.
 */
public final class LagoPaymentRequestJson {
  private static final JsonReader.Options REQUEST_FIELDS =
      JsonReader.Options.of(
          "lago_id",
          "email",
          "amount_cents",
          "amount_currency",
          "payment_status",
          "created_at",
          "customer",
          "invoices",
          // the envelope of a create or retrieve response; a payment request has no such member
          "payment_request");

  private LagoPaymentRequestJson() {}

  /**
   * {@code {"payment_request":{"external_customer_id":…,"lago_invoice_ids":[…],"email":…,
   * "payment_method":{…}}}}; {@code email} and {@code payment_method} only when set.
   */
  public static byte[] createBody(LagoPaymentRequestCreateRequest request) {
    return Json.write(
        w -> {
          w.beginObject().name("payment_request").beginObject();
          w.name("external_customer_id").value(request.externalCustomerId());
          w.name("lago_invoice_ids").beginArray();
          for (String id : request.lagoInvoiceIds()) {
            w.value(id);
          }
          w.endArray();
          Json.writeOptional(w, "email", request.email().orElse(null));
          if (request.paymentMethodType().isPresent() || request.paymentMethodId().isPresent()) {
            w.name("payment_method").beginObject();
            Json.writeOptional(
                w,
                "payment_method_type",
                request.paymentMethodType().map(t -> t.wireValue()).orElse(null));
            Json.writeOptional(w, "payment_method_id", request.paymentMethodId().orElse(null));
            w.endObject();
          }
          w.endObject().endObject();
        });
  }

  /** A page of payment requests. */
  public record PaymentRequestList(List<LagoPaymentRequest> items, LagoPaginationMeta meta) {}

  /**
   * Reads {@code {"payment_request":{…}}} or a bare payment request (what the spec shows), with the
   * same envelope reader as payments ({@link LagoJson#readEnvelope}).
   *
   * @throws JsonDataException if there is no payment request, or it has no {@code lago_id}
   */
  public static LagoPaymentRequest readEnvelope(JsonReader r) throws IOException {
    return LagoJson.readEnvelope(r, LagoPaymentRequestJson::readMembers);
  }

  /** Reads {@code {"payment_requests":[…],"meta":{…}}}; a missing meta means a single page. */
  public static PaymentRequestList readList(JsonReader r) throws IOException {
    List<LagoPaymentRequest> items = new ArrayList<>();
    LagoPaginationMeta meta = LagoAccess.get().lagoPaginationMeta(1, null, null, null, null);
    r.beginObject();
    while (r.hasNext()) {
      switch (r.nextName()) {
        case "payment_requests" -> {
          if (r.peek() == JsonReader.Token.NULL) {
            r.nextNull();
            continue;
          }
          r.beginArray();
          while (r.hasNext()) {
            items.add(read(r));
          }
          r.endArray();
        }
        case "meta" -> meta = LagoJson.readMeta(r);
        default -> r.skipValue();
      }
    }
    r.endObject();
    return new PaymentRequestList(List.copyOf(items), meta);
  }

  /** Reads one payment request object. */
  public static LagoPaymentRequest read(JsonReader r) throws IOException {
    return LagoJson.readWrapped(r, LagoPaymentRequestJson::readMembers);
  }

  private static LagoPaymentRequest readMembers(JsonReader r, boolean envelope) throws IOException {
    LenientReader f = new LenientReader();
    LagoPaymentRequest wrapped = null;
    String lagoId = null;
    String email = null;
    Long amountCents = null;
    String currency = null;
    String status = null;
    Instant createdAt = null;
    LagoCustomer customer = null;
    List<LagoInvoice> invoices = List.of();
    while (r.hasNext()) {
      switch (r.selectName(REQUEST_FIELDS)) {
        case 0 -> lagoId = f.string(r, "lago_id");
        case 1 -> email = f.string(r, "email");
        case 2 -> amountCents = f.longValue(r, "amount_cents");
        case 3 -> currency = f.string(r, "amount_currency");
        case 4 -> status = f.string(r, "payment_status");
        case 5 -> createdAt = f.instant(r, "created_at");
        case 6 -> customer = readCustomer(r, f);
        case 7 -> invoices = readInvoices(r, f);
        case 8 -> {
          if (envelope) {
            wrapped = read(r);
          } else {
            r.skipValue();
          }
        }
        default -> {
          r.skipName();
          r.skipValue();
        }
      }
    }
    if (wrapped != null) {
      return wrapped;
    }
    if (lagoId == null || lagoId.isBlank()) {
      throw new JsonDataException("A Lago payment request without 'lago_id' at " + r.getPath());
    }
    return LagoAccess.get()
        .lagoPaymentRequest(
            lagoId,
            email,
            amountCents,
            currency,
            status,
            createdAt,
            customer,
            invoices,
            f.untyped());
  }

  /** The customer, or {@code null}; a value that is not an object is untypable. */
  private static @Nullable LagoCustomer readCustomer(JsonReader r, LenientReader owner)
      throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
      owner.object(r, "customer"); // null is absent; another shape keeps its raw text
      return null;
    }
    return readCustomerObject(r, new LenientReader());
  }

  /** The invoices; a value that is not an array of objects is untypable. */
  private static List<LagoInvoice> readInvoices(JsonReader r, LenientReader owner)
      throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_ARRAY) {
      owner.objectList(r, "invoices");
      return List.of();
    }
    List<LagoInvoice> out = new ArrayList<>();
    r.beginArray();
    while (r.hasNext()) {
      if (r.peek() == JsonReader.Token.BEGIN_OBJECT) {
        out.add(readInvoiceObject(r, new LenientReader()));
      } else {
        owner.untypable("invoices[" + out.size() + "]", LenientReader.rawText(r));
      }
    }
    r.endArray();
    return List.copyOf(out);
  }

  private static final JsonReader.Options CUSTOMER_FIELDS =
      JsonReader.Options.of(
          "lago_id",
          "external_id",
          "name",
          "email",
          "address_line1",
          "address_line2",
          "city",
          "state",
          "zipcode",
          "country",
          "phone",
          "url",
          "legal_name",
          "legal_number",
          "logo_url",
          "currency",
          "timezone",
          "applicable_timezone",
          "billing_configuration",
          "created_at",
          "updated_at",
          "sequential_id",
          "slug",
          "billing_entity_code",
          "account_type",
          "firstname",
          "lastname",
          "customer_type",
          "tax_identification_number",
          "net_payment_term",
          "finalize_zero_amount_invoice",
          "skip_invoice_custom_sections",
          "shipping_address",
          "metadata");

  private static LagoCustomer readCustomerObject(JsonReader r, LenientReader f) throws IOException {
    String lagoId = null;
    String externalId = null;
    String name = null;
    String email = null;
    String addressLine1 = null;
    String addressLine2 = null;
    String city = null;
    String state = null;
    String zipcode = null;
    String country = null;
    String phone = null;
    String url = null;
    String legalName = null;
    String legalNumber = null;
    String logoUrl = null;
    String currency = null;
    String timezone = null;
    String applicableTimezone = null;
    Map<String, Object> billingConfiguration = Map.of();
    Instant createdAt = null;
    Instant updatedAt = null;
    Long sequentialId = null;
    String slug = null;
    String billingEntityCode = null;
    String accountType = null;
    String firstname = null;
    String lastname = null;
    String customerType = null;
    String taxIdentificationNumber = null;
    Long netPaymentTerm = null;
    String finalizeZeroAmountInvoice = null;
    Boolean skipInvoiceCustomSections = null;
    Map<String, Object> shippingAddress = Map.of();
    List<Map<String, Object>> metadata = List.of();
    Map<String, @Nullable Object> other = new LinkedHashMap<>();
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(CUSTOMER_FIELDS)) {
        case 0 -> lagoId = f.string(r, "lago_id");
        case 1 -> externalId = f.string(r, "external_id");
        case 2 -> name = f.string(r, "name");
        case 3 -> email = f.string(r, "email");
        case 4 -> addressLine1 = f.string(r, "address_line1");
        case 5 -> addressLine2 = f.string(r, "address_line2");
        case 6 -> city = f.string(r, "city");
        case 7 -> state = f.string(r, "state");
        case 8 -> zipcode = f.string(r, "zipcode");
        case 9 -> country = f.string(r, "country");
        case 10 -> phone = f.string(r, "phone");
        case 11 -> url = f.string(r, "url");
        case 12 -> legalName = f.string(r, "legal_name");
        case 13 -> legalNumber = f.string(r, "legal_number");
        case 14 -> logoUrl = f.string(r, "logo_url");
        case 15 -> currency = f.string(r, "currency");
        case 16 -> timezone = f.string(r, "timezone");
        case 17 -> applicableTimezone = f.string(r, "applicable_timezone");
        case 18 -> billingConfiguration = f.object(r, "billing_configuration");
        case 19 -> createdAt = f.instant(r, "created_at");
        case 20 -> updatedAt = f.instant(r, "updated_at");
        case 21 -> sequentialId = f.longValue(r, "sequential_id");
        case 22 -> slug = f.string(r, "slug");
        case 23 -> billingEntityCode = f.string(r, "billing_entity_code");
        case 24 -> accountType = f.string(r, "account_type");
        case 25 -> firstname = f.string(r, "firstname");
        case 26 -> lastname = f.string(r, "lastname");
        case 27 -> customerType = f.string(r, "customer_type");
        case 28 -> taxIdentificationNumber = f.string(r, "tax_identification_number");
        case 29 -> netPaymentTerm = f.longValue(r, "net_payment_term");
        case 30 -> finalizeZeroAmountInvoice = f.string(r, "finalize_zero_amount_invoice");
        case 31 -> skipInvoiceCustomSections = f.bool(r, "skip_invoice_custom_sections");
        case 32 -> shippingAddress = f.object(r, "shipping_address");
        case 33 -> metadata = f.objectList(r, "metadata");
        default -> other.put(r.nextName(), LenientReader.value(r));
      }
    }
    r.endObject();
    return LagoAccess.get()
        .lagoCustomer(
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
            f.untyped());
  }

  private static final JsonReader.Options INVOICE_FIELDS =
      JsonReader.Options.of(
          "lago_id",
          "sequential_id",
          "number",
          "issuing_date",
          "payment_due_date",
          "payment_dispute_lost_at",
          "payment_overdue",
          "invoice_type",
          "version_number",
          "status",
          "payment_status",
          "currency",
          "net_payment_term",
          "fees_amount_cents",
          "taxes_amount_cents",
          "coupons_amount_cents",
          "credit_notes_amount_cents",
          "sub_total_excluding_taxes_amount_cents",
          "sub_total_including_taxes_amount_cents",
          "prepaid_credit_amount_cents",
          "prepaid_granted_credit_amount_cents",
          "prepaid_purchased_credit_amount_cents",
          "total_amount_cents",
          "total_due_amount_cents",
          "billing_entity_code",
          "progressive_billing_credit_amount_cents",
          "self_billed",
          "file_url",
          "web_url",
          "created_at",
          "updated_at");

  private static LagoInvoice readInvoiceObject(JsonReader r, LenientReader f) throws IOException {
    String lagoId = null;
    Long sequentialId = null;
    String number = null;
    LocalDate issuingDate = null;
    LocalDate paymentDueDate = null;
    Instant paymentDisputeLostAt = null;
    Boolean paymentOverdue = null;
    String invoiceType = null;
    Long versionNumber = null;
    String status = null;
    String paymentStatus = null;
    String currency = null;
    Long netPaymentTerm = null;
    Long feesAmountCents = null;
    Long taxesAmountCents = null;
    Long couponsAmountCents = null;
    Long creditNotesAmountCents = null;
    Long subTotalExcludingTaxesAmountCents = null;
    Long subTotalIncludingTaxesAmountCents = null;
    Long prepaidCreditAmountCents = null;
    Long prepaidGrantedCreditAmountCents = null;
    Long prepaidPurchasedCreditAmountCents = null;
    Long totalAmountCents = null;
    Long totalDueAmountCents = null;
    String billingEntityCode = null;
    Long progressiveBillingCreditAmountCents = null;
    Boolean selfBilled = null;
    String fileUrl = null;
    String webUrl = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    Map<String, @Nullable Object> other = new LinkedHashMap<>();
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(INVOICE_FIELDS)) {
        case 0 -> lagoId = f.string(r, "lago_id");
        case 1 -> sequentialId = f.longValue(r, "sequential_id");
        case 2 -> number = f.string(r, "number");
        case 3 -> issuingDate = f.date(r, "issuing_date");
        case 4 -> paymentDueDate = f.date(r, "payment_due_date");
        case 5 -> paymentDisputeLostAt = f.instant(r, "payment_dispute_lost_at");
        case 6 -> paymentOverdue = f.bool(r, "payment_overdue");
        case 7 -> invoiceType = f.string(r, "invoice_type");
        case 8 -> versionNumber = f.longValue(r, "version_number");
        case 9 -> status = f.string(r, "status");
        case 10 -> paymentStatus = f.string(r, "payment_status");
        case 11 -> currency = f.string(r, "currency");
        case 12 -> netPaymentTerm = f.longValue(r, "net_payment_term");
        case 13 -> feesAmountCents = f.longValue(r, "fees_amount_cents");
        case 14 -> taxesAmountCents = f.longValue(r, "taxes_amount_cents");
        case 15 -> couponsAmountCents = f.longValue(r, "coupons_amount_cents");
        case 16 -> creditNotesAmountCents = f.longValue(r, "credit_notes_amount_cents");
        case 17 ->
            subTotalExcludingTaxesAmountCents =
                f.longValue(r, "sub_total_excluding_taxes_amount_cents");
        case 18 ->
            subTotalIncludingTaxesAmountCents =
                f.longValue(r, "sub_total_including_taxes_amount_cents");
        case 19 -> prepaidCreditAmountCents = f.longValue(r, "prepaid_credit_amount_cents");
        case 20 ->
            prepaidGrantedCreditAmountCents = f.longValue(r, "prepaid_granted_credit_amount_cents");
        case 21 ->
            prepaidPurchasedCreditAmountCents =
                f.longValue(r, "prepaid_purchased_credit_amount_cents");
        case 22 -> totalAmountCents = f.longValue(r, "total_amount_cents");
        case 23 -> totalDueAmountCents = f.longValue(r, "total_due_amount_cents");
        case 24 -> billingEntityCode = f.string(r, "billing_entity_code");
        case 25 ->
            progressiveBillingCreditAmountCents =
                f.longValue(r, "progressive_billing_credit_amount_cents");
        case 26 -> selfBilled = f.bool(r, "self_billed");
        case 27 -> fileUrl = f.string(r, "file_url");
        case 28 -> webUrl = f.string(r, "web_url");
        case 29 -> createdAt = f.instant(r, "created_at");
        case 30 -> updatedAt = f.instant(r, "updated_at");
        default -> other.put(r.nextName(), LenientReader.value(r));
      }
    }
    r.endObject();
    return LagoAccess.get()
        .lagoInvoice(
            lagoId,
            sequentialId,
            number,
            issuingDate,
            paymentDueDate,
            paymentDisputeLostAt,
            paymentOverdue,
            invoiceType,
            versionNumber,
            status,
            paymentStatus,
            currency,
            netPaymentTerm,
            feesAmountCents,
            taxesAmountCents,
            couponsAmountCents,
            creditNotesAmountCents,
            subTotalExcludingTaxesAmountCents,
            subTotalIncludingTaxesAmountCents,
            prepaidCreditAmountCents,
            prepaidGrantedCreditAmountCents,
            prepaidPurchasedCreditAmountCents,
            totalAmountCents,
            totalDueAmountCents,
            billingEntityCode,
            progressiveBillingCreditAmountCents,
            selfBilled,
            fileUrl,
            webUrl,
            createdAt,
            updatedAt,
            other,
            f.untyped());
  }
}
