package io.payclient.testkit;

import static io.payclient.testkit.JsonTree.obj;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * A fake Billingrails: {@code POST /payments}, {@code GET /payments/{id}} and {@code GET /payments}
 * under {@code /v1}, as Billingrails documents them (see the project's vendor facts).
 *
 * <pre>{@code
 * try (FakeBillingrails billingrails = FakeBillingrails.start()) {
 *   String account = billingrails.seedAccount();
 *   String invoice = billingrails.seedInvoice(account, "USD", 1000);   // 10.00 USD due
 *   BillingrailsClient client = BillingrailsClient.builder()
 *       .apiKey(billingrails.apiKey()).baseUrl(billingrails.baseUrl()).build();
 *   client.payments().create(BillingrailsPaymentCreateRequest.builder()
 *       .accountId(account).referenceId("PAY-REF-001").invoiceId(invoice).build());
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Create.</b> {@code mode} is {@code online} or {@code offline} (default); {@code
 *       account_id} and {@code reference_id} are required; exactly one of {@code invoice_id},
 *       {@code payment_request_id}, {@code credit_grant_id}, {@code order_id}; {@code succeeded_at}
 *       (an ISO-8601 date-time) only for offline payments; an online payment needs {@code
 *       integration_id} or {@code payment_method_id}. A body that is not a JSON object is a 400, a
 *       broken rule a 422, both {@code validation_error} with one {@code details} entry per field
 *       ({@code code} {@code missing} or {@code invalid}). The account and the paid object must
 *       have been seeded ({@link #seedAccount()}, {@link #seedInvoice(String, String, long)}, …),
 *       else 404 {@code not_found}; a paid object of another account is a 422. The payment takes
 *       the amount and currency of the paid object. Answer: 201 {@code
 *       {"payment":{…},"payment_link":…}}: an offline payment is {@code succeeded} with {@code
 *       payment_link} null, an online one {@code pending} with a payment link.
 *   <li><b>Idempotency</b>, as documented: the {@code Idempotency-Key} header (at most 180
 *       characters, else 400), scoped per API key, kept 24 hours by this fake's clock ({@link
 *       #advanceClock(Duration)}). The same key with the same body (compared as JSON, field order
 *       aside) gets the original response again, status and bytes, and creates nothing; with a
 *       different body, 409 saying so; while the first request with the key is still being
 *       processed, 409 {@code idempotency_key_in_use}. Responses of every status below 500 are
 *       kept; a 5xx frees the key. Without the header nothing is de-duplicated.
 *   <li><b>Retrieve</b> {@code {"payment":…,"meta":{"request_id":…}}}, or 404 {@code not_found}.
 *   <li><b>List</b> newest first, {@code page} (from 1) and {@code per_page} (default 20), with
 *       {@code meta{request_id, current_page, per_page, total_count}}; a page or size that is not a
 *       positive integer is a 400.
 *   <li><b>Errors</b> {@code {"error":{"type":"request_error","code":…,"message":…,"details":[…]}}}
 *       with Billingrails' codes ({@code unauthorized}, {@code not_found}, {@code
 *       method_not_allowed}, {@code invalid_request_url}, {@code too_many_requests}, {@code
 *       internal_server_error}, …).
 * </ul>
 *
 * <p>Not modelled (fidelity limits; Billingrails publishes no OpenAPI spec, so the shapes follow
 * its documentation pages and their examples): payment methods and integrations are not checked
 * (any non-blank id is taken) and {@code payment_method} is always null; {@code failure_reason} is
 * never set; paid objects can be paid more than once; online payments stay {@code pending} until
 * {@link #setPaymentStatus(String, String)} changes them. A create answers 201 (the docs say 200 in
 * one place and 201 in another). Lists use the {@code meta{request_id, current_page, per_page,
 * total_count}} shape, never the {@code {page, page_size, total_pages}} one the Node SDK also
 * knows. The rate limit (a token bucket per client IP) is not enforced; an injected 429 carries a
 * {@code Retry-After} that Billingrails does not document.
 *
 * <p><b>Webhooks</b> ({@link #registerWebhookEndpoint(java.net.URI)}): {@link
 * #succeedPayment(String)} and {@link #failPayment(String)} send {@code payment.succeeded} / {@code
 * payment.failed}, signed with {@link BillingrailsWebhookSigner} and {@link #webhookSecret()},
 * tried up to 4 times (the first and 3 retries) with a short back-off ({@link
 * #webhookRetryBackoff(Duration)}). Billingrails' envelope is unconfirmed; the fake sends {@code
 * {"id":"evt_…","type":…,"created_at":…,"data":{"payment":<as GET /payments/{id} renders it>}}}.
 * {@link #setPaymentStatus(String, String)} sends nothing.
 */
public class FakeBillingrails extends FakeServer {
  /** The key a {@code new FakeBillingrails()} accepts. */
  public static final String DEFAULT_API_KEY = "fake-billingrails-key";

  /** The longest {@code Idempotency-Key} accepted: 180 characters. */
  public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 180;

  /** How long an idempotency key is kept: 24 hours. */
  public static final Duration IDEMPOTENCY_KEY_TTL = Duration.ofHours(24);

  /** The page size when {@code per_page} is not given. */
  public static final int DEFAULT_PER_PAGE = 20;

  private static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  private static final List<String> TARGETS =
      List.of("invoice_id", "payment_request_id", "credit_grant_id", "order_id");
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  /** Something a payment pays: an invoice, payment request, credit grant or order. */
  private record Payable(String field, String accountId, String currency, long amountMinor) {}

  /** An idempotency key's entry; {@code reply} is null while the first request is in flight. */
  private record Stored(List<@Nullable Object> fingerprint, Instant at, @Nullable Reply reply) {}

  private final Object lock = new Object();
  private final Set<String> accounts = new HashSet<>();
  private final Map<String, Payable> payables = new HashMap<>();
  private final List<Map<String, @Nullable Object>> payments = new ArrayList<>(); // oldest first
  private final Map<String, Stored> idempotency = new HashMap<>();
  private Duration clockOffset = Duration.ZERO;

  /** A fake accepting {@link #DEFAULT_API_KEY}; not started until used. */
  public FakeBillingrails() {
    this(DEFAULT_API_KEY);
  }

  /** How many times Billingrails tries a webhook: the first attempt and up to 3 retries. */
  public static final int WEBHOOK_ATTEMPTS = 4;

  private final String webhookSecret = BillingrailsWebhookSigner.newSecret();

  /** A fake accepting the given key; not started until used. */
  public FakeBillingrails(String apiKey) {
    super(apiKey, "/v1", "billingrails", WEBHOOK_ATTEMPTS);
  }

  /** Starts a fake accepting {@link #DEFAULT_API_KEY}. */
  public static FakeBillingrails start() {
    FakeBillingrails fake = new FakeBillingrails();
    fake.startServer();
    return fake;
  }

  // ---- seeding and inspection ----

  /**
   * Adds an account with a new id such as {@code acc_IhMUl3rrZ3}.
   *
   * @return the account id
   */
  public String seedAccount() {
    return seedAccount(newId("acc_"));
  }

  /**
   * Adds an account with the given id (again is harmless).
   *
   * @return the id
   * @throws IllegalArgumentException if the id is blank
   */
  public String seedAccount(String accountId) {
    requireText(accountId, "accountId");
    synchronized (lock) {
      accounts.add(accountId);
    }
    return accountId;
  }

  /**
   * Adds an open invoice of an account (the account is added too if new).
   *
   * @param currency the ISO 4217 code the payment will carry, such as {@code "USD"}
   * @param amountMinor the amount a payment of it takes, in minor units ({@code 1000} = 10.00 USD)
   * @return the invoice id, such as {@code inv_IhMUl3rrZ3}
   * @throws IllegalArgumentException if a text is blank or the amount not positive
   */
  public String seedInvoice(String accountId, String currency, long amountMinor) {
    return seedInvoice(newId("inv_"), accountId, currency, amountMinor);
  }

  /** Adds an invoice with the given id; see {@link #seedInvoice(String, String, long)}. */
  public String seedInvoice(String invoiceId, String accountId, String currency, long amountMinor) {
    return seed("invoice_id", invoiceId, accountId, currency, amountMinor);
  }

  /** Adds a payment request ({@code preq_…}); see {@link #seedInvoice(String, String, long)}. */
  public String seedPaymentRequest(String accountId, String currency, long amountMinor) {
    return seed("payment_request_id", newId("preq_"), accountId, currency, amountMinor);
  }

  /** Adds a credit grant ({@code cg_…}); see {@link #seedInvoice(String, String, long)}. */
  public String seedCreditGrant(String accountId, String currency, long amountMinor) {
    return seed("credit_grant_id", newId("cg_"), accountId, currency, amountMinor);
  }

  /** Adds an order ({@code ord_…}); see {@link #seedInvoice(String, String, long)}. */
  public String seedOrder(String accountId, String currency, long amountMinor) {
    return seed("order_id", newId("ord_"), accountId, currency, amountMinor);
  }

  /**
   * Adds {@code count} succeeded offline payments of 10.00 USD on account {@code accountId}
   * (references {@code seed-<n>}, no invoice behind them), as if created now, one after the other,
   * without requests and without counting as creates ({@link #createdPayments()}): for tests and
   * benchmarks that list many payments. Each payment takes a few hundred bytes of heap.
   *
   * @throws IllegalArgumentException if {@code accountId} is blank, {@code count} is negative, or
   *     the fake would hold more than {@value FakeServer#MAX_SEEDED} payments
   */
  public void seedPayments(String accountId, int count) {
    requireText(accountId, "accountId");
    synchronized (lock) {
      checkSeedCount(count, payments.size());
      accounts.add(accountId);
      String createdAt = now().truncatedTo(ChronoUnit.MILLIS).toString();
      for (int n = 0; n < count; n++) {
        payments.add(
            payment(
                newId("pay_"),
                accountId,
                1000L,
                "USD",
                "Seeded payment",
                null,
                "seed-" + (payments.size() + 1),
                "succeeded",
                createdAt));
      }
    }
  }

  /** A new payment's JSON object, as Billingrails answers a create (no method, no failure yet). */
  private static Map<String, @Nullable Object> payment(
      String id,
      @Nullable String accountId,
      long amountMinor,
      String currency,
      String description,
      @Nullable String paymentMethodId,
      @Nullable String referenceId,
      String status,
      String createdAt) {
    return obj(
        "object",
        "payment",
        "id",
        id,
        "account_id",
        accountId,
        "amount",
        amountMinor,
        "currency",
        currency,
        "description",
        description,
        "payment_method",
        null,
        "payment_method_id",
        paymentMethodId,
        "reference_id",
        referenceId,
        "status",
        status,
        "failure_reason",
        null,
        "created_at",
        createdAt);
  }

  /** The payments created, oldest first, as their JSON objects (read-only copies). */
  public List<Map<String, @Nullable Object>> payments() {
    synchronized (lock) {
      List<Map<String, @Nullable Object>> out = new ArrayList<>();
      for (Map<String, @Nullable Object> p : payments) {
        out.add(Collections.unmodifiableMap(new LinkedHashMap<>(p)));
      }
      return Collections.unmodifiableList(out);
    }
  }

  /** A created payment's JSON object (a read-only copy), if it exists. */
  public Optional<Map<String, @Nullable Object>> payment(String paymentId) {
    synchronized (lock) {
      Map<String, @Nullable Object> p = find(paymentId);
      return p == null
          ? Optional.empty()
          : Optional.of(Collections.unmodifiableMap(new LinkedHashMap<>(p)));
    }
  }

  /**
   * Changes a payment's {@code status} (and {@code failure_reason}, for {@code failed}), as when a
   * payer completes an online payment. Responses already kept for idempotency do not change. No
   * webhook is sent ({@link #succeedPayment(String)} and {@link #failPayment(String)} send one).
   *
   * @param status a wire status: {@code pending}, {@code succeeded}, {@code failed}, {@code
   *     canceled}, or any other text to test unknown values
   * @throws IllegalArgumentException if there is no such payment
   */
  public void setPaymentStatus(String paymentId, String status) {
    requireText(status, "status");
    synchronized (lock) {
      Map<String, @Nullable Object> p = find(paymentId);
      if (p == null) {
        throw new IllegalArgumentException("no such payment: " + paymentId);
      }
      p.put("status", status);
      p.put("failure_reason", status.equals("failed") ? "gateway_error" : null);
    }
  }

  /**
   * The payer's online payment goes through: a {@code pending} payment becomes {@code succeeded},
   * and a {@code payment.succeeded} webhook goes to every registered endpoint. Retrieve and list
   * show the new status at once.
   *
   * @throws IllegalArgumentException if there is no such payment
   * @throws IllegalStateException if the payment is not pending
   */
  public void succeedPayment(String paymentId) {
    finish(paymentId, "succeeded", "payment.succeeded");
  }

  /**
   * The payer's online payment fails: a {@code pending} payment becomes {@code failed} (with a
   * {@code failure_reason}), and a {@code payment.failed} webhook goes to every registered
   * endpoint.
   *
   * @throws IllegalArgumentException if there is no such payment
   * @throws IllegalStateException if the payment is not pending
   */
  public void failPayment(String paymentId) {
    finish(paymentId, "failed", "payment.failed");
  }

  /**
   * The endpoints' signing secret, new for each fake: give it to {@code
   * BillingrailsWebhooks.builder().secret(…)}.
   */
  public String webhookSecret() {
    return webhookSecret;
  }

  private void finish(String paymentId, String status, String type) {
    Map<String, @Nullable Object> snapshot;
    Instant at;
    synchronized (lock) {
      Map<String, @Nullable Object> p = find(paymentId);
      if (p == null) {
        throw new IllegalArgumentException("no such payment: " + paymentId);
      }
      if (!"pending".equals(p.get("status"))) {
        throw new IllegalStateException(
            "payment " + paymentId + " is " + p.get("status") + ", not pending");
      }
      setPaymentStatus(paymentId, status);
      snapshot = new LinkedHashMap<>(p);
      at = now();
    }
    byte[] body =
        JsonTree.write(
                obj(
                    "id",
                    newId("evt_"),
                    "type",
                    type,
                    "created_at",
                    at.truncatedTo(ChronoUnit.MILLIS).toString(),
                    "data",
                    obj("payment", snapshot)))
            .getBytes(StandardCharsets.UTF_8);
    deliverWebhook(body, (scheme, id) -> BillingrailsWebhookSigner.headers(webhookSecret, body));
  }

  /** Moves this fake's clock forward, e.g. past the 24 hours an idempotency key is kept. */
  public void advanceClock(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward: " + by);
    }
    synchronized (lock) {
      clockOffset = clockOffset.plus(by);
    }
  }

  /** This fake's current time: the system clock plus {@link #advanceClock(Duration)}. */
  public Instant now() {
    synchronized (lock) {
      return Instant.now().plus(clockOffset);
    }
  }

  // ---- HTTP ----

  @Override
  protected final Reply handle(RecordedRequest request, List<String> path) {
    String method = request.getMethod();
    if (path.size() == 1 && path.get(0).equals("payments")) {
      return switch (method) {
        case "POST" -> idempotent(request);
        case "GET" -> list(request);
        default -> methodNotAllowed();
      };
    }
    if (path.size() == 2 && path.get(0).equals("payments")) {
      return method.equals("GET") ? retrieve(path.get(1)) : methodNotAllowed();
    }
    return reply(404, errorBody(404, "invalid_request_url", "Invalid request URL."));
  }

  @Override
  protected final String errorBody(int status, String code, String message) {
    return error(code, message, List.of());
  }

  private static String error(String code, String message, List<Map<String, Object>> details) {
    Map<String, @Nullable Object> error =
        obj("type", "request_error", "code", code, "message", message);
    if (!details.isEmpty()) {
      error.put("details", details);
    }
    return JsonTree.write(obj("error", error));
  }

  private Reply methodNotAllowed() {
    return reply(405, errorBody(405, "method_not_allowed", "Method not allowed."));
  }

  private static Reply validation(int status, List<Map<String, Object>> details) {
    return reply(status, error("validation_error", "Validation error", details));
  }

  private static Map<String, Object> detail(String field, String code, String message) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("field", field);
    d.put("message", message);
    d.put("code", code);
    return d;
  }

  /** Applies the {@code Idempotency-Key} rules around a create. */
  private Reply idempotent(RecordedRequest request) {
    String key = request.getHeaders().get(IDEMPOTENCY_HEADER);
    if (key == null) {
      return create(request);
    }
    if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
      return validation(
          400,
          List.of(
              detail(
                  IDEMPOTENCY_HEADER,
                  "invalid",
                  "Idempotency-Key must be 1 to "
                      + MAX_IDEMPOTENCY_KEY_LENGTH
                      + " characters long.")));
    }
    // Scoped per API key: the Authorization header is part of the entry's name.
    String scope = request.getHeaders().get("Authorization") + '\n' + key;
    List<@Nullable Object> fingerprint = fingerprint(request);
    Instant firstSeen;
    synchronized (lock) {
      Instant now = now();
      idempotency.values().removeIf(s -> !s.at().plus(IDEMPOTENCY_KEY_TTL).isAfter(now));
      Stored stored = idempotency.get(scope);
      if (stored != null) {
        if (stored.reply() == null) {
          return reply(
              409,
              errorBody(
                  409,
                  "idempotency_key_in_use",
                  "A request with this idempotency key is in progress"));
        }
        if (!stored.fingerprint().equals(fingerprint)) {
          return reply(
              409,
              errorBody(
                  409,
                  "idempotency_key_reused",
                  "This idempotency key was already used with a different request body"));
        }
        return stored.reply();
      }
      firstSeen = now;
      idempotency.put(scope, new Stored(fingerprint, now, null));
    }
    Reply reply = null;
    try {
      reply = create(request);
      return reply;
    } finally {
      synchronized (lock) {
        if (reply != null && reply.status() < 500) {
          idempotency.put(scope, new Stored(fingerprint, firstSeen, reply));
        } else {
          idempotency.remove(scope);
        }
      }
    }
  }

  /** Method, path and body: the body as a JSON tree (field order aside), else its bytes. */
  private static List<@Nullable Object> fingerprint(RecordedRequest request) {
    ByteString body = request.getBody();
    Object content;
    try {
      content = JsonTree.parse(body);
    } catch (IllegalArgumentException e) {
      content = body == null ? ByteString.EMPTY : body;
    }
    return Arrays.asList(request.getMethod(), request.getUrl().encodedPath(), content);
  }

  private Reply create(RecordedRequest request) {
    Map<String, @Nullable Object> body = JsonTree.parseObject(request.getBody());
    if (body == null) {
      return validation(
          400, List.of(detail("body", "invalid", "The request body must be a JSON object.")));
    }
    List<Map<String, Object>> details = new ArrayList<>();
    Object rawMode = body.get("mode");
    String mode = "offline";
    if (rawMode != null) {
      if (rawMode.equals("online") || rawMode.equals("offline")) {
        mode = (String) rawMode;
      } else {
        details.add(detail("mode", "invalid", "Mode must be one of online, offline."));
      }
    }
    String accountId = text(body, "account_id", true, details);
    String referenceId = text(body, "reference_id", true, details);
    String succeededAt = text(body, "succeeded_at", false, details);
    String integrationId = text(body, "integration_id", false, details);
    String paymentMethodId = text(body, "payment_method_id", false, details);
    List<String> given = new ArrayList<>();
    Map<String, String> targetIds = new LinkedHashMap<>();
    for (String field : TARGETS) {
      String id = text(body, field, false, details);
      if (id != null) {
        given.add(field);
        targetIds.put(field, id);
      }
    }
    if (given.isEmpty() && details.stream().noneMatch(d -> TARGETS.contains(d.get("field")))) {
      details.add(
          detail(
              "invoice_id",
              "missing",
              "One of invoice_id, payment_request_id, credit_grant_id or order_id is required."));
    } else if (given.size() > 1) {
      details.add(
          detail(
              given.get(1),
              "invalid",
              "Only one of invoice_id, payment_request_id, credit_grant_id or order_id may be"
                  + " given; got "
                  + String.join(", ", given)
                  + "."));
    }
    boolean online = mode.equals("online");
    if (succeededAt != null) {
      if (online) {
        details.add(
            detail(
                "succeeded_at", "invalid", "succeeded_at is only allowed for offline payments."));
      } else if (!isDateTime(succeededAt)) {
        details.add(
            detail("succeeded_at", "invalid", "succeeded_at must be an ISO 8601 date-time."));
      }
    }
    if (online && integrationId == null && paymentMethodId == null) {
      details.add(
          detail(
              "integration_id",
              "missing",
              "integration_id or payment_method_id is required for online payments."));
    }
    if (!details.isEmpty()) {
      return validation(422, details);
    }
    String targetField = given.get(0);
    String targetId = Objects.requireNonNull(targetIds.get(targetField));
    synchronized (lock) {
      if (!accounts.contains(accountId)) {
        return reply(404, errorBody(404, "not_found", "Account not found."));
      }
      Payable paid = payables.get(targetId);
      if (paid == null || !paid.field().equals(targetField)) {
        return reply(404, errorBody(404, "not_found", label(targetField) + " not found."));
      }
      if (!paid.accountId().equals(accountId)) {
        return validation(
            422,
            List.of(
                detail(
                    targetField,
                    "invalid",
                    label(targetField) + " does not belong to account " + accountId + ".")));
      }
      String id = newId("pay_");
      Map<String, @Nullable Object> payment =
          payment(
              id,
              accountId,
              paid.amountMinor(),
              paid.currency(),
              "Payment for " + label(targetField).toLowerCase(Locale.ROOT) + " " + targetId,
              paymentMethodId,
              referenceId,
              online ? "pending" : "succeeded",
              now().truncatedTo(ChronoUnit.MILLIS).toString());
      payments.add(payment);
      countCreated();
      String link = online ? "https://checkout.fake-billingrails.invalid/pay/" + id : null;
      return reply(201, JsonTree.write(obj("payment", payment, "payment_link", link)));
    }
  }

  private Reply retrieve(String paymentId) {
    synchronized (lock) {
      Map<String, @Nullable Object> p = find(paymentId);
      if (p == null) {
        return reply(404, errorBody(404, "not_found", "Payment not found."));
      }
      return reply(200, JsonTree.write(obj("payment", p, "meta", obj("request_id", requestId()))));
    }
  }

  private Reply list(RecordedRequest request) {
    List<Map<String, Object>> details = new ArrayList<>();
    int page = positive(query(request, "page"), 1, "page", details);
    int perPage = positive(query(request, "per_page"), DEFAULT_PER_PAGE, "per_page", details);
    if (!details.isEmpty()) {
      return validation(400, details);
    }
    synchronized (lock) {
      // Newest first; only the page's payments are taken, so a page costs the same at any page.
      int total = payments.size();
      long from = Math.min((long) (page - 1) * perPage, total);
      long to = Math.min(from + perPage, total);
      List<Map<String, @Nullable Object>> items = new ArrayList<>((int) (to - from));
      for (long i = from; i < to; i++) {
        items.add(payments.get(total - 1 - (int) i));
      }
      Map<String, @Nullable Object> meta =
          obj(
              "request_id",
              requestId(),
              "current_page",
              page,
              "per_page",
              perPage,
              "total_count",
              total);
      return reply(200, JsonTree.write(obj("payments", items, "meta", meta)));
    }
  }

  // ---- helpers ----

  private String seed(
      String field, String id, String accountId, String currency, long amountMinor) {
    requireText(id, "id");
    requireText(accountId, "accountId");
    requireText(currency, "currency");
    if (amountMinor <= 0) {
      throw new IllegalArgumentException("amountMinor must be > 0: " + amountMinor);
    }
    synchronized (lock) {
      accounts.add(accountId);
      payables.put(id, new Payable(field, accountId, currency, amountMinor));
    }
    return id;
  }

  private @Nullable Map<String, @Nullable Object> find(String paymentId) {
    for (Map<String, @Nullable Object> p : payments) {
      if (paymentId.equals(p.get("id"))) {
        return p;
      }
    }
    return null;
  }

  /**
   * A string field: {@code null} when absent or null (a detail {@code missing} if required), a
   * detail {@code invalid} when not a string, {@code missing} when blank.
   */
  private static @Nullable String text(
      Map<String, @Nullable Object> body,
      String field,
      boolean required,
      List<Map<String, Object>> details) {
    Object value = body.get(field);
    if (value == null) {
      if (required) {
        details.add(detail(field, "missing", label(field) + " is required."));
      }
      return null;
    }
    if (!(value instanceof String s)) {
      details.add(detail(field, "invalid", field + " must be a string."));
      return null;
    }
    if (s.isBlank()) {
      details.add(detail(field, "missing", label(field) + " must not be blank."));
      return null;
    }
    return s;
  }

  /** {@code account_id} → {@code Account}, {@code payment_request_id} → {@code Payment request}. */
  private static String label(String field) {
    String words = field.endsWith("_id") ? field.substring(0, field.length() - 3) : field;
    words = words.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static int positive(
      @Nullable String value, int fallback, String field, List<Map<String, Object>> details) {
    if (value == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(value);
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    details.add(detail(field, "invalid", field + " must be a positive integer."));
    return fallback;
  }

  private static boolean isDateTime(String s) {
    try {
      OffsetDateTime.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static void requireText(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static String requestId() {
    return newId("req_");
  }

  private static String newId(String prefix) {
    StringBuilder b = new StringBuilder(prefix);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 10; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
