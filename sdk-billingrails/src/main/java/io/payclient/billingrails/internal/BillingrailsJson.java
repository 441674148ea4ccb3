package io.payclient.billingrails.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.payclient.billingrails.BillingrailsPayment;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
import io.payclient.billingrails.BillingrailsPaymentFailureReason;
import io.payclient.billingrails.BillingrailsPaymentMethod;
import io.payclient.billingrails.BillingrailsPaymentStatus;
import io.payclient.core.internal.Json;
import io.payclient.core.internal.LenientReader;
import io.payclient.core.internal.Link;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Billingrails' wire format: the create body, payment objects in their envelopes, and payment
 * lists. Streaming, no reflection; read under the {@link LenientReader} policy.
 */
public final class BillingrailsJson {
  private static final JsonReader.Options PAYMENT_FIELDS =
      JsonReader.Options.of(
          "object",
          "id",
          "account_id",
          "amount",
          "currency",
          "description",
          "payment_method",
          "payment_method_id",
          "reference_id",
          "reference",
          "status",
          "failure_reason",
          "created_at",
          "payment_link",
          // envelope members, read only at the top level of a create or retrieve response
          "payment",
          "meta");

  private static final JsonReader.Options METHOD_FIELDS =
      JsonReader.Options.of(
          "object",
          "id",
          "status",
          "type",
          "provider",
          "channel",
          "account_id",
          "account_name",
          "details",
          "created_at");

  private static final JsonReader.Options META_FIELDS =
      JsonReader.Options.of(
          "request_id",
          "current_page",
          "per_page",
          "total_count",
          "page",
          "page_size",
          "total_pages");

  private BillingrailsJson() {}

  /**
   * The create body: {@code mode}, {@code account_id}, {@code reference_id}, then each optional
   * field that is set ({@code succeeded_at} as an ISO-8601 UTC date-time, {@code integration_id},
   * {@code payment_method_id}, and the one target id). Unset fields are omitted, never {@code
   * null}. The idempotency key is a header, not part of the body.
   */
  @SuppressWarnings("deprecation") // order_id is still sent when set
  public static byte[] createBody(BillingrailsPaymentCreateRequest request) {
    return Json.write(
        w -> {
          w.beginObject();
          w.name("mode").value(request.mode().wireValue());
          w.name("account_id").value(request.accountId());
          w.name("reference_id").value(request.referenceId());
          Json.writeOptional(
              w, "succeeded_at", request.succeededAt().map(Instant::toString).orElse(null));
          Json.writeOptional(w, "integration_id", request.integrationId().orElse(null));
          Json.writeOptional(w, "payment_method_id", request.paymentMethodId().orElse(null));
          Json.writeOptional(w, "invoice_id", request.invoiceId().orElse(null));
          Json.writeOptional(w, "payment_request_id", request.paymentRequestId().orElse(null));
          Json.writeOptional(w, "credit_grant_id", request.creditGrantId().orElse(null));
          Json.writeOptional(w, "order_id", request.orderId().orElse(null));
          w.endObject();
        });
  }

