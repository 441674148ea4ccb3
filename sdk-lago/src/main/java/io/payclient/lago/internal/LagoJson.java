package io.payclient.lago.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.payclient.core.internal.Json;
import io.payclient.core.internal.LenientReader;
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

  private static final JsonReader.Options META_FIELDS =
      JsonReader.Options.of("current_page", "next_page", "prev_page", "total_pages", "total_count");

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
    return readEnvelope(r, LagoJson::readFields);
  }

  /** Reads one payment object. */
  public static LagoPayment readPayment(JsonReader r) throws IOException {
    return readWrapped(r, LagoJson::readFields);
  }

  /** A page of payments: {@code {"payments":[…],"meta":{…}}}. */
  public record PaymentList(List<LagoPayment> payments, LagoPaginationMeta meta) {}

  /** Reads {@code {"payments":[…],"meta":{…}}}; a missing meta means a single page. */
  public static PaymentList readPaymentList(JsonReader r) throws IOException {
    List<LagoPayment> payments = new ArrayList<>();
    LagoPaginationMeta meta = LagoAccess.get().lagoPaginationMeta(1, null, null, null, null);
    r.beginObject();
    while (r.hasNext()) {
      switch (r.nextName()) {
        case "payments" -> {
          if (r.peek() == JsonReader.Token.NULL) {
            r.nextNull();
            continue;
          }
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

  /**
   * Reads Lago's pagination {@code meta} under the {@link LenientReader} policy: a field that is
   * not an integer within {@code int} range (or {@code long}, for {@code total_count}) reads as
   * absent; anything but an object is an absent meta. Paging fields are advisory: see {@link
   * #followablePage}.
   */
  public static LagoPaginationMeta readMeta(JsonReader r) throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
      r.skipValue();
      return LagoAccess.get().lagoPaginationMeta(1, null, null, null, null);
    }
    LenientReader f = new LenientReader();
    Integer current = null;
    Integer next = null;
    Integer prev = null;
    Integer pages = null;
    Long count = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(META_FIELDS)) {
        case 0 -> current = f.intValue(r, "current_page");
        case 1 -> next = f.intValue(r, "next_page");
        case 2 -> prev = f.intValue(r, "prev_page");
        case 3 -> pages = f.intValue(r, "total_pages");
        case 4 -> count = f.longValue(r, "total_count");
        default -> {
          r.skipName();
          r.skipValue();
        }
      }
    }
    r.endObject();
    return LagoAccess.get()
        .lagoPaginationMeta(current == null ? 1 : current, next, prev, pages, count);
  }

  /**
   * The page to fetch after this one, or {@code null} when paging ends. Lago's paging metadata is
   * advisory (its spec sets no minimum on {@code next_page}): a {@code next_page} that is absent,
   * below 1, or not after both the requested page and {@code current_page} ends paging, so the page
   * numbers followed strictly increase and paging never loops.
   *
   * @param meta the page's meta
   * @param requested the page that was asked for, or {@code null} for the first
   */
  public static @Nullable Integer followablePage(
      LagoPaginationMeta meta, @Nullable Integer requested) {
    Integer next = meta.nextPage();
    if (next == null) {
      return null;
    }
    int current = Math.max(meta.currentPage(), requested == null ? 1 : requested);
    return next >= 1 && next > current ? next : null;
  }

  /**
   * Reads a response that is either {@code {"<root>":{…}}} (what the server and every official
   * client use) or the bare object (what Lago's OpenAPI spec shows), in one pass: the object reader
   * is handed the {@code root} member's name, reads it as the wrapped object when it meets it, and
   * its fields otherwise. (Looking ahead with {@code peekJson} instead cost a copy of the response
   * buffer per call.)
   *
   * @throws JsonDataException if the body is not an object, or has neither shape
   */
  static <T> T readEnvelope(JsonReader r, ObjectReader<T> reader) throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new JsonDataException("Expected a JSON object at " + r.getPath());
    }
    r.beginObject();
    T value = reader.readMembers(r, true);
    r.endObject();
    return value;
  }

  /** Reads the members of one open object; with {@code envelope}, also its wrapped form. */
  @FunctionalInterface
  interface ObjectReader<T> {
    T readMembers(JsonReader r, boolean envelope) throws IOException;
  }

  /** Reads the root member's value as the wrapped object, which must be an object. */
  static <T> T readWrapped(JsonReader r, ObjectReader<T> reader) throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new JsonDataException("The wrapped object is not an object at " + r.getPath());
    }
    r.beginObject();
    T value = reader.readMembers(r, false);
    r.endObject();
    return value;
  }

  /**
   * Reads the members of a payment object or, when {@code envelope}, of a response that is either
   * {@code {"payment":{…}}} or a bare payment ({@link #readEnvelope}), under the {@link
   * LenientReader} policy.
   */
  private static LagoPayment readFields(JsonReader r, boolean envelope) throws IOException {
    LenientReader f = new LenientReader();
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
        case 0 -> lagoId = f.string(r, "lago_id");
        case 1 -> lagoCustomerId = f.string(r, "lago_customer_id");
        case 2 -> externalCustomerId = f.string(r, "external_customer_id");
        case 3 -> invoiceIds = f.stringList(r, "invoice_ids");
        case 4 -> invoiceNumbers = f.stringList(r, "invoice_numbers");
        case 5 -> lagoPayableId = f.string(r, "lago_payable_id");
        case 6 -> payableType = f.string(r, "payable_type");
        case 7 -> amountCents = f.longValue(r, "amount_cents");
        case 8 -> amountCurrency = f.string(r, "amount_currency");
        case 9 -> status = f.string(r, "status");
        case 10 -> paymentStatus = f.string(r, "payment_status");
        case 11 -> type = f.string(r, "type");
        case 12 -> reference = f.string(r, "reference");
        case 13 -> providerCode = f.string(r, "payment_provider_code");
        case 14 -> providerType = f.string(r, "payment_provider_type");
        case 15 -> externalPaymentId = f.string(r, "external_payment_id");
        case 16 -> providerPaymentId = f.string(r, "provider_payment_id");
        case 17 -> providerCustomerId = f.string(r, "provider_customer_id");
        case 18 -> paymentMethodId = f.string(r, "payment_method_id");
        case 19 -> nextAction = f.object(r, "next_action");
        case 20 -> createdAt = f.instant(r, "created_at");
        case 21 -> {
          if (envelope) {
            wrapped = readPayment(r);
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
      throw new JsonDataException("A Lago payment without 'lago_id' at " + r.getPath());
    }
    return LagoAccess.get()
        .lagoPayment(
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
            createdAt,
            f.untyped());
  }
}
