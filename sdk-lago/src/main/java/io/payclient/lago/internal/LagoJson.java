package io.payclient.lago.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.payclient.core.internal.Json;
import io.payclient.lago.LagoPaginationMeta;
import io.payclient.lago.LagoPayableType;
import io.payclient.lago.LagoPayment;
import io.payclient.lago.LagoPaymentCreateRequest;
import io.payclient.lago.LagoPaymentProviderType;
import io.payclient.lago.LagoPaymentType;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Lago's wire format: the create body, and payment objects. Streaming, no reflection. */
public final class LagoJson {
  private static final JsonReader.Options PAYMENT_FIELDS =
      JsonReader.Options.of(
          "lago_id",
          "lago_customer_id",
          "external_customer_id",
          "invoice_ids",
          "invoice_numbers",
          "lago_payable_id",
          "payable_type",
          "amount_cents",
          "amount_currency",
          "status",
          "payment_status",
          "type",
          "reference",
          "payment_provider_code",
          "payment_provider_type",
          "external_payment_id",
          "provider_payment_id",
          "provider_customer_id",
          "payment_method_id",
          "next_action",
          "created_at",
          // the envelope of a create or retrieve response; a payment has no such member
          "payment");

  private LagoJson() {}

  /**
   * {@code {"payment":{"invoice_id":…,"amount_cents":…,"reference":…,"paid_at":…}}}; {@code
   * paid_at} only when set.
   */
  public static byte[] createBody(LagoPaymentCreateRequest request) {
    return Json.write(
        w -> {
          w.beginObject().name("payment").beginObject();
          w.name("invoice_id").value(request.invoiceId());
          w.name("amount_cents").value(request.amountCents());
          w.name("reference").value(request.reference());
          if (request.paidAt().isPresent()) {
            w.name("paid_at").value(request.paidAt().get().toString());
          }
          w.endObject().endObject();
        });
  }

  /**
   * Reads {@code {"payment":{…}}}; also accepts a bare payment object (the OpenAPI spec shows the
   * retrieve response unwrapped, although the server wraps it).
   *
   * @throws JsonDataException if there is no payment or it has no {@code lago_id}
   */
  public static LagoPayment readPaymentEnvelope(JsonReader r) throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new JsonDataException("Expected a JSON object at " + r.getPath());
    }
    r.beginObject();
    LagoPayment p = readFields(r, true);
    r.endObject();
    return p;
  }

  /** Reads one payment object. */
  public static LagoPayment readPayment(JsonReader r) throws IOException {
    r.beginObject();
    LagoPayment p = readFields(r, false);
    r.endObject();
    return p;
  }

  /** A page of payments: {@code {"payments":[…],"meta":{…}}}. */
  public record PaymentList(List<LagoPayment> payments, LagoPaginationMeta meta) {}

  /** Reads {@code {"payments":[…],"meta":{…}}}; a missing meta means a single page. */
  public static PaymentList readPaymentList(JsonReader r) throws IOException {
    List<LagoPayment> payments = new ArrayList<>();
    LagoPaginationMeta meta = new LagoPaginationMeta(1, null, null, null, null);
    r.beginObject();
    while (r.hasNext()) {
      switch (r.nextName()) {
        case "payments" -> {
          r.beginArray();
          while (r.hasNext()) {
            payments.add(readPayment(r));
          }
          r.endArray();
        }
        case "meta" -> meta = readMeta(r);
        default -> r.skipValue();
      }
    }
    r.endObject();
    return new PaymentList(List.copyOf(payments), meta);
  }

  /** Reads Lago's pagination {@code meta}. */
  public static LagoPaginationMeta readMeta(JsonReader r) throws IOException {
    Long current = null;
    Long next = null;
    Long prev = null;
    Long pages = null;
    Long count = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.nextName()) {
        case "current_page" -> current = Json.nextLong(r);
        case "next_page" -> next = Json.nextLong(r);
        case "prev_page" -> prev = Json.nextLong(r);
        case "total_pages" -> pages = Json.nextLong(r);
        case "total_count" -> count = Json.nextLong(r);
        default -> r.skipValue();
      }
    }
    r.endObject();
    return new LagoPaginationMeta(
        current == null ? 1 : Math.toIntExact(current),
        next == null ? null : Math.toIntExact(next),
        prev == null ? null : Math.toIntExact(prev),
        pages == null ? null : Math.toIntExact(pages),
        count);
  }

  /**
   * Reads the members of a payment object or, when {@code envelope}, of a response that is either
   * {@code {"payment":{…}}} or a bare payment, in one pass. (Looking ahead with {@code peekJson}
   * instead cost a copy of the response buffer per call.)
   */
  private static LagoPayment readFields(JsonReader r, boolean envelope) throws IOException {
    LagoPayment wrapped = null;
    String lagoId = null;
    String lagoCustomerId = null;
    String externalCustomerId = null;
    List<String> invoiceIds = List.of();
    List<String> invoiceNumbers = List.of();
    String lagoPayableId = null;
    String payableType = null;
    Long amountCents = null;
    String amountCurrency = null;
    String status = null;
    String paymentStatus = null;
    String type = null;
    String reference = null;
    String providerCode = null;
    String providerType = null;
    String externalPaymentId = null;
    String providerPaymentId = null;
    String providerCustomerId = null;
    String paymentMethodId = null;
    Map<String, @Nullable Object> nextAction = Map.of();
    Instant createdAt = null;
    while (r.hasNext()) {
      switch (r.selectName(PAYMENT_FIELDS)) {
        case 0 -> lagoId = Json.nextString(r);
        case 1 -> lagoCustomerId = Json.nextString(r);
        case 2 -> externalCustomerId = Json.nextString(r);
        case 3 -> invoiceIds = Json.nextStringList(r);
        case 4 -> invoiceNumbers = Json.nextStringList(r);
        case 5 -> lagoPayableId = Json.nextString(r);
        case 6 -> payableType = Json.nextString(r);
        case 7 -> amountCents = Json.nextLong(r);
        case 8 -> amountCurrency = Json.nextString(r);
        case 9 -> status = Json.nextString(r);
        case 10 -> paymentStatus = Json.nextString(r);
        case 11 -> type = Json.nextString(r);
        case 12 -> reference = Json.nextString(r);
        case 13 -> providerCode = Json.nextString(r);
        case 14 -> providerType = Json.nextString(r);
        case 15 -> externalPaymentId = Json.nextString(r);
        case 16 -> providerPaymentId = Json.nextString(r);
        case 17 -> providerCustomerId = Json.nextString(r);
        case 18 -> paymentMethodId = Json.nextString(r);
        case 19 -> nextAction = Json.nextObject(r);
        case 20 -> createdAt = Json.nextInstant(r);
        case 21 -> {
          if (!envelope) {
            r.skipValue();
          } else if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
            throw new JsonDataException("'payment' is not an object at " + r.getPath());
          } else {
            wrapped = readPayment(r);
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
      throw new JsonDataException("A Lago payment without 'lago_id' at " + r.getPath());
    }
    return new LagoPayment(
        lagoId,
        lagoCustomerId,
        externalCustomerId,
        invoiceIds,
        invoiceNumbers,
        lagoPayableId,
        LagoPayableType.fromWire(payableType),
        payableType,
        amountCents,
        amountCurrency,
        status,
        paymentStatus,
        LagoPaymentType.fromWire(type),
        type,
        reference,
        providerCode,
        LagoPaymentProviderType.fromWire(providerType),
        providerType,
        externalPaymentId,
        providerPaymentId,
        providerCustomerId,
        paymentMethodId,
        nextAction,
        createdAt);
  }
}
