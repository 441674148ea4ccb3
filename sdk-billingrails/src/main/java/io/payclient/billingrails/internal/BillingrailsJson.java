package io.payclient.billingrails.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.payclient.billingrails.BillingrailsPayment;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
import io.payclient.billingrails.BillingrailsPaymentFailureReason;
import io.payclient.billingrails.BillingrailsPaymentMethod;
import io.payclient.billingrails.BillingrailsPaymentStatus;
import io.payclient.core.internal.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Billingrails' wire format: the create body, payment objects in their envelopes, and payment
 * lists. Streaming, no reflection; unknown fields are skipped and optional fields tolerate {@code
 * null}.
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

  private BillingrailsJson() {}

  /**
   * The create body: {@code mode}, {@code account_id}, {@code reference_id}, then each optional
   * field that is set ({@code succeeded_at} as an ISO-8601 UTC date-time, {@code integration_id},
   * {@code payment_method_id}, and the one target id). Unset fields are omitted, never {@code
   * null}. The idempotency key is a header, not part of the body.
   */
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
    return readObject(r, true);
  }

  /**
   * A page of payments: {@code {"payments":[…],"meta":{request_id, current_page, per_page,
   * total_count}}}. Meta fields the server left out are {@code null}.
   *
   * @param payments the payments, each carrying the response's {@code meta.request_id}
   * @param currentPage {@code meta.current_page}
   * @param perPage {@code meta.per_page}
   * @param totalCount {@code meta.total_count}
   * @param requestId {@code meta.request_id}
   */
  public record PaymentList(
      List<BillingrailsPayment> payments,
      @Nullable Long currentPage,
      @Nullable Long perPage,
      @Nullable Long totalCount,
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
    List<BillingrailsPayment> payments = new ArrayList<>();
    Long currentPage = null;
    Long perPage = null;
    Long totalCount = null;
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
            payments.add(readPayment(r));
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
            switch (r.nextName()) {
              case "request_id" -> requestId = Json.nextString(r);
              case "current_page" -> currentPage = Json.nextLong(r);
              case "per_page" -> perPage = Json.nextLong(r);
              case "total_count" -> totalCount = Json.nextLong(r);
              default -> r.skipValue();
            }
          }
          r.endObject();
        }
        default -> r.skipValue();
      }
    }
    r.endObject();
    List<BillingrailsPayment> withRequestId = new ArrayList<>(payments.size());
    for (BillingrailsPayment p : payments) {
      withRequestId.add(withEnvelope(p, null, requestId));
    }
    return new PaymentList(List.copyOf(withRequestId), currentPage, perPage, totalCount, requestId);
  }

  /** Reads one payment object (its own {@code payment_link}, if any, is kept). */
  public static BillingrailsPayment readPayment(JsonReader r) throws IOException {
    return readObject(r, false);
  }

  /**
   * Reads a payment object or, when {@code envelope}, a response that is either an envelope ({@code
   * payment}, {@code payment_link}, {@code meta}) or a bare payment, in one pass: a payment has no
   * {@code payment} member. (Looking ahead with {@code peekJson} instead cost a copy of the
   * response buffer per call.)
   */
  private static BillingrailsPayment readObject(JsonReader r, boolean envelope) throws IOException {
    BillingrailsPayment wrapped = null;
    String requestId = null;
    String object = null;
    String id = null;
    String accountId = null;
    Long amount = null;
    String currency = null;
    String description = null;
    BillingrailsPaymentMethod method = null;
    String paymentMethodId = null;
    String referenceId = null;
    String legacyReference = null;
    String status = null;
    String failureReason = null;
    Instant createdAt = null;
    URI link = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(PAYMENT_FIELDS)) {
        case 0 -> object = Json.nextString(r);
        case 1 -> id = Json.nextString(r);
        case 2 -> accountId = Json.nextString(r);
        case 3 -> amount = Json.nextLong(r);
        case 4 -> currency = Json.nextString(r);
        case 5 -> description = Json.nextString(r);
        case 6 -> method = readPaymentMethod(r);
        case 7 -> paymentMethodId = Json.nextString(r);
        case 8 -> referenceId = Json.nextString(r);
        case 9 -> legacyReference = Json.nextString(r);
        case 10 -> status = Json.nextString(r);
        case 11 -> failureReason = Json.nextString(r);
        case 12 -> createdAt = Json.nextInstant(r);
        case 13 -> link = Json.nextUri(r);
        case 14 -> {
          if (!envelope) {
            r.skipValue();
          } else if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
            throw new JsonDataException("'payment' is not an object at " + r.getPath());
          } else {
            wrapped = readObject(r, false);
          }
        }
        case 15 -> {
          if (envelope) {
            requestId = readRequestId(r);
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
    r.endObject();
    if (wrapped != null) {
      return withEnvelope(wrapped, link, requestId);
    }
    if (id == null || id.isBlank()) {
      throw new JsonDataException("A Billingrails payment without 'id' at " + r.getPath());
    }
    return new BillingrailsPayment(
        object,
        id,
        accountId,
        amount,
        currency,
        description,
        method,
        paymentMethodId,
        referenceId != null ? referenceId : legacyReference,
        BillingrailsPaymentStatus.fromWire(status),
        status,
        BillingrailsPaymentFailureReason.fromWire(failureReason),
        failureReason,
        createdAt,
        link,
        null);
  }

  /**
   * Reads a {@code payment_method} object; {@code null} or a value that is not an object gives
   * {@code null} (an unexpected shape never loses the payment).
   */
  static @Nullable BillingrailsPaymentMethod readPaymentMethod(JsonReader r) throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
      r.skipValue();
      return null;
    }
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
        case 0 -> object = Json.nextString(r);
        case 1 -> id = Json.nextString(r);
        case 2 -> status = Json.nextString(r);
        case 3 -> type = Json.nextString(r);
        case 4 -> provider = Json.nextString(r);
        case 5 -> channel = Json.nextString(r);
        case 6 -> accountId = Json.nextString(r);
        case 7 -> accountName = Json.nextString(r);
        case 8 -> details = readDetails(r);
        case 9 -> createdAt = Json.nextInstant(r);
        default -> {
          r.skipName();
          r.skipValue();
        }
      }
    }
    r.endObject();
    return new BillingrailsPaymentMethod(
        object, id, status, type, provider, channel, accountId, accountName, details, createdAt);
  }

  private static Map<String, @Nullable Object> readDetails(JsonReader r) throws IOException {
    JsonReader.Token t = r.peek();
    if (t == JsonReader.Token.BEGIN_OBJECT
        || t == JsonReader.Token.NULL
        || t == JsonReader.Token.BEGIN_ARRAY) {
      return Json.nextObject(r);
    }
    r.skipValue(); // a scalar where an object was expected: dropped, the payment is kept
    return Map.of();
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
      if (r.nextName().equals("request_id")) {
        requestId = Json.nextString(r);
      } else {
        r.skipValue();
      }
    }
    r.endObject();
    return requestId;
  }

  private static BillingrailsPayment withEnvelope(
      BillingrailsPayment p, @Nullable URI link, @Nullable String requestId) {
    return new BillingrailsPayment(
        p.object(),
        p.id(),
        p.accountId(),
        p.amountMinor(),
        p.currency(),
        p.description(),
        p.paymentMethod(),
        p.paymentMethodId(),
        p.referenceId(),
        p.status(),
        p.rawStatus(),
        p.failureReason(),
        p.rawFailureReason(),
        p.createdAt(),
        link != null ? link : p.paymentLink(),
        requestId != null ? requestId : p.requestId());
  }
}
