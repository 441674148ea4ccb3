package io.payclient.testkit;

import static io.payclient.testkit.JsonTree.obj;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A fake Lago: payments ({@code POST /payments}, {@code GET /payments/{lago_id}}, {@code GET
 * /payments}) and payment requests ({@code POST}, {@code GET} one and list) under {@code /api/v1},
 * as the real server (getlago/lago-api) behaves.
 *
 * <p>Modelled as the server does it:
 *
 * <ul>
 *   <li>Invoices are seeded ({@link #seedInvoice(String, long)}, {@link #seedOverdueInvoice}); a
 *       customer exists from its first invoice. A payment create checks in the server's order, each
 *       of these answering alone: no or an empty {@code payment} root → 400; {@code invoice_id}
 *       blank → 422 {@code {"invoice_id":["value_is_mandatory"]}}; {@code amount_cents} not a JSON
 *       integer &gt; 0 → 422 {@code {"amount_cents":["invalid_value"]}}; unknown invoice → 404
 *       {@code invoice_not_found}; {@code paid_at} that is not a date or date-time → 422 {@code
 *       {"paid_at":["invalid_date"]}}. Then the payment's own validations, together: {@code
 *       reference} required ({@code value_is_mandatory}), at most 40 characters ({@code
 *       value_is_too_long}), {@code amount_cents} at most the amount due ({@code
 *       value_is_out_of_range}).
 *   <li>{@code paid_at} becomes the payment's {@code created_at} (a date is midnight UTC), as the
 *       server stores it; without it, the current time. Lists are ordered by {@code created_at},
 *       newest first.
 *   <li>No idempotency: two identical creates make two payments, as on the real server.
 *   <li>Payment requests take overdue invoices of one customer: unknown customer → 404 {@code
 *       customer_not_found}; ids that are not the customer's are ignored and none left → 404 {@code
 *       invoice_not_found}; any not overdue → 405 {@code invoices_not_overdue}; mixed currencies →
 *       405 {@code invoices_have_different_currencies}. Create, retrieve and list render the full
 *       customer and invoices, every field of the server's serializers, as they are now.
 *   <li>Lists are {@code page}/{@code per_page} (default 100), with Lago's {@code meta}; an empty
 *       result has {@code current_page} 0.
 *   <li><b>Webhooks</b> ({@link #registerWebhookEndpoint(URI, String)}, {@code jwt} by default):
 *       {@link #updatePaymentRequestStatus(String, String)} sends {@code
 *       payment_request.payment_status_updated} in Lago's envelope, signed with {@link
 *       LagoWebhookSigner} (an RSA key pair the fake makes, issuer {@link #webhookIssuer()}; or
 *       {@link #webhookHmacKey()}), {@code X-Lago-Unique-Key} a UUID kept across retries, tried up
 *       to 3 times with a short back-off ({@link #webhookRetryBackoff(Duration)}). The public key
 *       is served as Lago does: {@code GET /webhooks/json_public_key} ({@code
 *       {"webhook":{"public_key":<base64 of the PEM, with line breaks>}}}) and the deprecated
 *       {@code GET /webhooks/public_key} (the same base64 as text), both with the API key.
 *   <li>An injected {@link Fault#rateLimited(Duration)} answers as Lago Cloud: 429 with {@code
 *       X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (seconds);
 *       other responses carry the same headers, as Lago Cloud's do.
 * </ul>
 *
 * <p>Not modelled (fidelity limits): the instance is always premium and the key may write every
 * resource (no 403 {@code feature_unavailable} / {@code write_action_not_allowed_for_payment});
 * there is one billing entity and no credit, advance-charge or voided invoice, no taxes, coupons or
 * credit notes (an invoice's fees are its total); customers' addresses and names are placeholders;
 * {@code paid_at} accepts ISO-8601 dates and date-times only, where the server's {@code
 * Time.zone.parse} takes more forms; ties in {@code created_at} are ordered newest created first
 * (the server orders them by id); payment requests create no payment and send no email, and stay
 * {@code pending}; the real rate limit (50 requests a second per organisation) is not enforced:
 * every handled response carries the {@code X-RateLimit-*} headers of a one-second window (not a
 * 401, which the fake answers before), but only an injected fault answers 429; the 429's body is a
 * guess (Lago documents none); the only webhook sent is {@code
 * payment_request.payment_status_updated}.
 */
public class FakeLago extends FakeServer {
  /** The key a {@code new FakeLago()} accepts. */
  public static final String DEFAULT_API_KEY = "fake-lago-key";

  /** The code of the one billing entity every customer and invoice of the fake belongs to. */
  private static final String BILLING_ENTITY_CODE = "fake_billing_entity";

  /** What Lago Cloud allows per organisation and second, sent in {@code X-RateLimit-Limit}. */
  private static final int RATE_LIMIT_PER_SECOND = 50;

  /** A customer, created on the first invoice seeded for its external id. */
  private record Customer(
      String lagoId, String externalId, int sequentialId, String currency, Instant createdAt) {}

  /** An invoice; {@code totalCents} is what it was issued for, {@code dueCents} what is left. */
  private record Invoice(
      String lagoId,
      String currency,
      long totalCents,
      long dueCents,
      String externalCustomerId,
      boolean overdue,
      int sequentialId,
      LocalDate issuingDate,
      Instant createdAt,
      Instant updatedAt) {
    Invoice paid(long cents, Instant at) {
      return new Invoice(
          lagoId,
          currency,
          totalCents,
          dueCents - cents,
          externalCustomerId,
          overdue,
          sequentialId,
          issuingDate,
          createdAt,
          at);
    }
  }

  /** A payment request: its own fields; customer and invoices are rendered as they are now. */
  private record StoredRequest(
      Map<String, @Nullable Object> fields, String externalCustomerId, List<String> invoiceIds) {}

  private final Map<String, Customer> customers = new ConcurrentHashMap<>(); // by external id
  private final Map<String, Invoice> invoices = new ConcurrentHashMap<>();
  private final List<Map<String, @Nullable Object>> payments = new ArrayList<>(); // oldest first
  // Whether created_at never went back from one payment to the next (so newest first is the
  // insertion order reversed, with no sort), and the last one; guarded by payments.
  private boolean paymentsInOrder = true;
  private @Nullable Instant lastCreatedAt;
  private final List<StoredRequest> paymentRequests = new ArrayList<>(); // oldest first
  private final long[] window = new long[2]; // epoch second, requests in it; guarded by itself

  /** A fake accepting {@link #DEFAULT_API_KEY}; not started until used. */
  public FakeLago() {
    this(DEFAULT_API_KEY);
  }

  /** How many times Lago tries a webhook: 3. */
  public static final int WEBHOOK_ATTEMPTS = 3;

  private final String organizationId = UUID.randomUUID().toString();
  private final String webhookHmacKey = LagoWebhookSigner.newHmacKey();
  private final Object keysLock = new Object();
  private @Nullable KeyPair webhookKeys; // made on first use; guarded by keysLock

  /** A fake accepting the given key; not started until used. */
  public FakeLago(String apiKey) {
    super(apiKey, "/api/v1", "lago", WEBHOOK_ATTEMPTS);
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

  /**
   * Adds a finalized one-off invoice (not overdue) with the given id, currency, amount due and
   * customer; the customer is created on its first invoice, with the invoice's currency.
   *
   * @return {@code lagoId}
   */
  public String seedInvoice(
      String lagoId, String currency, long amountDueCents, String externalCustomerId) {
    return addInvoice(lagoId, currency, amountDueCents, externalCustomerId, false);
  }

  /**
   * Adds an overdue invoice of a customer, which payment requests can include.
   *
   * @return the invoice's Lago id
   */
  public String seedOverdueInvoice(
      String currency, long amountDueCents, String externalCustomerId) {
    return addInvoice(
        UUID.randomUUID().toString(), currency, amountDueCents, externalCustomerId, true);
  }

  private String addInvoice(
      String lagoId, String currency, long cents, String externalCustomerId, boolean overdue) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    synchronized (payments) {
      customers.computeIfAbsent(
          externalCustomerId,
          id ->
              new Customer(
                  UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString(),
                  id,
                  customers.size() + 1,
                  currency,
                  now));
      int sequentialId =
          1
              + (int)
                  invoices.values().stream()
                      .filter(i -> i.externalCustomerId().equals(externalCustomerId))
                      .count();
      // An overdue invoice was issued 30 days ago, due at once; another is issued today, net 30.
      LocalDate issued = LocalDate.now(ZoneOffset.UTC).minusDays(overdue ? 30 : 0);
      invoices.put(
          lagoId,
          new Invoice(
              lagoId,
              currency,
              cents,
              cents,
              externalCustomerId,
              overdue,
              sequentialId,
              issued,
              now,
              now));
    }
    return lagoId;
  }

  /**
   * Registers an endpoint whose webhooks are signed with {@code jwt}, Lago's default. See {@link
   * FakeServer#registerWebhookEndpoint(URI)}.
   */
  @Override
  public void registerWebhookEndpoint(URI url) {
    registerWebhookEndpoint(url, "jwt");
  }

  /**
   * Registers an endpoint with its signature algorithm, as Lago's webhook endpoint settings do.
   *
   * @param algorithm {@code jwt} (RS256 with {@link #webhookPublicKeyPem()}, issuer {@link
   *     #webhookIssuer()}) or {@code hmac} (with {@link #webhookHmacKey()})
   * @throws IllegalArgumentException if the algorithm is another, or the URL not absolute http(s)
   */
  public void registerWebhookEndpoint(URI url, String algorithm) {
    if (!algorithm.equals("jwt") && !algorithm.equals("hmac")) {
      throw new IllegalArgumentException("algorithm must be jwt or hmac: " + algorithm);
    }
    addWebhookEndpoint(url, algorithm);
  }

  /**
   * A payment request's {@code payment_status} changes (Lago's values: {@code pending}, {@code
   * succeeded}, {@code failed}; any other text is stored as given), and a {@code
   * payment_request.payment_status_updated} webhook goes to every registered endpoint with the
   * payment request as the REST API renders it. Retrieve and list show the new status at once. The
   * invoices are left as they are.
   *
   * @throws IllegalArgumentException if there is no such payment request or the status is blank
   */
  public void updatePaymentRequestStatus(String paymentRequestId, String status) {
    if (status == null || status.isBlank()) {
      throw new IllegalArgumentException("blank status");
    }
    Map<String, @Nullable Object> rendered = null;
    synchronized (payments) {
      for (StoredRequest pr : paymentRequests) {
        if (paymentRequestId.equals(pr.fields().get("lago_id"))) {
          pr.fields().put("payment_status", status);
          rendered = render(pr);
        }
      }
    }
    if (rendered == null) {
      throw new IllegalArgumentException("no such payment request: " + paymentRequestId);
    }
    byte[] body =
        JsonTree.write(
                obj(
                    "webhook_type",
                    "payment_request.payment_status_updated",
                    "object_type",
                    "payment_request",
                    "organization_id",
                    organizationId,
                    "payment_request",
                    rendered))
            .getBytes(StandardCharsets.UTF_8);
    String issuer = webhookIssuer();
    PrivateKey key = keys().getPrivate();
    deliverWebhook(
        body,
        (algorithm, uniqueKey) ->
            algorithm.equals("hmac")
                ? LagoWebhookSigner.hmacHeaders(webhookHmacKey, uniqueKey, body)
                : LagoWebhookSigner.jwtHeaders(key, issuer, uniqueKey, body));
  }

  /** The organisation's HMAC key, for endpoints registered with {@code hmac}. */
  public String webhookHmacKey() {
    return webhookHmacKey;
  }

  /**
   * The instance's RSA public key as a PEM {@code PUBLIC KEY}: give it to {@code
   * LagoWebhooks.builder().publicKey(…)}; {@code LagoClient.webhooks()} fetches it from the fake.
   */
  public String webhookPublicKeyPem() {
    return LagoWebhookSigner.publicKeyPem(keys().getPublic());
  }

  /**
   * The {@code iss} of this fake's JWTs: its URL without {@code /api/v1}, such as {@code
   * http://127.0.0.1:40000}, as a real instance names its {@code LAGO_API_URL}.
   */
  public String webhookIssuer() {
    String url = baseUrl();
    return url.substring(0, url.length() - "/api/v1".length());
  }

  /** This fake's organisation id, sent as {@code organization_id} in webhooks. */
  public String organizationId() {
    return organizationId;
  }

  private KeyPair keys() {
    synchronized (keysLock) {
      if (webhookKeys == null) {
        webhookKeys = LagoWebhookSigner.generateKeyPair();
      }
      return webhookKeys;
    }
  }

  /**
   * Adds {@code count} manual payments of 1.00 (in the invoice's currency) on a seeded invoice
   * (references {@code seed-<n>}), as if created now, one after the other, without requests,
   * without counting as creates ({@link #createdPayments()}) and without changing the invoice's
   * amount due: for tests and benchmarks that list many payments. Each payment takes about a
   * kilobyte of heap.
   *
   * @throws IllegalArgumentException if there is no such invoice, {@code count} is negative, or the
   *     fake would hold more than {@value FakeServer#MAX_SEEDED} payments
   */
  public void seedPayments(String invoiceId, int count) {
    Invoice invoice = invoices.get(invoiceId);
    if (invoice == null) {
      throw new IllegalArgumentException("no such invoice: " + invoiceId);
    }
    synchronized (payments) {
      checkSeedCount(count, payments.size());
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      for (int n = 0; n < count; n++) {
        addPayment(payment(invoice, 100, "seed-" + (payments.size() + 1), now), now);
      }
    }
  }

  /** Stores a payment, keeping track of whether the store is still in created_at order. */
  private void addPayment(Map<String, @Nullable Object> payment, Instant createdAt) {
    Instant last = lastCreatedAt;
    if (last != null && createdAt.isBefore(last)) {
      paymentsInOrder = false;
    }
    lastCreatedAt = createdAt;
    payments.add(payment);
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
    Reply reply = route(request, path);
    // Lago Cloud sends its rate-limit headers on every response; the limit is not enforced here.
    String[] headers = Arrays.copyOf(reply.headers(), reply.headers().length + 6);
    int used = usedThisSecond();
    headers[headers.length - 6] = "X-RateLimit-Limit";
    headers[headers.length - 5] = String.valueOf(RATE_LIMIT_PER_SECOND);
    headers[headers.length - 4] = "X-RateLimit-Remaining";
    headers[headers.length - 3] = String.valueOf(Math.max(0, RATE_LIMIT_PER_SECOND - used));
    headers[headers.length - 2] = "X-RateLimit-Reset";
    headers[headers.length - 1] = "1";
    return new Reply(reply.status(), reply.json(), headers);
  }

  /** Counts a request in the current one-second window and returns how many it holds. */
  private int usedThisSecond() {
    long second = Instant.now().getEpochSecond();
    synchronized (window) {
      if (window[0] != second) {
        window[0] = second;
        window[1] = 0;
      }
      return (int) ++window[1];
    }
  }

  private Reply route(RecordedRequest request, List<String> path) {
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
    if (path.size() == 2 && path.get(0).equals("webhooks") && method.equals("GET")) {
      String base64 = LagoWebhookSigner.publicKeyBase64(keys().getPublic());
      if (path.get(1).equals("json_public_key")) {
        return reply(200, JsonTree.write(obj("webhook", obj("public_key", base64))));
      }
      if (path.get(1).equals("public_key")) {
        return reply(200, base64, "Content-Type", "text/plain; charset=utf-8");
      }
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

  /**
   * Lago Cloud's 429: {@code X-RateLimit-Limit} (50 requests a second per organisation), {@code
   * X-RateLimit-Remaining} 0 and {@code X-RateLimit-Reset}, the seconds until the window resets
   * (rounded up); no {@code Retry-After}, which Lago does not document. The body is Lago's error
   * shape {@code {"status":429,"error":"Too Many Requests","code":"too_many_requests"}}: Lago
   * documents no body for it, so that part is this fake's guess.
   */
  @Override
  protected final Reply rateLimited(Duration wait) {
    return reply(
        429,
        errorBody(429, "too_many_requests", "Too Many Requests"),
        "X-RateLimit-Limit",
        String.valueOf(RATE_LIMIT_PER_SECOND),
        "X-RateLimit-Remaining",
        "0",
        "X-RateLimit-Reset",
        String.valueOf(wholeSecondsUp(wait)));
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
    // Rails' params.require answers 400 for a missing root and for an empty one alike.
    if (body == null || !(body.get("payment") instanceof Map<?, ?> input) || input.isEmpty()) {
      return reply(
          400,
          JsonTree.write(
              obj(
                  "status",
                  400,
                  "error",
                  "BadRequest: param is missing or the value is empty or invalid: payment")));
    }
    // Lago's order (ManualCreateService#check_preconditions, then the Payment model's
    // validations): each precondition answers alone, the model's errors come together.
    Object rawInvoice = scalar(input.get("invoice_id"));
    if (rawInvoice == null || (rawInvoice instanceof String id && id.isBlank())) {
      return validationErrors(obj("invoice_id", List.of("value_is_mandatory")));
    }
    Object rawAmount = scalar(input.get("amount_cents"));
    if (!(rawAmount instanceof BigDecimal d && d.scale() == 0 && d.signum() > 0 && isLong(d))) {
      return validationErrors(obj("amount_cents", List.of("invalid_value")));
    }
    long cents = ((BigDecimal) rawAmount).longValueExact();
    String invoiceId =
        rawInvoice instanceof BigDecimal n ? n.toPlainString() : String.valueOf(rawInvoice);
    if (!invoices.containsKey(invoiceId)) {
      return reply(404, errorBody(404, "invoice_not_found", "Not Found"));
    }
    Object paidAt = scalar(input.get("paid_at"));
    Instant createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    if (paidAt != null && !(paidAt instanceof String blank && blank.isEmpty())) {
      Instant parsed = paidAt instanceof String text ? parseTime(text) : null;
      if (parsed == null) {
        return validationErrors(obj("paid_at", List.of("invalid_date")));
      }
      createdAt = parsed;
    }
    Map<String, List<String>> details = new LinkedHashMap<>();
    Object reference = scalar(input.get("reference"));
    String ref = reference == null ? "" : reference.toString();
    if (ref.isBlank()) {
      details.put("reference", List.of("value_is_mandatory"));
    } else if (ref.length() > 40) {
      details.put("reference", List.of("value_is_too_long"));
    }
    synchronized (payments) {
      Invoice current = Objects.requireNonNull(invoices.get(invoiceId));
      if (cents > current.dueCents()) {
        details.put("amount_cents", List.of("value_is_out_of_range"));
      }
      if (!details.isEmpty()) {
        return validationErrors(details);
      }
      invoices.put(invoiceId, current.paid(cents, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
      Map<String, @Nullable Object> payment = payment(current, cents, ref, createdAt);
      addPayment(payment, createdAt);
      countCreated();
      return reply(200, JsonTree.write(obj("payment", payment)));
    }
  }

  private Reply listPayments(RecordedRequest request) {
    String invoiceId = query(request, "invoice_id");
    String customer = query(request, "external_customer_id");
    List<Map<String, @Nullable Object>> matching = new ArrayList<>();
    boolean inOrder;
    synchronized (payments) {
      inOrder = paymentsInOrder;
      if (inOrder && invoiceId == null && customer == null) {
        // Newest first is the insertion order reversed: the page is taken from a view of the
        // store, without sorting or copying the rest, so a page costs the same at any page.
        List<Map<String, @Nullable Object>> all = payments;
        int n = all.size();
        List<Map<String, @Nullable Object>> newestFirst =
            new AbstractList<>() {
              @Override
              public Map<String, @Nullable Object> get(int i) {
                return all.get(n - 1 - i);
              }

              @Override
              public int size() {
                return n;
              }
            };
        return reply(200, JsonTree.write(paged("payments", newestFirst, request)));
      }
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
    // Lago orders by created_at (which paid_at sets), newest first; ties newest created first.
    if (inOrder) {
      return reply(200, JsonTree.write(paged("payments", matching, request)));
    }
    matching.sort(
        Comparator.comparing(
                (Map<String, @Nullable Object> p) ->
                    Instant.parse(String.valueOf(p.get("created_at"))))
            .reversed());
    return reply(200, JsonTree.write(paged("payments", matching, request)));
  }

  private Reply paymentRequest(RecordedRequest request, List<String> path) {
    if (path.size() == 2 && request.getMethod().equals("GET")) {
      synchronized (payments) {
        for (StoredRequest pr : paymentRequests) {
          if (path.get(1).equals(pr.fields().get("lago_id"))) {
            return reply(200, JsonTree.write(obj("payment_request", render(pr))));
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
    // Rails' params.require answers 400 for a missing root and for an empty one alike.
    if (body == null
        || !(body.get("payment_request") instanceof Map<?, ?> input)
        || input.isEmpty()) {
      return reply(
          400,
          JsonTree.write(
              obj(
                  "status",
                  400,
                  "error",
                  "BadRequest: param is missing or the value is empty or invalid: payment_request")));
    }
    // Lago's order (PaymentRequests::CreateService#check_preconditions): customer, then the
    // customer's invoices among the ids (others are ignored), then all overdue, then one currency.
    String externalId = input.get("external_customer_id") instanceof String c ? c : null;
    Customer customer = externalId == null ? null : customers.get(externalId);
    if (customer == null) {
      return reply(404, errorBody(404, "customer_not_found", "Not Found"));
    }
    List<String> wanted = new ArrayList<>();
    if (input.get("lago_invoice_ids") instanceof List<?> list) {
      list.forEach(id -> wanted.add(String.valueOf(id)));
    }
    synchronized (payments) {
      List<Invoice> found = new ArrayList<>();
      for (String id : wanted) {
        Invoice invoice = invoices.get(id);
        if (invoice != null
            && invoice.externalCustomerId().equals(customer.externalId())
            && !found.contains(invoice)) {
          found.add(invoice);
        }
      }
      if (found.isEmpty()) {
        return reply(404, errorBody(404, "invoice_not_found", "Not Found"));
      }
      if (found.stream().anyMatch(i -> !i.overdue())) {
        return reply(405, errorBody(405, "invoices_not_overdue", "Method Not Allowed"));
      }
      if (found.stream().map(Invoice::currency).distinct().count() > 1) {
        return reply(
            405, errorBody(405, "invoices_have_different_currencies", "Method Not Allowed"));
      }
      Map<String, @Nullable Object> fields =
          obj(
              "lago_id",
              UUID.randomUUID().toString(),
              "amount_cents",
              found.stream().mapToLong(Invoice::dueCents).sum(),
              "amount_currency",
              found.get(0).currency(),
              "email",
              input.get("email") instanceof String e ? e : customerEmail(customer.externalId()),
              "payment_status",
              "pending",
              "created_at",
              Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      StoredRequest pr =
          new StoredRequest(
              fields, customer.externalId(), found.stream().map(Invoice::lagoId).toList());
      paymentRequests.add(pr);
      return reply(200, JsonTree.write(obj("payment_request", render(pr))));
    }
  }

  /**
   * A payment request as Lago renders it: its fields, the full customer and the full invoices as
   * they are now. The caller holds the lock on {@code payments}.
   */
  private Map<String, @Nullable Object> render(StoredRequest pr) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>(pr.fields());
    out.put("customer", customerJson(customer(pr.externalCustomerId())));
    List<Map<String, @Nullable Object>> rendered = new ArrayList<>();
    for (String id : pr.invoiceIds()) {
      rendered.add(invoiceJson(Objects.requireNonNull(invoices.get(id))));
    }
    out.put("invoices", rendered);
    return out;
  }

  private Reply listPaymentRequests(RecordedRequest request) {
    String customer = query(request, "external_customer_id");
    String currency = query(request, "currency");
    String status = query(request, "payment_status");
    List<Map<String, @Nullable Object>> matching = new ArrayList<>();
    synchronized (payments) {
      for (int i = paymentRequests.size() - 1; i >= 0; i--) {
        StoredRequest pr = paymentRequests.get(i);
        if ((customer == null || customer.equals(pr.externalCustomerId()))
            && (currency == null || currency.equals(pr.fields().get("amount_currency")))
            && (status == null || status.equals(pr.fields().get("payment_status")))) {
          matching.add(render(pr));
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

  private Map<String, @Nullable Object> payment(
      Invoice invoice, long cents, String reference, Instant createdAt) {
    return obj(
        "lago_id",
        UUID.randomUUID().toString(),
        "lago_customer_id",
        customer(invoice.externalCustomerId()).lagoId(),
        "external_customer_id",
        invoice.externalCustomerId(),
        "invoice_ids",
        List.of(invoice.lagoId()),
        "invoice_numbers",
        List.of(number(invoice)),
        "lago_payable_id",
        invoice.lagoId(),
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
        createdAt.toString());
  }

  private Customer customer(String externalId) {
    return Objects.requireNonNull(customers.get(externalId), "no such customer");
  }

  /** The invoice's number: Lago's {@code PREFIX-customer sequence-invoice sequence}. */
  private String number(Invoice invoice) {
    return String.format(
        Locale.ROOT,
        "LAG-FAKE-%03d-%03d",
        customer(invoice.externalCustomerId()).sequentialId(),
        invoice.sequentialId());
  }

  /** The customer as Lago's {@code V1::CustomerSerializer} renders it, every field present. */
  private Map<String, @Nullable Object> customerJson(Customer c) {
    return obj(
        "lago_id",
        c.lagoId(),
        "billing_entity_code",
        BILLING_ENTITY_CODE,
        "external_id",
        c.externalId(),
        "account_type",
        "customer",
        "name",
        "Customer " + c.externalId(),
        "firstname",
        null,
        "lastname",
        null,
        "customer_type",
        "company",
        "sequential_id",
        c.sequentialId(),
        "slug",
        String.format(Locale.ROOT, "LAG-FAKE-%03d", c.sequentialId()),
        "created_at",
        c.createdAt().toString(),
        "updated_at",
        c.createdAt().toString(),
        "country",
        "FR",
        "address_line1",
        "5 rue de la Paix",
        "address_line2",
        null,
        "state",
        null,
        "zipcode",
        "75002",
        "email",
        customerEmail(c.externalId()),
        "city",
        "Paris",
        "url",
        null,
        "phone",
        null,
        "logo_url",
        null,
        "legal_name",
        "Customer " + c.externalId(),
        "legal_number",
        null,
        "currency",
        c.currency(),
        "tax_identification_number",
        null,
        "timezone",
        null,
        "applicable_timezone",
        "UTC",
        "net_payment_term",
        null,
        "external_salesforce_id",
        null,
        "finalize_zero_amount_invoice",
        "inherit",
        "billing_configuration",
        obj(
            "invoice_grace_period",
            0,
            "payment_provider",
            null,
            "payment_provider_code",
            null,
            "document_locale",
            "en",
            "subscription_invoice_issuing_date_anchor",
            "current_period_end",
            "subscription_invoice_issuing_date_adjustment",
            "keep_anchor"),
        "shipping_address",
        obj(
            "address_line1",
            null,
            "address_line2",
            null,
            "city",
            null,
            "zipcode",
            null,
            "state",
            null,
            "country",
            null),
        "skip_invoice_custom_sections",
        false,
        "metadata",
        List.of());
  }

  /** The invoice as Lago's {@code V1::InvoiceSerializer} renders it, every field present. */
  private Map<String, @Nullable Object> invoiceJson(Invoice i) {
    long paid = i.totalCents() - i.dueCents();
    int netPaymentTerm = i.overdue() ? 0 : 30;
    return obj(
        "lago_id",
        i.lagoId(),
        "billing_entity_code",
        BILLING_ENTITY_CODE,
        "sequential_id",
        i.sequentialId(),
        "number",
        number(i),
        "purchase_order_number",
        null,
        "issuing_date",
        i.issuingDate().toString(),
        "payment_due_date",
        i.issuingDate().plusDays(netPaymentTerm).toString(),
        "net_payment_term",
        netPaymentTerm,
        "invoice_type",
        "one_off",
        "status",
        "finalized",
        "payment_status",
        i.dueCents() == 0 ? "succeeded" : "pending",
        "payment_dispute_lost_at",
        null,
        "payment_overdue",
        i.overdue() && i.dueCents() > 0,
        "currency",
        i.currency(),
        "fees_amount_cents",
        i.totalCents(),
        "taxes_amount_cents",
        0,
        "progressive_billing_credit_amount_cents",
        0,
        "coupons_amount_cents",
        0,
        "credit_notes_amount_cents",
        0,
        "sub_total_excluding_taxes_amount_cents",
        i.totalCents(),
        "sub_total_including_taxes_amount_cents",
        i.totalCents(),
        "total_amount_cents",
        i.totalCents(),
        "total_due_amount_cents",
        i.dueCents(),
        "total_paid_amount_cents",
        paid,
        "total_offsetted_credit_note_amount_cents",
        0,
        "prepaid_credit_amount_cents",
        0,
        "prepaid_granted_credit_amount_cents",
        0,
        "prepaid_purchased_credit_amount_cents",
        0,
        "file_url",
        "https://lago.invalid/invoices/" + i.lagoId() + ".pdf",
        "xml_url",
        null,
        "web_url",
        null,
        "version_number",
        4,
        "self_billed",
        false,
        "created_at",
        i.createdAt().toString(),
        "updated_at",
        i.updatedAt().toString(),
        "voided_at",
        null);
  }

  private static String customerEmail(String externalId) {
    return externalId + "@customers.example";
  }

  /** Rails' strong parameters keep scalars only: an object or array reads as absent. */
  private static @Nullable Object scalar(@Nullable Object value) {
    return value instanceof Map<?, ?> || value instanceof List<?> ? null : value;
  }

  /**
   * {@code paid_at} as Lago's {@code Time.zone.parse} (zone UTC) reads the common forms: a date
   * (midnight UTC), a date-time with an offset, or one without (UTC); {@code null} otherwise.
   */
  private static @Nullable Instant parseTime(String text) {
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      // not a plain date
    }
    try {
      return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      // no offset
    }
    try {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean isLong(BigDecimal d) {
    try {
      d.longValueExact();
      return true;
    } catch (ArithmeticException e) {
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