  /**
   * Reads a create or retrieve response: {@code {"payment":{…},"payment_link":…,"meta":{…}}} in any
   * field order; {@code payment_link} and {@code meta.request_id} go onto the payment. A bare
   * payment object (no {@code payment} member) is accepted too.
   *
   * @throws JsonDataException if there is no payment object, or it has no {@code id}
   */
  public static BillingrailsPayment readPaymentEnvelope(JsonReader r) throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new JsonDataException("Expected a JSON object at " + r.getPath());
    }
    return readEnvelope(r);
  }

  /**
   * A page of payments. Billingrails' {@code meta} comes in two shapes (both in its official Node
   * SDK's types): {@code {request_id, current_page, per_page, total_count}} and {@code {page,
   * page_size, total_pages}}; both are read, and meta fields the server left out, or sent in a
   * shape that is not an integer, are {@code null}.
   *
   * @param payments the payments, each carrying the response's {@code meta.request_id}
   * @param currentPage {@code meta.current_page}, else {@code meta.page}
   * @param perPage {@code meta.per_page}, else {@code meta.page_size}
   * @param totalCount {@code meta.total_count}
   * @param totalPages {@code meta.total_pages}
   * @param requestId {@code meta.request_id}
   */
  public record PaymentList(
      List<BillingrailsPayment> payments,
      @Nullable Long currentPage,
      @Nullable Long perPage,
      @Nullable Long totalCount,
      @Nullable Long totalPages,
      @Nullable String requestId) {}

  /**
   * Reads a list response {@code {"payments":[…],"meta":{…}}} in any field order; unknown fields
   * are skipped, a missing or {@code null} {@code payments} is an empty page.
   *
   * @throws JsonDataException if the body is not an object or a payment has no {@code id}
   */
  public static PaymentList readPaymentList(JsonReader r) throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new JsonDataException("Expected a JSON object at " + r.getPath());
    }
    List<PaymentFields> payments = new ArrayList<>();
    LenientReader meta = new LenientReader();
    Long currentPage = null;
    Long page = null;
    Long perPage = null;
    Long pageSize = null;
    Long totalCount = null;
    Long totalPages = null;
    String requestId = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.nextName()) {
        case "payments" -> {
          if (r.peek() == JsonReader.Token.NULL) {
            r.skipValue();
            continue;
          }
          r.beginArray();
          while (r.hasNext()) {
            payments.add(readFields(r));
          }
          r.endArray();
        }
        case "meta" -> {
          if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
            r.skipValue();
            continue;
          }
          r.beginObject();
          while (r.hasNext()) {
            switch (r.selectName(META_FIELDS)) {
              case 0 -> requestId = meta.string(r, "request_id");
              case 1 -> currentPage = meta.longValue(r, "current_page");
              case 2 -> perPage = meta.longValue(r, "per_page");
              case 3 -> totalCount = meta.longValue(r, "total_count");
              case 4 -> page = meta.longValue(r, "page");
              case 5 -> pageSize = meta.longValue(r, "page_size");
              case 6 -> totalPages = meta.longValue(r, "total_pages");
              default -> {
                r.skipName();
                r.skipValue();
              }
            }
          }
          r.endObject();
        }
        default -> r.skipValue();
      }
    }
    r.endObject();
    // Each payment is built once, now that meta (which may follow the payments) is read.
    BillingrailsPayment[] built = new BillingrailsPayment[payments.size()];
    for (int i = 0; i < built.length; i++) {
      built[i] = payments.get(i).build(requestId, null);
    }
    return new PaymentList(
        List.of(built),
        currentPage != null ? currentPage : page,
        perPage != null ? perPage : pageSize,
        totalCount,
        totalPages,
        requestId);
  }

  /** Reads one payment object (its own {@code payment_link}, if any, is kept). */
  public static BillingrailsPayment readPayment(JsonReader r) throws IOException {
    return readFields(r).build(null, null);
  }

  /**
   * Reads a payment object's fields, checking that it has an {@code id}.
   *
   * @throws JsonDataException if it is not an object, or has no {@code id}
   */
  private static PaymentFields readFields(JsonReader r) throws IOException {
    PaymentFields fields = new PaymentFields();
    r.beginObject();
    while (r.hasNext()) {
      fields.read(r, r.selectName(PAYMENT_FIELDS));
    }
    r.endObject();
    return fields.checked(r);
  }

  /**
   * Reads a response that is either an envelope ({@code payment}, {@code payment_link}, {@code
   * meta}) or a bare payment, in one pass: a payment has no {@code payment} member. (Looking ahead
   * with {@code peekJson} instead cost a copy of the response buffer per call.) The payment is
   * built once, when the envelope's members, in whatever order they came, are known.
   */
  private static BillingrailsPayment readEnvelope(JsonReader r) throws IOException {
    PaymentFields own = new PaymentFields();
    PaymentFields wrapped = null;
    String requestId = null;
    r.beginObject();
    while (r.hasNext()) {
      int field = r.selectName(PAYMENT_FIELDS);
      if (field == PAYMENT) {
        if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
          throw new JsonDataException("'payment' is not an object at " + r.getPath());
        }
        wrapped = readFields(r);
      } else if (field == META) {
        requestId = readRequestId(r);
      } else {
        own.read(r, field);
      }
    }
    r.endObject();
    if (wrapped != null) {
      // The envelope's payment_link, meta.request_id and untypable members go onto the payment.
      if (own.link != null) {
        wrapped.link = own.link;
      }
      return wrapped.build(requestId, own.f);
    }
    return own.checked(r).build(requestId, null); // a bare payment, with meta.request_id if any
  }

  // The indexes of the envelope's members in PAYMENT_FIELDS.
  private static final int PAYMENT = 14;
  private static final int META = 15;

  /** A payment object's fields as read, built into a payment once its envelope is read. */
  private static final class PaymentFields {
    final LenientReader f = new LenientReader();
    @Nullable String object;
    @Nullable String id;
    @Nullable String accountId;
    @Nullable Long amount;
    @Nullable String currency;
    @Nullable String description;
    @Nullable BillingrailsPaymentMethod method;
    @Nullable String paymentMethodId;
    @Nullable String referenceId;
    @Nullable String legacyReference;
    @Nullable String status;
    @Nullable String failureReason;
    @Nullable Instant createdAt;
    @Nullable Link link;

    /**
     * Reads the value of the member that {@code selectName} matched: {@code field} is its index in
     * {@link #PAYMENT_FIELDS}, or -1 for a name the SDK does not read (skipped).
     */
    void read(JsonReader r, int field) throws IOException {
      switch (field) {
        case 0 -> object = f.string(r, "object");
        case 1 -> id = f.string(r, "id");
        case 2 -> accountId = f.string(r, "account_id");
        case 3 -> amount = f.longValue(r, "amount");
        case 4 -> currency = f.string(r, "currency");
        case 5 -> description = f.string(r, "description");
        case 6 -> method = readPaymentMethod(r, f);
        case 7 -> paymentMethodId = f.string(r, "payment_method_id");
        case 8 -> referenceId = f.string(r, "reference_id");
        case 9 -> legacyReference = f.string(r, "reference");
        case 10 -> status = f.string(r, "status");
        case 11 -> failureReason = f.string(r, "failure_reason");
        case 12 -> createdAt = f.instant(r, "created_at");
        case 13 -> link = f.link(r, "payment_link");
        case PAYMENT, META -> r.skipValue(); // envelope members: not a payment's own
        default -> {
          r.skipName();
          r.skipValue();
        }
      }
    }

    /** These fields, when they have an {@code id}; {@code r} is where the object ended. */
    PaymentFields checked(JsonReader r) {
      if (id == null || id.isBlank()) {
        throw new JsonDataException("A Billingrails payment without 'id' at " + r.getPath());
      }
      return this;
    }

    /**
     * The payment, with the request id of its response (or its envelope's) and its envelope's
     * untypable members after its own.
     */
    BillingrailsPayment build(@Nullable String requestId, @Nullable LenientReader envelope) {
      Map<String, String> untyped = f.untyped();
      if (envelope != null && envelope.anyUntyped()) {
        untyped = new LinkedHashMap<>(untyped);
        untyped.putAll(envelope.untyped());
      }
      return BillingrailsAccess.get()
          .billingrailsPayment(
              object,
              Objects.requireNonNull(id, "id"),
              accountId,
              amount,
              currency,
              description,
              method,
              paymentMethodId,
              referenceId != null ? referenceId : legacyReference,
              BillingrailsPaymentStatus.fromWire(status),
              status,
              f.isUntyped("failure_reason")
                  ? BillingrailsPaymentFailureReason.UNKNOWN
                  : BillingrailsPaymentFailureReason.fromWire(failureReason),
              failureReason,
              createdAt,
              link,
              requestId,
              untyped);
    }
  }

  /**
   * Reads a {@code payment_method} object; {@code null} gives {@code null}, and so does a value
   * that is not an object, whose raw text goes into the payment's {@code untyped()}; so do its own
   * untypable fields, named {@code payment_method.<field>}.
   */
  static @Nullable BillingrailsPaymentMethod readPaymentMethod(JsonReader r, LenientReader owner)
      throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
      owner.object(r, "payment_method");
      return null;
    }
    LenientReader f = new LenientReader();
    String object = null;
    String id = null;
    String status = null;
    String type = null;
    String provider = null;
    String channel = null;
    String accountId = null;
    String accountName = null;
    Map<String, @Nullable Object> details = Map.of();
    Instant createdAt = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(METHOD_FIELDS)) {
        case 0 -> object = f.string(r, "object");
        case 1 -> id = f.string(r, "id");
        case 2 -> status = f.string(r, "status");
        case 3 -> type = f.string(r, "type");
        case 4 -> provider = f.string(r, "provider");
        case 5 -> channel = f.string(r, "channel");
        case 6 -> accountId = f.string(r, "account_id");
        case 7 -> accountName = f.string(r, "account_name");
        case 8 -> details = f.object(r, "details");
        case 9 -> createdAt = f.instant(r, "created_at");
        default -> {
          r.skipName();
          r.skipValue();
        }
      }
    }
    r.endObject();
    owner.adopt("payment_method.", f);
    return BillingrailsAccess.get()
        .billingrailsPaymentMethod(
            object,
            id,
            status,
            type,
            provider,
            channel,
            accountId,
            accountName,
            details,
            createdAt);
  }

  /** Reads {@code meta.request_id}; other meta fields (pagination) are skipped. */
  static @Nullable String readRequestId(JsonReader r) throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
      r.skipValue();
      return null;
    }
    String requestId = null;
    r.beginObject();
    while (r.hasNext()) {
      if (r.nextName().equals("request_id")
          && r.peek() != JsonReader.Token.BEGIN_OBJECT
          && r.peek() != JsonReader.Token.BEGIN_ARRAY) {
        requestId = Json.nextString(r);
      } else {
        r.skipValue();
      }
    }
    r.endObject();
    return requestId;
  }
}
