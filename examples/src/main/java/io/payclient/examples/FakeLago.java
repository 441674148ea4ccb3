package io.payclient.examples;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A small stateful fake of Lago's payment endpoints on 127.0.0.1, for the demo: it checks the
 * bearer key, records payments against seeded invoices (refusing more than the amount due and
 * references over 40 characters, as Lago does) and serves them back. The {@code sdk-testkit} module
 * will replace it with complete fakes of every vendor.
 */
final class FakeLago implements AutoCloseable {
  static final String API_KEY = "demo-lago-key";

  private record Invoice(String currency, long dueCents) {}

  private final MockWebServer server = new MockWebServer();
  private final Map<String, Invoice> invoices = new ConcurrentHashMap<>();
  private final Map<String, String> payments = new ConcurrentHashMap<>();
  private final AtomicInteger created = new AtomicInteger();

  private FakeLago() {}

  static FakeLago start() throws IOException {
    FakeLago fake = new FakeLago();
    fake.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return fake.handle(request);
          }
        });
    fake.server.start(InetAddress.getByName("127.0.0.1"), 0);
    return fake;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getPort() + "/api/v1";
  }

  String seedInvoice(String currency, long dueCents) {
    String id = UUID.randomUUID().toString();
    invoices.put(id, new Invoice(currency, dueCents));
    return id;
  }

  int createdPayments() {
    return created.get();
  }

  private MockResponse handle(RecordedRequest request) {
    if (!("Bearer " + API_KEY).equals(request.getHeaders().get("Authorization"))) {
      return json(401, "{\"status\":401,\"error\":\"Unauthorized\"}");
    }
    String path = request.getUrl().encodedPath();
    if (request.getMethod().equals("POST") && path.equals("/api/v1/payments")) {
      return create(request);
    }
    if (request.getMethod().equals("GET") && path.startsWith("/api/v1/payments/")) {
      String body = payments.get(request.getUrl().pathSegments().get(3));
      return body != null
          ? json(200, "{\"payment\":" + body + "}")
          : json(404, "{\"status\":404,\"error\":\"Not Found\",\"code\":\"payment_not_found\"}");
    }
    return json(404, "{\"status\":404,\"error\":\"Not Found\"}");
  }

  private MockResponse create(RecordedRequest request) {
    String invoiceId = null;
    String reference = null;
    long cents = 0;
    try {
      JsonReader r = JsonReader.of(new Buffer().write(request.getBody()));
      r.beginObject();
      while (r.hasNext()) {
        if (!r.nextName().equals("payment")) {
          r.skipValue();
          continue;
        }
        r.beginObject();
        while (r.hasNext()) {
          switch (r.nextName()) {
            case "invoice_id" -> invoiceId = r.nextString();
            case "amount_cents" -> cents = r.nextLong();
            case "reference" -> reference = r.nextString();
            default -> r.skipValue();
          }
        }
        r.endObject();
      }
    } catch (IOException | RuntimeException e) {
      return json(
          400,
          "{\"status\":400,\"error\":\"BadRequest: param is missing or the value is empty or invalid: payment\"}");
    }
    Invoice invoice = invoiceId == null ? null : invoices.get(invoiceId);
    if (invoice == null) {
      return json(404, "{\"status\":404,\"error\":\"Not Found\",\"code\":\"invoice_not_found\"}");
    }
    if (cents <= 0 || cents > invoice.dueCents()) {
      return json(
          422,
          "{\"status\":422,\"error\":\"Unprocessable Entity\",\"code\":\"validation_errors\","
              + "\"error_details\":{\"amount_cents\":[\""
              + (cents <= 0 ? "invalid_value" : "value_is_out_of_range")
              + "\"]}}");
    }
    if (reference == null || reference.isEmpty() || reference.length() > 40) {
      return json(
          422,
          "{\"status\":422,\"error\":\"Unprocessable Entity\",\"code\":\"validation_errors\","
              + "\"error_details\":{\"reference\":[\"value_is_too_long\"]}}");
    }
    invoices.put(invoiceId, new Invoice(invoice.currency(), invoice.dueCents() - cents));
    String id = UUID.randomUUID().toString();
    String body = payment(id, invoiceId, cents, invoice.currency(), reference);
    payments.put(id, body);
    created.incrementAndGet();
    return json(200, "{\"payment\":" + body + "}");
  }

  private static String payment(
      String id, String invoiceId, long cents, String currency, String reference) {
    Buffer out = new Buffer();
    try (JsonWriter w = JsonWriter.of(out)) {
      w.beginObject();
      w.name("lago_id").value(id);
      w.name("lago_customer_id").value("1a901a90-1a90-1a90-1a90-1a901a901a90");
      w.name("external_customer_id").value("demo-customer");
      w.name("invoice_ids").beginArray().value(invoiceId).endArray();
      w.name("payable_type").value("Invoice");
      w.name("lago_payable_id").value(invoiceId);
      w.name("amount_cents").value(cents);
      w.name("amount_currency").value(currency);
      w.name("status").value("succeeded");
      w.name("payment_status").value("succeeded");
      w.name("type").value("manual");
      w.name("reference").value(reference);
      w.name("payment_provider_code").nullValue();
      w.name("next_action").beginObject().endObject();
      w.name("created_at").value(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      w.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.readUtf8();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Override
  public void close() {
    server.close();
  }
}
