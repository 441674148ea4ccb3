package io.payclient.lago.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.payclient.core.internal.Json;
import io.payclient.core.internal.Timestamps;
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

/** Lago's payment-request wire format. Streaming, tolerant of unknown fields and nulls. */
public final class LagoPaymentRequestJson {
  private LagoPaymentRequestJson() {}

  /** {@code {"payment_request":{"external_customer_id":…,"lago_invoice_ids":[…],"email":…}}}. */
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
          w.endObject().endObject();
        });
  }

  /** A page of payment requests. */
  public record PaymentRequestList(List<LagoPaymentRequest> items, LagoPaginationMeta meta) {}

  /** Reads {@code {"payment_request":{…}}}. */
  public static LagoPaymentRequest readEnvelope(JsonReader r) throws IOException {
    LagoPaymentRequest result = null;
    r.beginObject();
    while (r.hasNext()) {
      if (r.nextName().equals("payment_request") && r.peek() == JsonReader.Token.BEGIN_OBJECT) {
        result = read(r);
      } else {
        r.skipValue();
      }
    }
    r.endObject();
    if (result == null) {
      throw new JsonDataException("No 'payment_request' object in the response");
    }
    return result;
  }

  /** Reads {@code {"payment_requests":[…],"meta":{…}}}. */
  public static PaymentRequestList readList(JsonReader r) throws IOException {
    List<LagoPaymentRequest> items = new ArrayList<>();
    LagoPaginationMeta meta = new LagoPaginationMeta(1, null, null, null, null);
    r.beginObject();
    while (r.hasNext()) {
      switch (r.nextName()) {
        case "payment_requests" -> {
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
    String lagoId = null;
    String email = null;
    Long amountCents = null;
    String currency = null;
    String status = null;
    Instant createdAt = null;
    LagoCustomer customer = null;
    List<LagoInvoice> invoices = new ArrayList<>();
    r.beginObject();
    while (r.hasNext()) {
      switch (r.nextName()) {
        case "lago_id" -> lagoId = Json.nextString(r);
        case "email" -> email = Json.nextString(r);
        case "amount_cents" -> amountCents = Json.nextLong(r);
        case "amount_currency" -> currency = Json.nextString(r);
        case "payment_status" -> status = Json.nextString(r);
        case "created_at" -> createdAt = Json.nextInstant(r);
        case "customer" -> customer = readCustomer(Json.nextObject(r));
        case "invoices" -> {
          if (r.peek() == JsonReader.Token.NULL) {
            r.nextNull();
          } else {
            r.beginArray();
            while (r.hasNext()) {
              invoices.add(readInvoice(Json.nextObject(r)));
            }
            r.endArray();
          }
        }
        default -> r.skipValue();
      }
    }
    r.endObject();
    if (lagoId == null || lagoId.isBlank()) {
      throw new JsonDataException("A Lago payment request without 'lago_id' at " + r.getPath());
    }
    return new LagoPaymentRequest(
        lagoId, email, amountCents, currency, status, createdAt, customer, invoices);
  }

  // The embedded customer and invoices are partial views of large objects: read them as trees,
  // take the known fields, keep the rest.

  private static @Nullable LagoCustomer readCustomer(Map<String, @Nullable Object> m) {
    if (m.isEmpty()) {
      return null;
    }
    Fields f = new Fields(m);
    return new LagoCustomer(
        f.string("lago_id"),
        f.string("external_id"),
        f.string("name"),
        f.string("email"),
        f.string("address_line1"),
        f.string("address_line2"),
        f.string("city"),
        f.string("state"),
        f.string("zipcode"),
        f.string("country"),
        f.string("phone"),
        f.string("url"),
        f.string("legal_name"),
        f.string("legal_number"),
        f.string("logo_url"),
        f.string("currency"),
        f.string("timezone"),
        f.string("applicable_timezone"),
        f.object("billing_configuration"),
        f.instant("created_at"),
        f.instant("updated_at"),
        f.rest());
  }

  private static LagoInvoice readInvoice(Map<String, @Nullable Object> m) {
    Fields f = new Fields(m);
    return new LagoInvoice(
        f.string("lago_id"),
        f.integer("sequential_id"),
        f.string("number"),
        f.date("issuing_date"),
        f.date("payment_due_date"),
        f.instant("payment_dispute_lost_at"),
        f.bool("payment_overdue"),
        f.string("invoice_type"),
        f.integer("version_number"),
        f.string("status"),
        f.string("payment_status"),
        f.string("currency"),
        f.integer("net_payment_term"),
        f.integer("fees_amount_cents"),
        f.integer("taxes_amount_cents"),
        f.integer("coupons_amount_cents"),
        f.integer("credit_notes_amount_cents"),
        f.integer("sub_total_excluding_taxes_amount_cents"),
        f.integer("sub_total_including_taxes_amount_cents"),
        f.integer("prepaid_credit_amount_cents"),
        f.integer("prepaid_granted_credit_amount_cents"),
        f.integer("prepaid_purchased_credit_amount_cents"),
        f.integer("total_amount_cents"),
        f.integer("total_due_amount_cents"),
        f.rest());
  }

  /** Takes typed fields out of a JSON tree; what is not taken stays in {@link #rest()}. */
  private static final class Fields {
    private final Map<String, @Nullable Object> rest;

    Fields(Map<String, @Nullable Object> tree) {
      this.rest = new LinkedHashMap<>(tree);
    }

    @Nullable String string(String name) {
      Object v = rest.remove(name);
      return v == null
          ? null
          : v instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }

    @Nullable Long integer(String name) {
      Object v = rest.remove(name);
      if (v instanceof java.math.BigDecimal d) {
        try {
          return d.longValueExact();
        } catch (ArithmeticException e) {
          throw new JsonDataException("'" + name + "' is not an integer within long range");
        }
      }
      return null;
    }

    @Nullable Boolean bool(String name) {
      return rest.remove(name) instanceof Boolean b ? b : null;
    }

    @Nullable Instant instant(String name) {
      String s = string(name);
      try {
        return s == null ? null : Timestamps.parseInstant(s);
      } catch (java.time.format.DateTimeParseException e) {
        return null; // an unexpected shape in a nested object never loses the payment request
      }
    }

    @Nullable LocalDate date(String name) {
      String s = string(name);
      try {
        return s == null ? null : Timestamps.parseDate(s);
      } catch (java.time.format.DateTimeParseException e) {
        return null;
      }
    }

    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> object(String name) {
      return rest.remove(name) instanceof Map<?, ?> m
          ? (Map<String, @Nullable Object>) m
          : Map.of();
    }

    Map<String, @Nullable Object> rest() {
      return java.util.Collections.unmodifiableMap(rest);
    }
  }
}
