package io.payclient.fuzz;

import com.code_intelligence.jazzer.api.BugDetectors;
import io.payclient.core.ClientOptions;
import io.payclient.core.Money;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsClients;
import java.util.List;
import java.util.Map;

/** The three vendors as the hostile server sees them: paths, bodies, and a valid create. */
final class Vendors {
  static final List<String> ALL = List.of("lago", "billingrails", "paygentic");

  static final String LAGO_ID = "4cf085a7-c196-4f07-a543-97c50ec6e8b2";
  static final String INVOICE = "486b147a-02a1-4ccf-8603-f3541fc25e7a";

  /**
   * Jazzer's server-side-request-forgery detector flags every outgoing connection once its agent is
   * in the JVM (any fuzz test ran): the clients here only ever talk to the scripted server on the
   * loopback interface, so exactly that is allowed. Called at the start of every execution, as
   * Jazzer asks (the setting does not outlive one).
   */
  static void allowLoopbackOnly() {
    try {
      BugDetectors.allowNetworkConnections(
          (host, port) ->
              host.equals("127.0.0.1") || host.equals("localhost") || host.equals("/127.0.0.1"));
    } catch (IllegalStateException noJazzerAgent) {
      // no fuzz test ran in this JVM yet: no detector to tell
    }
  }

  private Vendors() {}

  /** The base URL the client is given: Lago and Billingrails under a version prefix. */
  static String base(String vendor, String serverUrl) {
    return switch (vendor) {
      case "lago" -> serverUrl + "/api/v1";
      case "billingrails" -> serverUrl + "/v1";
      default -> serverUrl;
    };
  }

  /** The path of the payments collection on the server. */
  static String paymentsPath(String vendor) {
    return switch (vendor) {
      case "lago" -> "/api/v1/payments";
      case "billingrails" -> "/v1/payments";
      default -> "/v0/payments";
    };
  }

  static PaymentsClient client(String vendor, ClientOptions options) {
    return PaymentsClients.create(vendor, options);
  }

  static ClientOptions.Builder options(String vendor, String serverUrl) {
    return ClientOptions.builder()
        .apiKey(Invariants.API_KEY)
        .baseUrl(base(vendor, serverUrl))
        .logBodies(true);
  }

  /** A create every vendor accepts before I/O, with the given reference. */
  static PaymentCreateRequest create(String vendor, String reference) {
    PaymentCreateRequest.Builder b = PaymentCreateRequest.builder().reference(reference);
    switch (vendor) {
      case "lago" -> b.amount(Money.of("10.00", "USD")).target(PaymentTarget.invoice(INVOICE));
      case "billingrails" -> b.customerId("acct-1").target(PaymentTarget.invoice(INVOICE));
      default -> b.amount(Money.of("10.00", "USD"));
    }
    return b.build();
  }

  /** The idempotency key a create carried on the wire, or null (Lago has none). */
  static String wireKey(String vendor, ScriptedServer.Recorded r) {
    return switch (vendor) {
      case "billingrails" -> r.headers.get("idempotency-key");
      case "paygentic" -> JsonText.field(r.bodyText(), "idempotencyKey");
      default -> null;
    };
  }

  // ---- bodies ------------------------------------------------------------------------------

  static String lagoPayment(String id, String reference, long amountCents, String invoice) {
    return "{\"lago_id\":"
        + JsonText.quote(id)
        + ",\"invoice_ids\":["
        + JsonText.quote(invoice)
        + "],\"amount_cents\":"
        + amountCents
        + ",\"amount_currency\":\"USD\",\"payment_status\":\"succeeded\",\"status\":\"succeeded\","
        + "\"type\":\"manual\",\"payable_type\":\"Invoice\",\"reference\":"
        + JsonText.quote(reference)
        + ",\"created_at\":\"2026-01-01T00:00:00Z\"}";
  }

  /** A success body for the vendor's payment (create or retrieve), the slot in a text field. */
  static String payment(String vendor, String slot) {
    return switch (vendor) {
      case "lago" -> "{\"payment\":" + lagoPayment(LAGO_ID, slot, 1000, INVOICE) + "}";
      case "billingrails" ->
          "{\"payment\":{\"object\":\"payment\",\"id\":\"pay_1\",\"account_id\":\"acct-1\","
              + "\"amount\":1000,\"currency\":\"USD\",\"status\":\"succeeded\",\"reference_id\":"
              + JsonText.quote(slot)
              + ",\"created_at\":\"2026-01-01T00:00:00Z\"},\"meta\":{\"request_id\":"
              + JsonText.quote(slot)
              + "}}";
      default ->
          "{\"id\":\"pay_1\",\"object\":\"payment\",\"amount\":\"10.00\",\"currency\":\"USD\","
              + "\"status\":\"completed\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"reference\":"
              + JsonText.quote(slot)
              + "}";
    };
  }

  /** A list body with one payment and, for Lago, the given next page. */
  static String list(String vendor, String slot, Long nextPage) {
    return switch (vendor) {
      case "lago" ->
          "{\"payments\":["
              + lagoPayment(LAGO_ID, slot, 1000, INVOICE)
              + "],\"meta\":{\"current_page\":1,\"next_page\":"
              + nextPage
              + ",\"prev_page\":null,\"total_pages\":2,\"total_count\":2}}";
      case "billingrails" ->
          "{\"payments\":["
              + payment("billingrails", slot)
                  .replaceFirst("^\\{\"payment\":", "")
                  .replaceFirst(",\"meta\".*$", "")
              + "],\"meta\":{\"request_id\":"
              + JsonText.quote(slot)
              + ",\"current_page\":1,\"per_page\":1,\"total_count\":1}}";
      default ->
          "{\"object\":\"list\",\"data\":["
              + payment("paygentic", slot)
              + "],\"pagination\":{\"limit\":10,\"offset\":0,\"total\":1}}";
    };
  }

  /** An error body in the vendor's shape, each text slot the given one. */
  static String error(String vendor, int status, String slot) {
    String q = JsonText.quote(slot);
    return switch (vendor) {
      case "lago" ->
          "{\"status\":"
              + status
              + ",\"error\":"
              + q
              + ",\"code\":"
              + q
              + ",\"error_details\":{\"amount_cents\":["
              + q
              + "],\"other\":"
              + q
              + "}}";
      case "billingrails" ->
          "{\"error\":{\"type\":\"request_error\",\"code\":"
              + q
              + ",\"message\":"
              + q
              + ",\"details\":[{\"field\":"
              + q
              + ",\"message\":"
              + q
              + ",\"code\":"
              + q
              + "}]},\"meta\":{\"request_id\":"
              + q
              + "}}";
      default ->
          "{\"error\":"
              + q
              + ",\"message\":"
              + q
              + ",\"code\":"
              + q
              + ",\"details\":{\"d\":"
              + q
              + "},\"errors\":[{\"field\":"
              + q
              + ",\"message\":"
              + q
              + ",\"code\":"
              + q
              + "}]}";
    };
  }

  static final Map<String, String> NONE = Map.of();
}
