package io.payclient.testkit;

import static io.payclient.testkit.JsonTree.obj;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A fake Lago: payments ({@code POST /payments}, {@code GET /payments/{lago_id}}, {@code GET
 * /payments}) and payment requests ({@code POST}, {@code GET} one and list) under {@code /api/v1},
 * as the real server behaves (see the project's vendor facts). Payment requests take overdue
 * invoices of one customer ({@link #seedOverdueInvoice}); others give 405 {@code
 * invoices_not_overdue} or {@code invoices_have_different_currencies}.
 *
 * <ul>
 *   <li>Invoices are seeded with {@link #seedInvoice(String, long)}; a create needs a known invoice
 *       (else 404 {@code invoice_not_found}), an integer {@code amount_cents} &gt; 0 and ≤ the
 *       amount still due (else 422 {@code invalid_value} / {@code value_is_out_of_range}), a {@code
 *       reference} of 1–40 characters and a valid {@code paid_at} date.
 *   <li>No idempotency: two identical creates make two payments, as on the real server.
 *   <li>Lists are newest first, {@code page}/{@code per_page} (default 100), with Lago's {@code
 *       meta}; an empty result has {@code current_page} 0.
 * </ul>
 */
public class FakeLago extends FakeServer {
  /** The key a {@code new FakeLago()} accepts. */
  public static final String DEFAULT_API_KEY = "fake-lago-key";

  private record Invoice(
      String currency, long dueCents, String externalCustomerId, boolean overdue) {}

  private final Map<String, Invoice> invoices = new ConcurrentHashMap<>();
  private final List<Map<String, @Nullable Object>> payments = new ArrayList<>(); // oldest first
  private final List<Map<String, @Nullable Object>> paymentRequests = new ArrayList<>();

  /** A fake accepting {@link #DEFAULT_API_KEY}; not started until used. */
  public FakeLago() {
    this(DEFAULT_API_KEY);
  }

  /** A fake accepting the given key; not started until used. */
  public FakeLago(String apiKey) {
    super(apiKey, "/api/v1");
  }

  /** Starts a fake accepting {@link #DEFAULT_API_KEY}. */
  public static FakeLago start() {
    FakeLago fake = new FakeLago();
    fake.startServer();
    return fake;
  }

  /**
   * Adds a finalized invoice with an amount due, for a customer {@code "customer-1"}.
   *
   * @return the invoice's Lago id
   */
  public String seedInvoice(String currency, long amountDueCents) {
    return seedInvoice(UUID.randomUUID().toString(), currency, amountDueCents, "customer-1");
  }

  /** Adds an invoice (not overdue) with the given id, currency, amount due and customer. */
  public String seedInvoice(
      String lagoId, String currency, long amountDueCents, String externalCustomerId) {
    invoices.put(lagoId, new Invoice(currency, amountDueCents, externalCustomerId, false));
    return lagoId;
  }

  /**
   * Adds an overdue invoice of a customer, which payment requests can include.
   *
   * @return the invoice's Lago id
   */
  public String seedOverdueInvoice(
      String currency, long amountDueCents, String externalCustomerId) {
    String id = UUID.randomUUID().toString();
    invoices.put(id, new Invoice(currency, amountDueCents, externalCustomerId, true));
    return id;
  }

  /** How many payments this fake holds with the given reference (a duplicate shows as 2). */
  public int paymentsWithReference(String reference) {
    synchronized (payments) {
      return (int) payments.stream().filter(p -> reference.equals(p.get("reference"))).count();
    }
  }

  /** The amount still due on an invoice, in {@code amount_cents}. */
  public long amountDue(String invoiceId) {
    return Objects.requireNonNull(invoices.get(invoiceId), "no such invoice").dueCents();
  }

  @Override
  protected final Reply handle(RecordedRequest request, List<String> path) {
    String method = request.getMethod();
    if (path.size() == 1 && path.get(0).equals("payments")) {
      return switch (method) {
        case "POST" -> create(request);
        case "GET" -> listPayments(request);
        default -> reply(405, errorBody(405, "method_not_allowed", "Method Not Allowed"));
      };
    }
    if (!path.isEmpty() && path.get(0).equals("payment_requests")) {
      return paymentRequest(request, path);
    }
    if (path.size() == 2 && path.get(0).equals("payments") && method.equals("GET")) {
      synchronized (payments) {
        for (Map<String, @Nullable Object> p : payments) {
          if (path.get(1).equals(p.get("lago_id"))) {
            return reply(200, JsonTree.write(obj("payment", p)));
          }
        }
      }
      return reply(404, errorBody(404, "payment_not_found", "Not Found"));
    }
    return reply(404, errorBody(404, "not_found", "Not Found"));
  }

  @Override
  protected final String errorBody(int status, String code, String message) {
    if (status == 401) {
      return JsonTree.write(obj("status", 401, "error", "Unauthorized"));
    }
    return JsonTree.write(obj("status", status, "error", message, "code", code));
  }

  private Reply create(RecordedRequest request) {
    Map<String, @Nullable Object> body = JsonTree.parseObject(request.getBody());
    if (body == null || !(body.get("payment") instanceof Map<?, ?> input)) {
      return reply(
          400,
          JsonTree.write(
              obj(
                  "status",
                  400,
                  "error",
                  "BadRequest: param is missing or the value is empty or invalid: payment")));
    }
    String invoiceId = input.get("invoice_id") instanceof String id ? id : null;
    if (invoiceId == null || !invoices.containsKey(invoiceId)) {
      return reply(404, errorBody(404, "invoice_not_found", "Not Found"));
    }
    Map<String, List<String>> details = new LinkedHashMap<>();
    Object rawAmount = input.get("amount_cents");
    long cents = 0;
    if (rawAmount instanceof BigDecimal d && d.signum() > 0 && isLong(d)) {
      cents = d.longValueExact();
    } else {
      details.put("amount_cents", List.of("invalid_value"));
    }
    Object reference = input.get("reference");
    if (!(reference instanceof String ref) || ref.isBlank()) {
      details.put("reference", List.of("value_is_mandatory"));
    } else if (ref.length() > 40) {
      details.put("reference", List.of("value_is_too_long"));
    }
    Object paidAt = input.get("paid_at");
    if (paidAt != null && (!(paidAt instanceof String s) || !isDate(s))) {
      details.put("paid_at", List.of("invalid_date"));
    }
    synchronized (payments) {
      Invoice current = Objects.requireNonNull(invoices.get(invoiceId));
      if (cents > 0 && cents > current.dueCents()) {
        details.put("amount_cents", List.of("value_is_out_of_range"));
      }
      if (!details.isEmpty()) {
        return validationErrors(details);
      }
      invoices.put(
          invoiceId,
          new Invoice(
              current.currency(),
              current.dueCents() - cents,
              current.externalCustomerId(),
              current.overdue()));
      Map<String, @Nullable Object> payment =
          payment(invoiceId, current, cents, String.valueOf(reference));
      payments.add(payment);
      countCreated();
      return reply(200, JsonTree.write(obj("payment", payment)));
    }
  }

  private Reply listPayments(RecordedRequest request) {
    String invoiceId = query(request, "invoice_id");
    String customer = query(request, "external_customer_id");
    List<Map<String, @Nullable Object>> matching = new ArrayList<>();
    synchronized (payments) {
      for (int i = payments.size() - 1; i >= 0; i--) { // newest first
        Map<String, @Nullable Object> p = payments.get(i);
        boolean invoiceOk =
            invoiceId == null
                || ((List<?>) Objects.requireNonNull(p.get("invoice_ids"))).contains(invoiceId);
        boolean customerOk = customer == null || customer.equals(p.get("external_customer_id"));
        if (invoiceOk && customerOk) {
          matching.add(p);
        }
      }
    }
    return reply(200, JsonTree.write(paged("payments", matching, request)));
  }

  private Reply paymentRequest(RecordedRequest request, List<String> path) {
    if (path.size() == 2 && request.getMethod().equals("GET")) {
      synchronized (paymentRequests) {
        for (Map<String, @Nullable Object> pr : paymentRequests) {
          if (path.get(1).equals(pr.get("lago_id"))) {
            return reply(200, JsonTree.write(obj("payment_request", pr)));
          }
        }
      }
      return reply(404, errorBody(404, "payment_request_not_found", "Not Found"));
    }
    if (path.size() != 1) {
      return reply(404, errorBody(404, "not_found", "Not Found"));
    }
    if (request.getMethod().equals("GET")) {
      return listPaymentRequests(request);
    }
    Map<String, @Nullable Object> body = JsonTree.parseObject(request.getBody());
    if (body == null || !(body.get("payment_request") instanceof Map<?, ?> input)) {
      return reply(
          400,
          JsonTree.write(
              obj(
                  "status",
                  400,
                  "error",
                  "BadRequest: param is missing or the value is empty or invalid: payment_request")));
    }
    String customer = input.get("external_customer_id") instanceof String c ? c : null;
    if (customer == null
        || invoices.values().stream().noneMatch(i -> i.externalCustomerId().equals(customer))) {
      return reply(404, errorBody(404, "customer_not_found", "Not Found"));
    }
    List<String> ids = new ArrayList<>();
    if (input.get("lago_invoice_ids") instanceof List<?> list) {
      list.forEach(id -> ids.add(String.valueOf(id)));
    }
    List<Map<String, @Nullable Object>> included = new ArrayList<>();
    String currency = null;
    long total = 0;
    for (String id : ids) {
      Invoice invoice = invoices.get(id);
      if (invoice == null || !invoice.externalCustomerId().equals(customer)) {
        return reply(404, errorBody(404, "invoice_not_found", "Not Found"));
      }
      if (!invoice.overdue()) {
        return reply(405, errorBody(405, "invoices_not_overdue", "Method Not Allowed"));
      }
      if (currency != null && !currency.equals(invoice.currency())) {
        return reply(
            405, errorBody(405, "invoices_have_different_currencies", "Method Not Allowed"));
      }
      currency = invoice.currency();
      total += invoice.dueCents();
      included.add(
          obj(
              "lago_id",
              id,
              "payment_overdue",
              true,
              "status",
              "finalized",
              "payment_status",
              "pending",
              "currency",
              invoice.currency(),
              "total_amount_cents",
              invoice.dueCents(),
              "total_due_amount_cents",
              invoice.dueCents()));
    }
    if (included.isEmpty()) {
      return validationErrors(obj("lago_invoice_ids", List.of("value_is_mandatory")));
    }
    String customerEmail = customer + "@customers.example";
    Map<String, @Nullable Object> pr =
        obj(
            "lago_id",
            UUID.randomUUID().toString(),
            "email",
            input.get("email") instanceof String e ? e : customerEmail,
            "amount_cents",
            total,
            "amount_currency",
            currency,
            "payment_status",
            "pending",
            "created_at",
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            "customer",
            obj(
                "lago_id", UUID.nameUUIDFromBytes(customer.getBytes()).toString(),
                "external_id", customer,
                "email", customerEmail,
                "currency", currency),
            "invoices",
            included);
    synchronized (paymentRequests) {
      paymentRequests.add(pr);
    }
    return reply(200, JsonTree.write(obj("payment_request", pr)));
  }

  private Reply listPaymentRequests(RecordedRequest request) {
    String customer = query(request, "external_customer_id");
    String currency = query(request, "currency");
    String status = query(request, "payment_status");
    List<Map<String, @Nullable Object>> matching = new ArrayList<>();
    synchronized (paymentRequests) {
      for (int i = paymentRequests.size() - 1; i >= 0; i--) {
        Map<String, @Nullable Object> pr = paymentRequests.get(i);
        Map<?, ?> c = (Map<?, ?>) Objects.requireNonNull(pr.get("customer"));
        if ((customer == null || customer.equals(c.get("external_id")))
            && (currency == null || currency.equals(pr.get("amount_currency")))
            && (status == null || status.equals(pr.get("payment_status")))) {
          matching.add(pr);
        }
      }
    }
    return reply(200, JsonTree.write(paged("payment_requests", matching, request)));
  }

  /** Lago's 422: {@code error_details} maps each field to its error codes. */
  private static Reply validationErrors(Map<String, ?> details) {
    return reply(
        422,
        JsonTree.write(
            obj(
                "status",
                422,
                "error",
                "Unprocessable Entity",
                "code",
                "validation_errors",
                "error_details",
                details)));
  }

  private static Map<String, @Nullable Object> paged(
      String name, List<Map<String, @Nullable Object>> matching, RecordedRequest request) {
    int page = positive(query(request, "page"), 1);
    int perPage = positive(query(request, "per_page"), 100);
    int total = matching.size();
    int totalPages = (total + perPage - 1) / perPage;
    int from = Math.min((page - 1) * perPage, total);
    Map<String, @Nullable Object> meta =
        obj(
            "current_page",
            total == 0 ? 0 : page,
            "next_page",
            page < totalPages ? page + 1 : null,
            "prev_page",
            page > 1 && total > 0 ? page - 1 : null,
            "total_pages",
            totalPages,
            "total_count",
            total);
    return obj(name, matching.subList(from, Math.min(from + perPage, total)), "meta", meta);
  }

  private static Map<String, @Nullable Object> payment(
      String invoiceId, Invoice invoice, long cents, String reference) {
    String id = UUID.randomUUID().toString();
    return obj(
        "lago_id",
        id,
        "lago_customer_id",
        UUID.nameUUIDFromBytes(invoice.externalCustomerId().getBytes()).toString(),
        "external_customer_id",
        invoice.externalCustomerId(),
        "invoice_ids",
        List.of(invoiceId),
        "invoice_numbers",
        List.of("FAKE-" + invoiceId.substring(0, 8).toUpperCase()),
        "lago_payable_id",
        invoiceId,
        "payable_type",
        "Invoice",
        "amount_cents",
        cents,
        "amount_currency",
        invoice.currency(),
        "status",
        "succeeded",
        "payment_status",
        "succeeded",
        "type",
        "manual",
        "reference",
        reference,
        "payment_provider_code",
        null,
        "payment_provider_type",
        null,
        "external_payment_id",
        null,
        "provider_payment_id",
        null,
        "provider_customer_id",
        null,
        "next_action",
        Map.of(),
        "created_at",
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
  }

  private static boolean isLong(BigDecimal d) {
    try {
      d.longValueExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private static boolean isDate(String s) {
    try {
      LocalDate.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static int positive(@Nullable String value, int fallback) {
    try {
      int v = value == null ? fallback : Integer.parseInt(value);
      return v > 0 ? v : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
