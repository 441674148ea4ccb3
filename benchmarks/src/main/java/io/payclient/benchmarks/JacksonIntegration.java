package io.payclient.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * What an application writes instead of PayClient for one vendor's create (issue 19): OkHttp and
 * Jackson databind, annotated POJOs, one shared {@link ObjectMapper} (with {@link JavaTimeModule}
 * for the timestamps, unknown properties ignored), a random UUID as the idempotency key where the
 * vendor takes one, and a non-2xx status turned into an exception. It sends the same create as the
 * SDK contender of the same vendor ({@link Contender}: same fields and values; {@link #sameBody}
 * checks it) and reads the response into a POJO with the fields the application uses: id, status,
 * amount and currency, reference, creation time. No validation, no retries, no error parsing: the
 * obvious code, not a second SDK.
 */
abstract class JacksonIntegration extends Contender {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  final OkHttpClient http;
  final String baseUrl;
  final String apiKey;

  JacksonIntegration(Canned.CannedClient canned, OkHttpClient http, String baseUrl, String key) {
    super(canned);
    this.http = http;
    this.baseUrl = baseUrl;
    this.apiKey = key;
  }

  /** The hand-written integration of {@code vendor} on the canned transport. */
  static JacksonIntegration of(String vendor) {
    return switch (vendor) {
      case "lago" -> {
        Canned.CannedClient c = Canned.client(200, Canned.resource("lago-payment.json"));
        yield new Lago(c, c.http(), BASE_URL);
      }
      case "billingrails" -> {
        Canned.CannedClient c = Canned.client(201, Canned.resource("billingrails-payment.json"));
        yield new Billingrails(c, c.http(), BASE_URL);
      }
      case "paygentic" -> {
        Canned.CannedClient c = Canned.client(201, Canned.resource("paygentic-payment.json"));
        yield new Paygentic(c, c.http(), BASE_URL);
      }
      default -> throw new IllegalArgumentException("no hand-written integration for " + vendor);
    };
  }

  /**
   * The hand-written integration of {@code vendor} sending to a real server at {@code baseUrl} (the
   * vendor's base URL, as the SDK client of the same vendor is given) through {@code http}.
   */
  static JacksonIntegration onServer(String vendor, String baseUrl, OkHttpClient http) {
    return switch (vendor) {
      case "lago" -> new Lago(null, http, baseUrl);
      case "billingrails" -> new Billingrails(null, http, baseUrl);
      case "paygentic" -> new Paygentic(null, http, baseUrl);
      default -> throw new IllegalArgumentException("no hand-written integration for " + vendor);
    };
  }

  /** The id of a payment one of these integrations read, or null if it is none of theirs. */
  static @Nullable String paymentId(Object payment) {
    if (payment instanceof Lago.Payment p) {
      return p.lagoId();
    }
    if (payment instanceof Billingrails.Payment p) {
      return p.id();
    }
    return payment instanceof Paygentic.Payment p ? p.id() : null;
  }

  /** POSTs {@code body} as JSON and reads the 2xx answer as {@code type}. */
  <T> T post(String path, Object body, Class<T> type, String headerName, String headerValue)
      throws IOException {
    Request.Builder r =
        new Request.Builder()
            .url(baseUrl + path)
            .header("Authorization", "Bearer " + apiKey)
            .post(RequestBody.create(MAPPER.writeValueAsBytes(body), JSON));
    if (headerName != null) {
      r.header(headerName, headerValue);
    }
    try (Response response = http.newCall(r.build()).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code() + " from " + path);
      }
      return MAPPER.readValue(response.body().byteStream(), type);
    }
  }

  @Override
  Object build() {
    return request();
  }

  /** The request POJO. */
  abstract Object request();

  @Override
  CompletableFuture<?> createAsync() {
    throw new UnsupportedOperationException("the hand-written integration is synchronous");
  }

  @Override
  public boolean hasAsync() {
    return false;
  }

  @Override
  public void close() {}

  /**
   * Whether the two create bodies are the same JSON (member order aside), the idempotency key's
   * value (random per call) compared only for its presence.
   */
  static boolean sameBody(byte[] sdk, byte[] handWritten) throws IOException {
    JsonNode a = MAPPER.readTree(sdk);
    JsonNode b = MAPPER.readTree(handWritten);
    if (a instanceof ObjectNode oa && b instanceof ObjectNode ob && oa.has("idempotencyKey")) {
      if (!ob.has("idempotencyKey")) {
        return false;
      }
      oa.put("idempotencyKey", "k");
      ob.put("idempotencyKey", "k");
    }
    return a.equals(b);
  }

  // ---- Lago ----

  static final class Lago extends JacksonIntegration {
    Lago(Canned.CannedClient canned, OkHttpClient http, String baseUrl) {
      super(canned, http, baseUrl, "lago_bench_key");
    }

    record CreateBody(@JsonProperty("payment") Body payment) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(
        @JsonProperty("invoice_id") String invoiceId,
        @JsonProperty("amount_cents") long amountCents,
        @JsonProperty("reference") String reference,
        @JsonProperty("paid_at") LocalDate paidAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(@JsonProperty("payment") Payment payment) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payment(
        @JsonProperty("lago_id") String lagoId,
        @JsonProperty("invoice_ids") List<String> invoiceIds,
        @JsonProperty("amount_cents") long amountCents,
        @JsonProperty("amount_currency") String currency,
        @JsonProperty("payment_status") String paymentStatus,
        @JsonProperty("type") String type,
        @JsonProperty("reference") String reference,
        @JsonProperty("created_at") Instant createdAt) {}

    @Override
    CreateBody request() {
      long cents = new BigDecimal("10.99").movePointRight(2).longValueExact();
      return new CreateBody(
          new Body(
              "486b147a-02a1-4ccf-8603-f3541fc25e7a",
              cents,
              "order-1042",
              LocalDate.of(2025, 2, 20)));
    }

    @Override
    Payment create() throws IOException {
      return post("/payments", request(), Envelope.class, null, null).payment();
    }
  }

  // ---- Billingrails ----

  static final class Billingrails extends JacksonIntegration {
    Billingrails(Canned.CannedClient canned, OkHttpClient http, String baseUrl) {
      super(canned, http, baseUrl, "br_bench_key");
    }

    record Body(
        @JsonProperty("mode") String mode,
        @JsonProperty("account_id") String accountId,
        @JsonProperty("reference_id") String referenceId,
        @JsonProperty("invoice_id") String invoiceId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(
        @JsonProperty("payment") Payment payment,
        @JsonProperty("payment_link") String paymentLink) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payment(
        @JsonProperty("id") String id,
        @JsonProperty("account_id") String accountId,
        @JsonProperty("amount") long amount,
        @JsonProperty("currency") String currency,
        @JsonProperty("reference_id") String referenceId,
        @JsonProperty("status") String status,
        @JsonProperty("created_at") Instant createdAt) {}

    @Override
    Body request() {
      return new Body("offline", "acc_IhMUl3rrZ3", "PAY-REF-001", "inv_IhMUl3rrZ3");
    }

    @Override
    Payment create() throws IOException {
      return post(
              "/payments",
              request(),
              Envelope.class,
              "Idempotency-Key",
              UUID.randomUUID().toString())
          .payment();
    }
  }

  // ---- Paygentic ----

  static final class Paygentic extends JacksonIntegration {
    Paygentic(Canned.CannedClient canned, OkHttpClient http, String baseUrl) {
      super(canned, http, baseUrl, "sk_test_bench_key");
    }

    record Body(
        @JsonProperty("amount") String amount,
        @JsonProperty("currency") String currency,
        @JsonProperty("idempotencyKey") String idempotencyKey,
        @JsonProperty("reference") String reference,
        @JsonProperty("metadata") Map<String, String> metadata,
        @JsonProperty("successRedirectUrl") String successRedirectUrl,
        @JsonProperty("expiresIn") String expiresIn) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payment(
        @JsonProperty("id") String id,
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("currency") String currency,
        @JsonProperty("status") String status,
        @JsonProperty("paymentUrl") String paymentUrl,
        @JsonProperty("reference") String reference,
        @JsonProperty("createdAt") Instant createdAt) {}

    @Override
    Body request() {
      return new Body(
          "10.50",
          "USD",
          UUID.randomUUID().toString(),
          "Order #12345",
          Map.of("orderId", "order_12345"),
          "https://example.com/success",
          "P7D");
    }

    @Override
    Payment create() throws IOException {
      return post("/v0/payments", request(), Payment.class, null, null);
    }
  }
}
