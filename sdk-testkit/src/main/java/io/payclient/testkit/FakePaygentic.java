package io.payclient.testkit;

import static io.payclient.testkit.JsonTree.obj;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A fake Paygentic: {@code POST /v0/payments}, {@code GET /v0/payments/{id}} and {@code GET
 * /v0/payments}, as the project's vendor facts describe the real service. Its {@link #baseUrl()}
 * has no path ({@code http://127.0.0.1:PORT}): Paygentic's paths start with {@code /v0}.
 *
 * <pre>{@code
 * try (FakePaygentic fake = FakePaygentic.start();
 *     PaygenticClient paygentic = PaygenticClient.builder()
 *         .apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build()) {
 *   PaygenticPayment p = paygentic.payments().create(...);
 *   fake.completePayment(p.id());   // the payer pays; a signed webhook goes out
 * }
 * }</pre>
 *
 * <ul>
 *   <li>A create is validated like the real service: {@code amount} a string matching {@code
 *       ^\d+(\.\d{1,2})?$} from 1.00 to 5000.00, {@code currency} USD/EUR/GBP/AUD, {@code
 *       idempotencyKey} and {@code reference} at most 255 characters, {@code metadata} string
 *       values, at most 100 {@code lineItems} (each with a {@code description} and a decimal {@code
 *       amount}, {@code quantity} ≥ 1), redirect URLs absolute URIs, {@code savePaymentMethod:
 *       true} only with a {@code customerId}, {@code expiresIn} an ISO-8601 duration up to {@code
 *       P31D} (default {@code P30D}). Violations answer 400 with the {@code ValidationError} shape
 *       {@code {"error":"validation_error","message":…,"errors":[{field, message, code}]}}, every
 *       violation listed; a body that is not a JSON object answers 400 {@code
 *       {"error":"bad_request",…}}.
 *   <li>A new payment answers 201: {@code id} {@code pay_…}, {@code object} {@code payment}, {@code
 *       status} {@code pending}, a {@code paymentUrl}, {@code createdAt}, {@code expiresAt} and the
 *       create's fields echoed (amount exactly as sent).
 *   <li>Idempotency by the body's {@code idempotencyKey}: a create whose key matches an existing
 *       payment answers 200 with that payment (whatever the rest of the body) and creates nothing.
 *       The body is validated first, as the real service's schema check comes first.
 *   <li>Lists are newest first, filtered by {@code merchantId}, {@code status} and {@code
 *       customerId}, paged by {@code limit} (1–100, default 10) and {@code offset} (≥ 0), with
 *       {@code {"object":"list","data":[…],"pagination":{limit, offset, total}}}. A payment's
 *       merchant is the create's {@code merchantId}, else {@link #DEFAULT_MERCHANT_ID} (the key is
 *       taken as scoped to that merchant). A list without {@code merchantId} sees every payment.
 *   <li>A list with bad parameters ({@code limit} 0 or over 100 or not an integer, a negative
 *       {@code offset}, a {@code status} outside the enum) is <b>not confirmed</b>: the spec
 *       declares those bounds and that enum but no 400 for the operation, and nothing public shows
 *       what the server does. By default ({@link ListQueryPolicy#REJECT}) the fake answers 400 in
 *       the {@code ValidationError} shape, as the create's schema check does, so a test fails where
 *       production might; {@link #listQueryPolicy(ListQueryPolicy)} switches to {@link
 *       ListQueryPolicy#LENIENT} to try the other reading.
 *   <li><b>Webhooks</b> ({@link #registerWebhookEndpoint(java.net.URI)}): {@link
 *       #completePayment(String)} and {@link #expirePayment(String)} send {@code
 *       payment.completed.v0} / {@code payment.expired.v0} (assumed names: Paygentic documents no
 *       payment event) with {@code {"eventType","eventId","timestamp","data":<the payment as GET
 *       /v0/payments/{id} renders it>}}, signed as Svix signs ({@link PaygenticWebhookSigner},
 *       secret {@link #webhookSecret()}), tried up to 8 times with a short back-off ({@link
 *       #webhookRetryBackoff(Duration)}). {@link #setStatus(String, String)} sends nothing.
 *   <li>Errors otherwise use Paygentic's {@code Error} shape {@code {"error":…,"message":…}}: 401
 *       for a wrong key, 404 for an unknown payment or path, 405 for another method.
 * </ul>
 *
 * <p>Not modelled (fidelity limits): the sandbox/production key split ({@code sk_test_} on the
 * sandbox host only) and merchant scoping beyond the {@code merchantId} filter (no 403); payment
 * sessions, {@code failed} payments and expiry (a payment stays {@code pending} past {@code
 * expiresAt} until {@link #expirePayment(String)} or {@link #setStatus(String, String)} moves it);
 * the currency is the create's, not the account's; {@code code} and {@code details} of the {@code
 * Error} shape are never sent; the messages of validation errors are this fake's wording. The
 * injected 429 carries a {@code Retry-After} that Paygentic does not document (it documents no rate
 * limit).
 */
public class FakePaygentic extends FakeServer {
  /** The key a {@code new FakePaygentic()} accepts (a sandbox-shaped key). */
  public static final String DEFAULT_API_KEY = "sk_test_fake_paygentic";

  /** The merchant of payments created without a {@code merchantId}. */
  public static final String DEFAULT_MERCHANT_ID = "org_fake_merchant";

  private static final Pattern AMOUNT = Pattern.compile("^\\d+(\\.\\d{1,2})?$");
  private static final BigDecimal MIN_AMOUNT = new BigDecimal("1.00");
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("5000.00");
  private static final Set<String> CURRENCIES = Set.of("USD", "EUR", "GBP", "AUD");
  private static final Set<String> STATUSES =
      Set.of("pending", "processing", "completed", "expired", "cancelled");
  private static final int MAX_TEXT = 255;
  private static final int MAX_LINE_ITEMS = 100;
  private static final int DEFAULT_LIMIT = 10;
  private static final int MAX_LIMIT = 100;
  private static final Duration DEFAULT_EXPIRES_IN = Duration.ofDays(30);
  private static final Duration MAX_EXPIRES_IN = Duration.ofDays(31);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A stored payment: its wire object, and what the wire object does not show. */
  private record Stored(Map<String, @Nullable Object> payment, String merchantId) {}

  private final List<Stored> payments = new ArrayList<>(); // oldest first; guarded by itself
  private volatile ListQueryPolicy listQueryPolicy = ListQueryPolicy.REJECT;

  /**
   * What a list does with parameters outside the spec's bounds. The real server's behaviour is not
   * known (the spec declares the bounds but no 400 for the list): pick the reading to test.
   */
  public enum ListQueryPolicy {
    /**
     * 400 {@code {"error":"validation_error","message":…,"errors":[{field, message, code}]}}, one
     * entry per bad parameter (the default).
     */
    REJECT,
    /**
     * 200: {@code limit} and {@code offset} are clamped into their bounds ({@code limit} 1–100,
     * {@code offset} ≥ 0), a value that is not an integer takes the default, and a {@code status}
     * outside the enum is a plain filter (it matches no payment unless {@link #setStatus} gave one
     * that status); {@code pagination} echoes the values used.
     */
    LENIENT
  }

  /** A fake accepting {@link #DEFAULT_API_KEY}; not started until used. */
  public FakePaygentic() {
    this(DEFAULT_API_KEY);
  }

  /** How many times Paygentic (through Svix) tries a webhook: 8. */
  public static final int WEBHOOK_ATTEMPTS = 8;

  private final String webhookSecret = PaygenticWebhookSigner.newSecret();

  /** A fake accepting the given key; not started until used. */
  public FakePaygentic(String apiKey) {
    super(apiKey, "", "paygentic", WEBHOOK_ATTEMPTS);
  }

  /** Starts a fake accepting {@link #DEFAULT_API_KEY}. */
  public static FakePaygentic start() {
    FakePaygentic fake = new FakePaygentic();
    fake.startServer();
    return fake;
  }

  /**
   * Moves a payment through its lifecycle (pending → processing → completed, or expired,
   * cancelled). Any value is stored as given, so a status the SDK does not know can be tried too.
   * No webhook is sent ({@link #completePayment(String)} and {@link #expirePayment(String)} send
   * one).
   *
   * @throws IllegalArgumentException if there is no such payment or the status is blank
   */
  public void setStatus(String paymentId, String status) {
    if (status == null || status.isBlank()) {
      throw new IllegalArgumentException("blank status");
    }
    synchronized (payments) {
      Stored s = find(paymentId).orElseThrow(() -> noSuchPayment(paymentId));
      s.payment().put("status", status);
    }
  }

  /**
   * The payer pays: a {@code pending} or {@code processing} payment becomes {@code completed}, and
   * a {@code payment.completed.v0} webhook goes to every registered endpoint. Retrieve and list
   * show the new status at once.
   *
   * @throws IllegalArgumentException if there is no such payment
   * @throws IllegalStateException if the payment is not pending or processing
   */
  public void completePayment(String paymentId) {
    finish(paymentId, "completed", "payment.completed.v0");
  }

  /**
   * The payment expires unpaid: a {@code pending} or {@code processing} payment becomes {@code
   * expired}, and a {@code payment.expired.v0} webhook goes to every registered endpoint.
   *
   * @throws IllegalArgumentException if there is no such payment
   * @throws IllegalStateException if the payment is not pending or processing
   */
  public void expirePayment(String paymentId) {
    finish(paymentId, "expired", "payment.expired.v0");
  }

  /**
   * The endpoints' signing secret, {@code whsec_} and base64, new for each fake: give it to {@code
   * PaygenticWebhooks.builder().secret(…)}.
   */
  public String webhookSecret() {
    return webhookSecret;
  }

  private void finish(String paymentId, String status, String eventType) {
    Map<String, @Nullable Object> snapshot;
    synchronized (payments) {
      Stored s = find(paymentId).orElseThrow(() -> noSuchPayment(paymentId));
      Object now = s.payment().get("status");
      if (!"pending".equals(now) && !"processing".equals(now)) {
        throw new IllegalStateException(
            "payment " + paymentId + " is " + now + ", not pending or processing");
      }
      s.payment().put("status", status);
      snapshot = new LinkedHashMap<>(s.payment());
    }
    // Svix fans one message out to every endpoint: one svix-id and eventId for all of them.
    String msgId = "msg_" + HexFormat.of().formatHex(randomBytes());
    byte[] body =
        JsonTree.write(
                obj(
                    "eventType",
                    eventType,
                    "eventId",
                    "evt_" + HexFormat.of().formatHex(randomBytes()),
                    "timestamp",
                    Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                    "data",
                    snapshot))
            .getBytes(StandardCharsets.UTF_8);
    // Each attempt is signed at its own time, as Svix does.
    deliverWebhook(
        body,
        (scheme, id) -> PaygenticWebhookSigner.headers(webhookSecret, msgId, Instant.now(), body));
  }

  /**
   * The status of a payment.
   *
   * @throws IllegalArgumentException if there is no such payment
   */
  public String status(String paymentId) {
    synchronized (payments) {
      Stored s = find(paymentId).orElseThrow(() -> noSuchPayment(paymentId));
      return String.valueOf(s.payment().get("status"));
    }
  }

  /**
   * Sets how lists treat bad parameters from now on (default {@link ListQueryPolicy#REJECT}).
   *
   * @return this fake
   * @throws NullPointerException if {@code policy} is null
   */
  public FakePaygentic listQueryPolicy(ListQueryPolicy policy) {
    this.listQueryPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Adds {@code count} completed payments of 10.00 USD (references {@code seed-<n>}), as if created
   * now, one after the other, without requests and without counting as creates ({@link
   * #createdPayments()}): for tests and benchmarks that list many payments. Each payment takes a
   * few hundred bytes of heap.
   *
   * @throws IllegalArgumentException if {@code count} is negative, or the fake would hold more than
   *     {@value FakeServer#MAX_SEEDED} payments
   */
  public void seedPayments(int count) {
    synchronized (payments) {
      checkSeedCount(count, payments.size());
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      for (int n = 0; n < count; n++) {
        Map<String, @Nullable Object> payment = newPayment("10.00", "USD", "completed", now);
        payment.put("reference", "seed-" + (payments.size() + 1));
        payment.put("expiresAt", now.plus(DEFAULT_EXPIRES_IN).toString());
        payments.add(new Stored(payment, DEFAULT_MERCHANT_ID));
      }
    }
  }

  /** A new payment's first members, with a new id and its checkout link (a mutable map). */
  private Map<String, @Nullable Object> newPayment(
      @Nullable Object amount, @Nullable Object currency, String status, Instant now) {
    String id = "pay_" + HexFormat.of().formatHex(randomBytes());
    return obj(
        "id",
        id,
        "object",
        "payment",
        "amount",
        amount,
        "currency",
        currency,
        "status",
        status,
        "createdAt",
        now.toString(),
        "paymentUrl",
        baseUrl() + "/checkout/" + id);
  }

  /** How many payments the fake holds (each created once; replays add none). */
  public int paymentCount() {
    synchronized (payments) {
      return payments.size();
    }
  }

  /** How many payments the fake holds with the given reference (a duplicate shows as 2). */
  public int paymentsWithReference(String reference) {
    synchronized (payments) {
      return (int)
          payments.stream().filter(p -> reference.equals(p.payment().get("reference"))).count();
    }
  }

  /** The ids of the payments the fake holds, oldest first. */
  public List<String> paymentIds() {
    synchronized (payments) {
      return payments.stream().map(s -> String.valueOf(s.payment().get("id"))).toList();
    }
  }

  @Override
  protected final Reply handle(RecordedRequest request, List<String> path) {
    String method = request.getMethod();
    boolean underPayments =
        path.size() >= 2 && path.get(0).equals("v0") && path.get(1).equals("payments");
    if (underPayments && path.size() == 2) {
      return switch (method) {
        case "POST" -> create(request);
        case "GET" -> list(request);
        default -> reply(405, errorBody(405, "method_not_allowed", "Method Not Allowed"));
      };
    }
    if (underPayments && path.size() == 3) {
      if (!method.equals("GET")) {
        return reply(405, errorBody(405, "method_not_allowed", "Method Not Allowed"));
      }
      synchronized (payments) {
        return find(path.get(2))
            .map(s -> reply(200, JsonTree.write(s.payment())))
            .orElseGet(
                () ->
                    reply(
                        404, errorBody(404, "not_found", "The requested resource was not found")));
      }
    }
    return reply(404, errorBody(404, "not_found", "The requested resource was not found"));
  }

  /** Paygentic's {@code Error} shape: {@code {"error": code, "message": message}}. */
  @Override
  protected final String errorBody(int status, String code, String message) {
    return JsonTree.write(obj("error", code, "message", message));
  }

  private Reply create(RecordedRequest request) {
    Map<String, @Nullable Object> body = JsonTree.parseObject(request.getBody());
    if (body == null) {
      return reply(400, errorBody(400, "bad_request", "Request body must be a JSON object"));
    }
    Errors errors = new Errors();
    String amount = checkAmount(errors, body.get("amount"));
    Object currency = body.get("currency");
    if (currency == null) {
      errors.add("currency", "Required", "required");
    } else if (!(currency instanceof String c) || !CURRENCIES.contains(c)) {
      errors.add(
          "currency",
          "Invalid enum value. Expected 'USD' | 'EUR' | 'GBP' | 'AUD'",
          "invalid_enum_value");
    }
    String merchantId = optionalText(errors, body, "merchantId", Integer.MAX_VALUE);
    String customerId = optionalText(errors, body, "customerId", Integer.MAX_VALUE);
    String key = optionalText(errors, body, "idempotencyKey", MAX_TEXT);
    String reference = optionalText(errors, body, "reference", MAX_TEXT);
    Map<String, @Nullable Object> metadata = checkMetadata(errors, body.get("metadata"));
    List<Map<String, @Nullable Object>> lineItems = checkLineItems(errors, body.get("lineItems"));
    checkUri(errors, body, "successRedirectUrl");
    checkUri(errors, body, "failureRedirectUrl");
    Object save = body.get("savePaymentMethod");
    if (save != null && !(save instanceof Boolean)) {
      errors.add("savePaymentMethod", "Expected boolean", "invalid_type");
    } else if (Boolean.TRUE.equals(save) && customerId == null) {
      errors.add("customerId", "customerId is required when savePaymentMethod is true", "required");
    }
    Duration expiresIn = checkExpiresIn(errors, body.get("expiresIn"));
    if (!errors.isEmpty()) {
      return reply(400, errors.body());
    }
    synchronized (payments) {
      if (key != null) {
        for (Stored s : payments) {
          if (key.equals(s.payment().get("idempotencyKey"))) {
            return reply(200, JsonTree.write(s.payment()));
          }
        }
      }
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      Map<String, @Nullable Object> payment = newPayment(amount, currency, "pending", now);
      putIfPresent(payment, "customerId", customerId);
      putIfPresent(payment, "idempotencyKey", key);
      putIfPresent(payment, "reference", reference);
      if (metadata != null) {
        payment.put("metadata", metadata);
      }
      if (lineItems != null) {
        payment.put("lineItems", lineItems);
      }
      payment.put(
          "expiresAt", now.plus(expiresIn == null ? DEFAULT_EXPIRES_IN : expiresIn).toString());
      payments.add(new Stored(payment, merchantId == null ? DEFAULT_MERCHANT_ID : merchantId));
      countCreated();
      return reply(201, JsonTree.write(payment));
    }
  }

  private Reply list(RecordedRequest request) {
    Errors errors = new Errors();
    String merchantId = query(request, "merchantId");
    String status = query(request, "status");
    String customerId = query(request, "customerId");
    if (status != null && !STATUSES.contains(status)) {
      errors.add(
          "status",
          "Invalid enum value. Expected 'pending' | 'processing' | 'completed' | 'expired' |"
              + " 'cancelled'",
          "invalid_enum_value");
    }
    int limit = queryInt(errors, request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = queryInt(errors, request, "offset", 0, 0, Integer.MAX_VALUE);
    if (!errors.isEmpty()) {
      if (listQueryPolicy == ListQueryPolicy.REJECT) {
        return reply(400, errors.body());
      }
      limit = Math.max(1, Math.min(MAX_LIMIT, limit));
      offset = Math.max(0, offset);
    }
    // Newest first; only the page's payments are copied, so a page costs the same at any offset.
    List<Map<String, @Nullable Object>> data = new ArrayList<>();
    int total = 0;
    synchronized (payments) {
      if (merchantId == null && status == null && customerId == null) {
        total = payments.size();
        for (int i = total - 1 - offset; i >= 0 && data.size() < limit; i--) {
          data.add(new LinkedHashMap<>(payments.get(i).payment()));
        }
      } else {
        for (int i = payments.size() - 1; i >= 0; i--) {
          Stored s = payments.get(i);
          Map<String, @Nullable Object> p = s.payment();
          if ((merchantId == null || merchantId.equals(s.merchantId()))
              && (status == null || status.equals(p.get("status")))
              && (customerId == null || customerId.equals(p.get("customerId")))) {
            if (total >= offset && data.size() < limit) {
              data.add(new LinkedHashMap<>(p));
            }
            total++;
          }
        }
      }
    }
    return reply(
        200,
        JsonTree.write(
            obj(
                "object",
                "list",
                "data",
                data,
                "pagination",
                obj("limit", limit, "offset", offset, "total", total))));
  }

  // ---- validation ------------------------------------------------------------------------------

  /** Collects field errors in the ValidationError shape. */
  private static final class Errors {
    private final List<Map<String, @Nullable Object>> list = new ArrayList<>();

    void add(String field, String message, String code) {
      list.add(obj("field", field, "message", message, "code", code));
    }

    boolean isEmpty() {
      return list.isEmpty();
    }

    String body() {
      return JsonTree.write(
          obj("error", "validation_error", "message", "Validation failed", "errors", list));
    }
  }

  private static @Nullable String checkAmount(Errors errors, @Nullable Object value) {
    if (value == null) {
      errors.add("amount", "Required", "required");
      return null;
    }
    if (!(value instanceof String amount)) {
      errors.add("amount", "Expected string, received " + kind(value), "invalid_type");
      return null;
    }
    if (!AMOUNT.matcher(amount).matches()) {
      errors.add(
          "amount",
          "Amount must be a decimal string with at most 2 decimal places (e.g. '10.50')",
          "invalid_format");
      return null;
    }
    BigDecimal d = new BigDecimal(amount);
    if (d.compareTo(MIN_AMOUNT) < 0) {
      errors.add("amount", "Amount must be at least 1.00", "too_small");
      return null;
    }
    if (d.compareTo(MAX_AMOUNT) > 0) {
      errors.add("amount", "Amount must be at most 5000.00", "too_big");
      return null;
    }
    return amount;
  }

  private static @Nullable String optionalText(
      Errors errors, Map<String, @Nullable Object> body, String field, int maxLength) {
    Object value = body.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      errors.add(field, "Expected string, received " + kind(value), "invalid_type");
      return null;
    }
    if (s.length() > maxLength) {
      errors.add(field, "String must contain at most " + maxLength + " character(s)", "too_big");
      return null;
    }
    return s;
  }

  private static @Nullable Map<String, @Nullable Object> checkMetadata(
      Errors errors, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> map)) {
      errors.add("metadata", "Expected object, received " + kind(value), "invalid_type");
      return null;
    }
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof String)) {
        errors.add(
            "metadata." + e.getKey(),
            "Expected string, received " + kind(e.getValue()),
            "invalid_type");
      }
      out.put(String.valueOf(e.getKey()), e.getValue());
    }
    return out;
  }

  private static @Nullable List<Map<String, @Nullable Object>> checkLineItems(
      Errors errors, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> items)) {
      errors.add("lineItems", "Expected array, received " + kind(value), "invalid_type");
      return null;
    }
    if (items.size() > MAX_LINE_ITEMS) {
      errors.add(
          "lineItems", "Array must contain at most " + MAX_LINE_ITEMS + " element(s)", "too_big");
      return null;
    }
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String at = "lineItems[" + i + "]";
      if (!(items.get(i) instanceof Map<?, ?> item)) {
        errors.add(at, "Expected object, received " + kind(items.get(i)), "invalid_type");
        continue;
      }
      Object description = item.get("description");
      if (!(description instanceof String)) {
        errors.add(
            at + ".description",
            description == null ? "Required" : "Expected string",
            description == null ? "required" : "invalid_type");
      }
      Object amount = item.get("amount");
      if (!(amount instanceof String a)) {
        errors.add(
            at + ".amount",
            amount == null ? "Required" : "Expected string",
            amount == null ? "required" : "invalid_type");
      } else if (!AMOUNT.matcher(a).matches()) {
        errors.add(at + ".amount", "Amount must be a decimal string", "invalid_format");
      }
      Object quantity = item.get("quantity");
      if (quantity != null && !(quantity instanceof BigDecimal q && isInt(q) && q.signum() > 0)) {
        errors.add(at + ".quantity", "Quantity must be an integer of at least 1", "invalid_type");
      }
      out.add(
          obj(
              "description",
              description,
              "amount",
              amount,
              "quantity",
              quantity == null ? BigDecimal.ONE : quantity));
    }
    return out;
  }

  private static void checkUri(Errors errors, Map<String, @Nullable Object> body, String field) {
    Object value = body.get(field);
    if (value == null) {
      return;
    }
    boolean ok = false;
    if (value instanceof String s) {
      try {
        URI uri = new URI(s);
        ok = uri.isAbsolute() && uri.getHost() != null;
      } catch (URISyntaxException e) {
        ok = false;
      }
    }
    if (!ok) {
      errors.add(field, "Invalid url", "invalid_string");
    }
  }

  /** The ISO-8601 duration, or {@code null} when absent or invalid (an error is added). */
  private static @Nullable Duration checkExpiresIn(Errors errors, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    Duration d = value instanceof String s ? parseDuration(s) : null;
    if (d == null) {
      errors.add("expiresIn", "Must be an ISO 8601 duration (e.g. PT1H, P7D)", "invalid_format");
      return null;
    }
    if (d.isNegative() || d.isZero()) {
      errors.add("expiresIn", "Duration must be positive", "too_small");
      return null;
    }
    if (d.compareTo(MAX_EXPIRES_IN) > 0) {
      errors.add("expiresIn", "Duration must be at most P31D (31 days)", "too_big");
      return null;
    }
    return d;
  }

  /**
   * Days, hours, minutes and seconds ({@code P1DT2H}, {@code PT90M}) or whole weeks/days ({@code
   * P1W}); months and years have no fixed length and are refused.
   */
  private static @Nullable Duration parseDuration(String s) {
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      // try a date-based period next
    }
    try {
      Period p = Period.parse(s);
      return p.getYears() == 0 && p.getMonths() == 0 ? Duration.ofDays(p.getDays()) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static int queryInt(
      Errors errors, RecordedRequest request, String name, int fallback, int min, int max) {
    String raw = query(request, name);
    if (raw == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw);
      if (v < min) {
        errors.add(name, "Number must be greater than or equal to " + min, "too_small");
      } else if (v > max) {
        errors.add(name, "Number must be less than or equal to " + max, "too_big");
      }
      return v;
    } catch (NumberFormatException e) {
      errors.add(name, "Expected integer, received '" + raw + "'", "invalid_type");
      return fallback;
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** The stored payment with this id; the caller holds the lock on {@code payments}. */
  private Optional<Stored> find(String id) {
    for (Stored s : payments) {
      if (Objects.equals(id, s.payment().get("id"))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static IllegalArgumentException noSuchPayment(String id) {
    return new IllegalArgumentException("no such payment: " + id);
  }

  private static void putIfPresent(
      Map<String, @Nullable Object> map, String key, @Nullable Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return b;
  }

  private static boolean isInt(BigDecimal d) {
    try {
      d.intValueExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private static String kind(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof BigDecimal) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof List<?>) {
      return "array";
    }
    return "object";
  }
}
