package io.payclient.paygentic.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.payclient.core.internal.Json;
import io.payclient.core.internal.LenientReader;
import io.payclient.core.internal.Link;
import io.payclient.paygentic.PaygenticLineItem;
import io.payclient.paygentic.PaygenticPagination;
import io.payclient.paygentic.PaygenticPayment;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import io.payclient.paygentic.PaygenticPaymentStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Paygentic's wire format: the create body, payment objects and lists. Streaming, no reflection.
 * Payments are read under the {@link LenientReader} policy: a value of an unexpected shape, in a
 * required field too, is empty and keeps its raw text in {@code untyped()}.
 */
public final class PaygenticJson {
  private static final long SECONDS_PER_DAY = 86_400;

  private static final JsonReader.Options PAYMENT_FIELDS =
      JsonReader.Options.of(
          "id",
          "object",
          "amount",
          "currency",
          "status",
          "createdAt",
          "paymentUrl",
          "customerId",
          "idempotencyKey",
          "reference",
          "metadata",
          "lineItems",
          "expiresAt");

  private static final JsonReader.Options LIST_FIELDS = JsonReader.Options.of("data", "pagination");

  private static final JsonReader.Options PAGINATION_FIELDS =
      JsonReader.Options.of("limit", "offset", "total");

  private static final JsonReader.Options LINE_ITEM_FIELDS =
      JsonReader.Options.of("description", "amount", "quantity");

  private PaygenticJson() {}

  /** The create body with exactly the request's fields (its own idempotency key, if any). */
  public static byte[] createBody(PaygenticPaymentCreateRequest request) {
    return createBody(request, request.idempotencyKey().orElse(null), null);
  }

  /**
   * The create body. Fields are written in the spec's order and only when set.
   *
   * @param request the checked request
   * @param idempotencyKey the key to send in place of the request's, or {@code null} for the
   *     request's own
   * @param defaultMerchantId sent as {@code merchantId} when the request has none, or {@code null}
   */
  public static byte[] createBody(
      PaygenticPaymentCreateRequest request,
      @Nullable String idempotencyKey,
      @Nullable String defaultMerchantId) {
    String key = idempotencyKey != null ? idempotencyKey : request.idempotencyKey().orElse(null);
    String merchantId = request.merchantId().orElse(defaultMerchantId);
    return Json.write(
        w -> {
          w.beginObject();
          w.name("amount").value(request.amount());
          w.name("currency").value(request.currency());
          Json.writeOptional(w, "merchantId", merchantId);
          Json.writeOptional(w, "customerId", request.customerId().orElse(null));
          Json.writeOptional(w, "idempotencyKey", key);
          Json.writeOptional(w, "reference", request.reference().orElse(null));
          if (!request.metadata().isEmpty()) {
            w.name("metadata").beginObject();
            for (Map.Entry<String, String> e : request.metadata().entrySet()) {
              w.name(e.getKey()).value(e.getValue());
            }
            w.endObject();
          }
          if (!request.lineItems().isEmpty()) {
            w.name("lineItems").beginArray();
            for (PaygenticLineItem item : request.lineItems()) {
              writeLineItem(w, item);
            }
            w.endArray();
          }
          if (request.successRedirectUrl().isPresent()) {
            w.name("successRedirectUrl").value(request.successRedirectUrl().get().toString());
          }
          if (request.failureRedirectUrl().isPresent()) {
            w.name("failureRedirectUrl").value(request.failureRedirectUrl().get().toString());
          }
          if (request.savePaymentMethod().isPresent()) {
            w.name("savePaymentMethod").value(request.savePaymentMethod().get().booleanValue());
          }
          if (request.expiresIn().isPresent()) {
            w.name("expiresIn").value(isoDuration(request.expiresIn().get()));
          }
          w.endObject();
        });
  }

  private static void writeLineItem(JsonWriter w, PaygenticLineItem item) throws IOException {
    w.beginObject();
    Json.writeOptional(w, "description", item.description());
    Json.writeOptional(w, "amount", item.amount());
    if (item.quantity() != null) {
      w.name("quantity").value(item.quantity().longValue());
    }
    w.endObject();
  }

  /**
   * A duration in ISO-8601 with whole days written as days: 7 days → {@code P7D}, 1 hour → {@code
   * PT1H}, 90 minutes → {@code PT1H30M}, 1 day 2 hours → {@code P1DT2H}. ({@link
   * Duration#toString()} would write 7 days as {@code PT168H}.)
   *
   * @throws IllegalArgumentException if the duration is negative or zero
   */
  public static String isoDuration(Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("Not a positive duration: " + d);
    }
    long days = d.toSeconds() / SECONDS_PER_DAY;
    Duration rest = d.minusDays(days);
    if (days == 0) {
      return rest.toString();
    }
    return rest.isZero() ? "P" + days + "D" : "P" + days + "D" + rest.toString().substring(1);
  }

  /**
   * Reads one payment object.
   *
   * @param replayed whether the HTTP status said the payment already existed (a create's 200)
   * @throws JsonDataException if it is not an object or has no {@code id}
   */
  public static PaygenticPayment readPayment(JsonReader r, boolean replayed) throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new JsonDataException("Expected a Paygentic payment object at " + r.getPath());
    }
    LenientReader f = new LenientReader();
    String id = null;
    String object = null;
    BigDecimal amount = null;
    String currency = null;
    String status = null;
    Instant createdAt = null;
    Link paymentUrl = null;
    String customerId = null;
    String idempotencyKey = null;
    String reference = null;
    Map<String, String> metadata = Map.of();
    List<PaygenticLineItem> lineItems = List.of();
    Instant expiresAt = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(PAYMENT_FIELDS)) {
        case 0 -> id = f.string(r, "id");
        case 1 -> object = f.string(r, "object");
        case 2 -> amount = f.decimal(r, "amount");
        case 3 -> currency = f.string(r, "currency");
        case 4 -> status = f.string(r, "status");
        case 5 -> createdAt = f.instant(r, "createdAt");
        case 6 -> paymentUrl = f.link(r, "paymentUrl");
        case 7 -> customerId = f.string(r, "customerId");
        case 8 -> idempotencyKey = f.string(r, "idempotencyKey");
        case 9 -> reference = f.string(r, "reference");
        case 10 -> metadata = f.stringMap(r, "metadata");
        case 11 -> lineItems = lineItems(r, f);
        case 12 -> expiresAt = f.instant(r, "expiresAt");
        default -> {
          r.skipName();
          r.skipValue();
        }
      }
    }
    r.endObject();
    if (id == null || id.isBlank()) {
      throw new JsonDataException("A Paygentic payment without 'id' at " + r.getPath());
    }
    return PaygenticAccess.get()
        .paygenticPayment(
            id,
            object,
            amount,
            currency,
            PaygenticPaymentStatus.fromWire(status),
            status,
            createdAt,
            paymentUrl,
            customerId,
            idempotencyKey,
            reference,
            metadata,
            lineItems,
            expiresAt,
            replayed,
            f.untyped());
  }

  /** A page of payments: {@code {"object":"list","data":[…],"pagination":{…}}}. */
  public record PaymentList(List<PaygenticPayment> payments, PaygenticPagination pagination) {}

  /**
   * Reads a list of payments. {@code object} and unknown fields are skipped; a missing or null
   * {@code data} is an empty page, a missing {@code pagination} (or field of it) is unknown.
   *
   * @throws JsonDataException if it is not an object, or an item is not a payment with an {@code
   *     id}
   */
  public static PaymentList readPaymentList(JsonReader r) throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new JsonDataException("Expected a Paygentic list object at " + r.getPath());
    }
    List<PaygenticPayment> payments = new ArrayList<>();
    PaygenticPagination pagination = PaygenticPagination.unknown();
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(LIST_FIELDS)) {
        case 0 -> {
          if (r.peek() == JsonReader.Token.BEGIN_ARRAY) {
            r.beginArray();
            while (r.hasNext()) {
              payments.add(readPayment(r, false));
            }
            r.endArray();
          } else {
            r.skipValue(); // null
          }
        }
        case 1 -> pagination = readPagination(r);
        default -> {
          r.skipName();
          r.skipValue();
        }
      }
    }
    r.endObject();
    return new PaymentList(List.copyOf(payments), pagination);
  }

  /** Reads {@code pagination}; a value of another shape reads as unknown. */
  static PaygenticPagination readPagination(JsonReader r) throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
      r.skipValue();
      return PaygenticPagination.unknown();
    }
    LenientReader f = new LenientReader(); // an untypable paging field is unknown
    Integer limit = null;
    Integer offset = null;
    Long total = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(PAGINATION_FIELDS)) {
        case 0 -> limit = f.intValue(r, "limit");
        case 1 -> offset = f.intValue(r, "offset");
        case 2 -> total = f.longValue(r, "total");
        default -> {
          r.skipName();
          r.skipValue();
        }
      }
    }
    r.endObject();
    return PaygenticAccess.get().paygenticPagination(limit, offset, total);
  }

  /** A scalar as text, or {@code null}; an object or array is skipped. */
  static @Nullable String string(JsonReader r) throws IOException {
    return switch (r.peek()) {
      case STRING, NUMBER, BOOLEAN, NULL -> Json.nextString(r);
      default -> {
        r.skipValue();
        yield null;
      }
    };
  }

  /**
   * Reads {@code lineItems}; {@code null} is empty, another shape is untypable, and so is an item
   * that is not an object ({@code lineItems[i]}) or an item's field ({@code
   * lineItems[i].quantity}).
   */
  private static List<PaygenticLineItem> lineItems(JsonReader r, LenientReader owner)
      throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_ARRAY) {
      owner.objectList(r, "lineItems");
      return List.of();
    }
    List<PaygenticLineItem> out = new ArrayList<>();
    int index = 0;
    r.beginArray();
    while (r.hasNext()) {
      int at = index++;
      if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
        owner.untypable("lineItems[" + at + "]", LenientReader.rawText(r));
        continue;
      }
      String description = null;
      String amount = null;
      Integer quantity = null;
      // The item's own reader: field names are built with the item's index only on a failure.
      LenientReader item = new LenientReader();
      r.beginObject();
      while (r.hasNext()) {
        switch (r.selectName(LINE_ITEM_FIELDS)) {
          case 0 -> description = item.string(r, "description");
          case 1 -> amount = item.string(r, "amount");
          case 2 -> quantity = item.intValue(r, "quantity");
          default -> {
            r.skipName();
            r.skipValue();
          }
        }
      }
      r.endObject();
      if (item.anyUntyped()) {
        owner.adopt("lineItems[" + at + "].", item);
      }
      out.add(new PaygenticLineItem(description, amount, quantity));
    }
    r.endArray();
    return List.copyOf(out);
  }
}
