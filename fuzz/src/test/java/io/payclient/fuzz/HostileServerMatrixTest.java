package io.payclient.fuzz;

import static io.payclient.fuzz.FakeVendor.Step.NORMAL;
import static io.payclient.fuzz.FakeVendor.Step.createThen;
import static io.payclient.fuzz.FakeVendor.Step.rejectWith;

import io.payclient.core.ClientOptions;
import io.payclient.core.Money;
import io.payclient.core.PayClientException;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsClient;
import io.payclient.core.RateLimitException;
import io.payclient.core.RequestOptions;
import io.payclient.fuzz.FakeVendor.Plan;
import io.payclient.fuzz.FakeVendor.Step;
import io.payclient.fuzz.ScriptedServer.End;
import io.payclient.fuzz.ScriptedServer.Recorded;
import io.payclient.fuzz.ScriptedServer.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deterministic hostile-server matrix of issue 14, for all three vendors, against a {@link
 * FakeVendor} that keeps what it created. Each case asserts the promises (no duplicate, no lost
 * outcome, no key, within the deadline, only documented exceptions) and adds to the figures printed
 * at the end:
 *
 * <pre>HOSTILE MATRIX calls=… creates=… duplicates=0 lostOutcomes=0 keyOccurrences=0 worst=…ms/…ms
 * </pre>
 *
 * A "duplicate" is a second payment created by one logical create; a "lost outcome" is a create
 * that took effect on the server while the call threw with {@code outcomeUnknown() == false}.
 */
class HostileServerMatrixTest {
  static final int DEADLINE_MS = 2_000;
  static final int READ_MS = 500;
  static final int MARGIN_MS = 1_000;
  static final LogCapture LOGS = LogCapture.install();

  static final Figures FIGURES = new Figures();

  /** The figures of the whole matrix. */
  static final class Figures {
    int calls;
    int creates;
    int duplicates;
    int lost;
    int keyOccurrences;
    long worstMs;
    long worstDeadlineMs = DEADLINE_MS;
    String worstCase = "";
    final List<String> broken = new ArrayList<>();

    synchronized void add(String name, Outcome o, int creates, int logical) {
      calls += logical;
      this.creates += creates;
      duplicates += Math.max(0, creates - logical);
      lost += o.lost;
      keyOccurrences += o.keyOccurrences;
      if (o.worstMs > worstMs) {
        worstMs = o.worstMs;
        worstCase = name;
      }
    }

    @Override
    public synchronized String toString() {
      return "HOSTILE MATRIX calls="
          + calls
          + " creates="
          + creates
          + " duplicates="
          + duplicates
          + " lostOutcomes="
          + lost
          + " keyOccurrences="
          + keyOccurrences
          + " worst="
          + worstMs
          + "ms/deadline "
          + worstDeadlineMs
          + "ms ("
          + worstCase
          + ") failedCases="
          + broken.size();
    }
  }

  /** What one or more calls of a case did. */
  static final class Outcome {
    final List<String> failures = new ArrayList<>();
    int lost;
    int keyOccurrences;
    long worstMs;
    final List<Object> results = new ArrayList<>();
    final List<PayClientException> errors = new ArrayList<>();
  }

  @BeforeEach
  void loopbackOnly() {
    Vendors.allowLoopbackOnly();
  }

  @AfterAll
  static void summary() {
    System.out.println(FIGURES);
    for (String b : FIGURES.broken) {
      System.out.println("  broken: " + b);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  static ClientOptions.Builder options(String vendor, ScriptedServer server) {
    return Vendors.options(vendor, server.url())
        .connectTimeout(Duration.ofMillis(500))
        .readTimeout(Duration.ofMillis(READ_MS))
        .writeTimeout(Duration.ofMillis(READ_MS))
        .timeout(Duration.ofMillis(DEADLINE_MS))
        .maxRetries(2)
        .backoff(Duration.ofMillis(10), Duration.ofMillis(50));
  }

  static final ExecutorService CALLER =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "matrix-caller");
            t.setDaemon(true);
            return t;
          });

  interface Call {
    Object run() throws Throwable;
  }

  /**
   * Runs one call on a helper thread (a call that overruns is abandoned, not waited for), and
   * checks what it threw: documented, no key anywhere, within the deadline.
   */
  static void run(String name, Call call, Outcome o) {
    long start = System.nanoTime();
    Future<Object> f =
        CALLER.submit(
            () -> {
              try {
                return call.run();
              } catch (Throwable t) {
                return new Thrown(t);
              }
            });
    Object r;
    try {
      r = f.get(DEADLINE_MS + MARGIN_MS + 1_000L, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      o.failures.add(
          "[DEADLINE] "
              + name
              + " still running after "
              + (DEADLINE_MS + MARGIN_MS + 1_000)
              + " ms");
      o.worstMs = Math.max(o.worstMs, DEADLINE_MS + MARGIN_MS + 1_000L);
      return;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    o.worstMs = Math.max(o.worstMs, ms);
    if (ms > DEADLINE_MS + MARGIN_MS) {
      o.failures.add(
          "[DEADLINE] " + name + " took " + ms + " ms > " + DEADLINE_MS + " + " + MARGIN_MS);
    }
    if (r instanceof Thrown t) {
      try {
        PayClientException e = Invariants.assertDocumented(name, t.t);
        o.errors.add(e);
        try {
          Invariants.assertNoKeyIn(e);
        } catch (AssertionError a) {
          o.keyOccurrences++;
          o.failures.add(a.getMessage());
        }
        try {
          Invariants.assertBounded(e);
        } catch (AssertionError a) {
          o.failures.add(a.getMessage());
        }
      } catch (AssertionError a) {
        o.failures.add(a.getMessage());
      }
    } else {
      o.results.add(r);
      try {
        String.valueOf(r).length();
      } catch (Throwable t) {
        o.failures.add("[BOUNDED] rendering the result threw " + t);
      }
    }
  }

  record Thrown(Throwable t) {}

  static Object await(CompletableFuture<?> f) throws Throwable {
    try {
      return f.get(DEADLINE_MS + MARGIN_MS + 2_000L, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause();
    }
  }

  /** Checks the logs, the creates against the calls, and records the figures; fails if broken. */
  static void finish(
      String name, FakeVendor fake, ScriptedServer server, Outcome o, int logicalCreates) {
    for (String rec : LOGS.records()) {
      if (Invariants.keyPiece(rec) != null) {
        o.keyOccurrences++;
        o.failures.add(
            "[KEY_LEAK] a log record: "
                + Invariants.excerpt(rec, rec.indexOf(Invariants.keyPiece(rec))));
        break;
      }
    }
    int creates = fake == null ? 0 : fake.creates();
    if (logicalCreates > 0 && creates > logicalCreates) {
      o.failures.add(
          "[DUPLICATE] " + creates + " payments created for " + logicalCreates + " create(s)");
    }
    if (logicalCreates > 0 && creates > 0) {
      for (PayClientException e : o.errors) {
        if (!e.outcomeUnknown()) {
          o.lost++;
          o.failures.add(
              "[LOST_OUTCOME] the server created the payment but "
                  + e.getClass().getSimpleName()
                  + ".outcomeUnknown() is false: "
                  + Invariants.escape(String.valueOf(e.getMessage())));
        }
      }
    }
    FIGURES.add(name, o, creates, logicalCreates);
    if (!o.failures.isEmpty()) {
      synchronized (FIGURES) {
        FIGURES.broken.add(name + ": " + o.failures.get(0));
      }
      throw new AssertionError(
          name + ": " + String.join("\n  ", o.failures) + "\n requests: " + server.requests());
    }
  }

  /** Runs a create (sync or async) against a fake with this plan, and checks it. */
  static Outcome createCase(
      String name, String vendor, boolean async, Plan plan, Consumer<ClientOptions.Builder> tune)
      throws Exception {
    LOGS.clear();
    FakeVendor fake = new FakeVendor(vendor, plan);
    Outcome o = new Outcome();
    String full = name + " [" + vendor + (async ? " async" : " sync") + "]";
    try (ScriptedServer server = new ScriptedServer(fake)) {
      ClientOptions.Builder b = options(vendor, server);
      tune.accept(b);
      try (PaymentsClient client = Vendors.client(vendor, b.build())) {
        PaymentCreateRequest req = Vendors.create(vendor, "ref-1");
        run(full, () -> async ? await(client.createAsync(req)) : client.create(req), o);
        checkKeyCarried(vendor, server, o);
      }
      finish(full, fake, server, o, 1);
    }
    return o;
  }

  /** Billingrails and Paygentic: an unknown outcome carries the key it was sent with. */
  static void checkKeyCarried(String vendor, ScriptedServer server, Outcome o) {
    List<Recorded> posts = server.requests().stream().filter(r -> r.method.equals("POST")).toList();
    if (posts.isEmpty() || vendor.equals("lago")) {
      return;
    }
    String key = Vendors.wireKey(vendor, posts.get(0));
    for (PayClientException e : o.errors) {
      if (e.outcomeUnknown()) {
        if (key == null || !key.equals(e.idempotencyKey())) {
          o.failures.add(
              "[KEY_CARRIED] idempotencyKey() " + e.idempotencyKey() + " but the wire had " + key);
        } else if (e.getMessage() == null || !e.getMessage().contains(key)) {
          o.failures.add(
              "[KEY_CARRIED] the message lacks the idempotency key "
                  + key
                  + ": "
                  + Invariants.escape(String.valueOf(e.getMessage())));
        }
      }
    }
  }

  static Stream<Arguments> vendorsAndModes() {
    List<Arguments> a = new ArrayList<>();
    for (String v : Vendors.ALL) {
      a.add(Arguments.of(v, false));
      a.add(Arguments.of(v, true));
    }
    return a.stream();
  }

  static Reply raw(String head, String body, End end) {
    return new Reply(
        head.getBytes(StandardCharsets.ISO_8859_1),
        body.getBytes(StandardCharsets.UTF_8),
        0,
        0,
        end);
  }

  static String html(int bytes) {
    return "<html><body>" + "<p>Bad gateway</p>".repeat(bytes / 17) + "</body></html>";
  }

  static String keyEcho() {
    return "{\"error\":\"invalid token "
        + Invariants.API_KEY
        + "\",\"message\":\"Bearer "
        + Invariants.API_KEY
        + "\"}";
  }

  // ---- 1. hostile bodies on every status class
  // ----------------------------------------------------

  static final int[] STATUSES = {
    200, 201, 400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504
  };

  static Stream<Arguments> statusBodies() {
    List<Arguments> a = new ArrayList<>();
    String[] bodies = {
      "oversized-12k", "html", "key-echo", "truncated-json", "huge-number", "key-across-2048"
    };
    for (String v : Vendors.ALL) {
      for (int s : STATUSES) {
        for (String b : bodies) {
          a.add(Arguments.of(v, s, b));
        }
      }
    }
    return a.stream();
  }

  static String body(String vendor, int status, String kind) {
    return switch (kind) {
      case "oversized-12k" -> html(12 * 1024);
      case "html" -> html(600);
      case "key-echo" ->
          Vendors.error(vendor, status, "token " + Invariants.API_KEY + " is invalid");
      case "truncated-json" -> Vendors.error(vendor, status, "cut").substring(0, 25);
      case "huge-number" ->
          "{\"status\":"
              + status
              + ",\"error\":1e99999999999,\"code\":1e99999999999,\"message\":1e99999999999,\"error_details\":{\"amount_cents\":[1e99999999999]},\"details\":[{\"field\":\"amount\",\"message\":1e99999999999}],\"errors\":[{\"field\":\"amount\",\"message\":1e99999999999}]}";
      default ->
          "{\"error\":\""
              + "p".repeat(2048 - 10 - 20)
              + Invariants.API_KEY
              + "\",\"message\":\""
              + "q".repeat(2000)
              + "\"}";
    };
  }

  /**
   * The first attempt of a create gets the hostile reply. For 2xx, 5xx and 408 the server created
   * the payment first (the worst case: the outcome is ambiguous); for other 4xx it did not.
   */
  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("statusBodies")
  void hostileBodyOnEveryStatusClass(String vendor, int status, String kind) throws Exception {
    boolean creates = status / 100 == 2 || status / 100 == 5 || status == 408;
    Reply hostile =
        Reply.of(status, "application/json", body(vendor, status, kind), "Retry-After: 0");
    createCase(
        "status " + status + " body " + kind,
        vendor,
        false,
        n -> n == 0 ? (creates ? createThen(hostile) : rejectWith(hostile)) : NORMAL,
        b -> b.maxResponseBytes(4096));
  }

  /** A gateway page larger than the default 8 MiB cap on a 502 after the payment was created. */
  @ParameterizedTest(name = "{0} async={1}")
  @MethodSource("vendorsAndModes")
  void fiveHundredLargerThanTheDefaultCap(String vendor, boolean async) throws Exception {
    Reply big = Reply.of(502, "text/html", html(9 * 1024 * 1024));
    createCase(
        "502 with a 9 MiB body", vendor, async, n -> n == 0 ? createThen(big) : NORMAL, b -> {});
  }

  // ---- 2. echoed keys, malformed status lines
  // -----------------------------------------------------

  static Stream<Arguments> echoes() {
    List<Arguments> a = new ArrayList<>();
    for (String v : Vendors.ALL) {
      for (String e :
          new String[] {
            "body", "x-request-id", "status-reason", "meta-request-id", "reason-and-header-422"
          }) {
        a.add(Arguments.of(v, e));
      }
    }
    return a.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("echoes")
  void echoedKeys(String vendor, String where) throws Exception {
    String k = Invariants.API_KEY;
    Reply r =
        switch (where) {
          case "body" -> Reply.json(401, keyEcho());
          case "x-request-id" ->
              Reply.json(
                  400, Vendors.error(vendor, 400, "bad"), "X-Request-Id: " + k, "Request-Id: " + k);
          case "status-reason" ->
              raw("HTTP/1.1 401 " + k + "\r\nContent-Length: 2\r\n\r\n", "{}", End.KEEP);
          case "meta-request-id" ->
              Reply.json(
                  422,
                  "{\"error\":{\"type\":\"request_error\",\"code\":\"validation_error\",\"message\":\"m\"},\"meta\":{\"request_id\":\""
                      + k
                      + "\"}}");
          default ->
              raw(
                  "HTTP/1.1 422 "
                      + k
                      + "\r\nContent-Type: application/json\r\nX-Request-Id: "
                      + k
                      + "\r\nContent-Length: 2\r\n\r\n",
                  "{}",
                  End.KEEP);
        };
    createCase("echoed key in " + where, vendor, false, n -> rejectWith(r), b -> {});
  }

  /** A 200 retrieve that echoes the key in meta.request_id and in X-Request-Id. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void echoedKeyOnA200Retrieve(String vendor) throws Exception {
    String k = Invariants.API_KEY;
    LOGS.clear();
    Outcome o = new Outcome();
    FakeVendor fake =
        new FakeVendor(vendor, n -> NORMAL) {
          @Override
          public Reply reply(Recorded req, int index) {
            Reply ok = super.reply(req, index);
            String body = new String(ok.body(), StandardCharsets.UTF_8).replace("req_1", k);
            return Reply.json(200, body, "X-Request-Id: " + k);
          }
        };
    try (ScriptedServer server = new ScriptedServer(fake);
        PaymentsClient client = Vendors.client(vendor, options(vendor, server).build())) {
      run("retrieve echoing the key", () -> client.retrieve("pay_1"), o);
      finish("echoed key on a 200 retrieve [" + vendor + "]", null, server, o, 0);
    }
  }

  static Stream<Arguments> malformedStatusLines() {
    List<Arguments> a = new ArrayList<>();
    String[] lines = {
      "HTTP/1.1 " + Invariants.API_KEY,
      "HTTP/1.1 2OO OK",
      "garbage " + Invariants.API_KEY,
      "HTTP/1.1 200",
      "HTTP/2.0 500 X",
      "HTTP/1.1 1000 X"
    };
    for (String v : Vendors.ALL) {
      for (int i = 0; i < lines.length; i++) {
        a.add(Arguments.of(v, i, lines[i]));
      }
    }
    return a.stream();
  }

  /** The payment is created, then the status line is malformed: ambiguous, never the key. */
  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("malformedStatusLines")
  void malformedStatusLine(String vendor, int i, String line) throws Exception {
    Reply r = raw(line + "\r\nContent-Length: 2\r\n\r\n", "{}", End.CLOSE);
    createCase(
        "malformed status line #" + i,
        vendor,
        false,
        n -> n == 0 ? createThen(r) : NORMAL,
        b -> {});
  }

  /**
   * Every attempt gets the malformed status line and nothing is created: the call fails, and the
   * exception's cause chain (OkHttp's "Unexpected status line: …") must not carry the key.
   */
  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("malformedStatusLines")
  void malformedStatusLineOnEveryAttempt(String vendor, int i, String line) throws Exception {
    Reply r = raw(line + "\r\nContent-Length: 2\r\n\r\n", "{}", End.CLOSE);
    createCase(
        "malformed status line #" + i + " on every attempt",
        vendor,
        false,
        n -> rejectWith(r),
        b -> {});
  }

  /** Resets and stalls after the payment was created. */
  @ParameterizedTest(name = "{0} async={1}")
  @MethodSource("vendorsAndModes")
  void resetAndStallAfterCreate(String vendor, boolean async) throws Exception {
    Reply reset = new Reply(null, null, 0, 0, End.RESET);
    Reply stall = new Reply(null, null, 0, 0, End.HANG);
    createCase(
        "reset after create", vendor, async, n -> n == 0 ? createThen(reset) : NORMAL, b -> {});
    createCase(
        "stall after create", vendor, async, n -> n == 0 ? createThen(stall) : NORMAL, b -> {});
    createCase(
        "every attempt 503 after create",
        vendor,
        async,
        n -> createThen(Reply.json(503, "{}")),
        b -> {});
  }

  // ---- 3. Lago pages --------------------------------------------------------------------------

  /** Lago reconciliation after a 500: the list answers an endless next_page; each page slow. */
  @ParameterizedTest(name = "slow={0} async={1}")
  @MethodSource("slowAndAsync")
  void lagoReconciliationEndlessPages(boolean slow, boolean async) throws Exception {
    Plan plan =
        new Plan() {
          @Override
          public Step post(int attempt) {
            return attempt == 0 ? createThen(Reply.json(500, "{}")) : NORMAL;
          }

          @Override
          public Reply get(int n, Recorded r, FakeVendor v) {
            String other = Vendors.lagoPayment("other-" + n, "other-ref", 1000, Vendors.INVOICE);
            return Reply.json(
                    200,
                    "{\"payments\":["
                        + other
                        + "],\"meta\":{\"current_page\":"
                        + (n + 1)
                        + ",\"next_page\":"
                        + (n + 2)
                        + ",\"total_pages\":999999,\"total_count\":999999}}")
                .withDelay(slow ? 300 : 0);
          }
        };
    createCase(
        "lago reconciliation, endless next_page" + (slow ? ", 300 ms pages" : ""),
        "lago",
        async,
        plan,
        b -> {});
  }

  static Stream<Arguments> slowAndAsync() {
    return Stream.of(Arguments.of(false, false), Arguments.of(true, true));
  }

  /** Lago list with an endless next_page: each page fetch is one bounded call. */
  @Test
  void lagoListEndlessPages() throws Exception {
    LOGS.clear();
    Outcome o = new Outcome();
    ScriptedServer.Responder endless =
        (r, i) -> Reply.json(200, Vendors.list("lago", "r", (long) (i + 2)));
    try (ScriptedServer server = new ScriptedServer(endless);
        PaymentsClient client = Vendors.client("lago", options("lago", server).build())) {
      run(
          "lago list, 50 pages of an endless next_page",
          () -> {
            var page = client.list(PaymentListParams.all());
            for (int i = 0; i < 50 && page.hasNextPage(); i++) {
              page = page.nextPage();
            }
            return page;
          },
          o);
      finish("lago list endless pages", null, server, o, 0);
    }
  }

  /**
   * Reconciliation must not take a payment of another invoice with the same reference and amount.
   */
  @Test
  void lagoReconciliationIgnoresOtherInvoices() throws Exception {
    Plan plan =
        new Plan() {
          @Override
          public Step post(int attempt) {
            return attempt == 0 ? rejectWith(Reply.json(500, "{}")) : NORMAL;
          }

          @Override
          public Reply get(int n, Recorded r, FakeVendor v) {
            // a server that ignores invoice_id: lists another invoice's payment with our reference
            String other =
                Vendors.lagoPayment(
                    "other-invoice-payment", "ref-1", 1000, "11111111-2222-3333-4444-555555555555");
            return Reply.json(
                200,
                "{\"payments\":[" + other + "],\"meta\":{\"current_page\":1,\"next_page\":null}}");
          }
        };
    Outcome o =
        createCase(
            "lago reconciliation sees another invoice's payment", "lago", false, plan, b -> {});
    for (Object r : o.results) {
      if (r instanceof Payment p && p.id().equals("other-invoice-payment")) {
        throw new AssertionError(
            "[WRONG_MATCH] reconciliation returned a payment of another invoice as this create's result");
      }
    }
  }

  /**
   * A reference the SDK cannot send faithfully (unpaired surrogate): refused or never duplicated.
   */
  @ParameterizedTest(name = "async={0}")
  @MethodSource("bools")
  void lagoUnpairedSurrogateReference(boolean async) throws Exception {
    LOGS.clear();
    FakeVendor fake =
        new FakeVendor("lago", n -> n == 0 ? createThen(Reply.json(500, "{}")) : NORMAL);
    Outcome o = new Outcome();
    try (ScriptedServer server = new ScriptedServer(fake);
        PaymentsClient client = Vendors.client("lago", options("lago", server).build())) {
      PaymentCreateRequest req;
      try {
        req =
            PaymentCreateRequest.builder()
                .amount(Money.of("10.00", "USD"))
                .target(PaymentTarget.invoice(Vendors.INVOICE))
                .reference("ref-\uD800")
                .build();
      } catch (IllegalArgumentException refused) {
        return;
      }
      run(
          "lago create, reference with an unpaired surrogate",
          () -> async ? await(client.createAsync(req)) : client.create(req),
          o);
      finish(
          "lago unpaired surrogate reference [" + (async ? "async" : "sync") + "]",
          fake,
          server,
          o,
          1);
    }
  }

  static Stream<Boolean> bools() {
    return Stream.of(false, true);
  }

  // ---- 4. dispatcher saturation, cancel -------------------------------------------------------

  /**
   * 60 async creates at once (deadline 1 s each) on a server answering in 250 ms: OkHttp runs 5 per
   * host, so most wait in its dispatcher; the wait counts against their deadline.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void dispatcherSaturation(String vendor) throws Exception {
    LOGS.clear();
    int n = 60;
    int callDeadlineMs = 1_000;
    RequestOptions perCall =
        RequestOptions.builder().timeout(Duration.ofMillis(callDeadlineMs)).build();
    FakeVendor fake =
        new FakeVendor(vendor, a -> NORMAL) {
          @Override
          public Reply reply(Recorded r, int i) {
            return super.reply(r, i).withDelay(250);
          }
        };
    Outcome o = new Outcome();
    try (ScriptedServer server = new ScriptedServer(fake);
        PaymentsClient client = Vendors.client(vendor, options(vendor, server).build())) {
      List<CompletableFuture<Payment>> futures = new ArrayList<>();
      List<Long> starts = new ArrayList<>();
      long[] ends = new long[n];
      for (int i = 0; i < n; i++) {
        starts.add(System.nanoTime());
        CompletableFuture<Payment> f =
            client.createAsync(Vendors.create(vendor, "ref-" + i), perCall);
        int slot = i;
        f.whenComplete((v, e) -> ends[slot] = System.nanoTime());
        futures.add(f);
      }
      for (int i = 0; i < n; i++) {
        CompletableFuture<Payment> f = futures.get(i);
        long start = starts.get(i);
        try {
          f.get(DEADLINE_MS + MARGIN_MS + 5_000L, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          try {
            o.errors.add(Invariants.assertDocumented("saturated createAsync", e.getCause()));
          } catch (AssertionError a) {
            o.failures.add(a.getMessage());
          }
        } catch (TimeoutException e) {
          o.failures.add("[DEADLINE] a queued createAsync never completed");
        }
        long ms = ((ends[i] == 0 ? System.nanoTime() : ends[i]) - start) / 1_000_000;
        o.worstMs = Math.max(o.worstMs, ms);
        if (ms > callDeadlineMs + MARGIN_MS) {
          o.failures.add(
              "[DEADLINE] createAsync #"
                  + i
                  + " of "
                  + n
                  + " queued in the dispatcher completed after "
                  + ms
                  + " ms > "
                  + callDeadlineMs
                  + " + "
                  + MARGIN_MS);
          break;
        }
      }
      // Every payment the server created must be reported: either returned or outcomeUnknown.
      int returned =
          (int) futures.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
      int unknown = (int) o.errors.stream().filter(PayClientException::outcomeUnknown).count();
      if (fake.creates() > returned + unknown) {
        o.lost += fake.creates() - returned - unknown;
        o.failures.add(
            "[LOST_OUTCOME] "
                + fake.creates()
                + " created, "
                + returned
                + " returned, "
                + unknown
                + " unknown");
      }
      FIGURES.add("dispatcher saturation [" + vendor + "]", o, fake.creates(), n);
      if (fake.creates() > n) {
        o.failures.add("[DUPLICATE] " + fake.creates() + " created for " + n);
      }
      if (!o.failures.isEmpty()) {
        synchronized (FIGURES) {
          FIGURES.broken.add("dispatcher saturation [" + vendor + "]: " + o.failures.get(0));
        }
        throw new AssertionError(String.join("\n  ", o.failures));
      }
    }
  }

  static Stream<String> vendors() {
    return Vendors.ALL.stream();
  }

  static Stream<Arguments> cancelPoints() {
    List<Arguments> a = new ArrayList<>();
    for (String v : Vendors.ALL) {
      for (String p :
          new String[] {
            "immediately", "first-attempt-in-flight", "during-backoff", "second-attempt-in-flight"
          }) {
        a.add(Arguments.of(v, p));
      }
      if (v.equals("lago")) {
        a.add(Arguments.of(v, "during-reconciliation"));
      }
    }
    return a.stream();
  }

  /**
   * Cancels the future of a createAsync at each point of a retry. Attempts answer 429 with
   * Retry-After: 1 (the reconciliation point: Lago's 500). After the cancel, no create may reach
   * the server.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cancelPoints")
  void cancelAtEveryPointOfARetry(String vendor, String point) throws Exception {
    LOGS.clear();
    CountDownLatch firstSeen = new CountDownLatch(1);
    CountDownLatch secondSeen = new CountDownLatch(1);
    CountDownLatch listSeen = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    boolean holdFirst = point.equals("first-attempt-in-flight");
    boolean holdSecond = point.equals("second-attempt-in-flight");
    boolean holdList = point.equals("during-reconciliation");
    // 429 + Retry-After: 1 gives a fixed one-second wait (backoff has full jitter); the
    // reconciliation point needs Lago's 500.
    Reply fail =
        holdList
            ? Reply.json(500, "{}")
            : Reply.json(429, Vendors.error(vendor, 429, "slow down"), "Retry-After: 1");
    FakeVendor fake =
        new FakeVendor(
            vendor,
            new Plan() {
              @Override
              public Step post(int attempt) {
                return rejectWith(fail);
              }
            }) {
          @Override
          public Reply reply(Recorded r, int i) {
            boolean post = r.method.equals("POST");
            long postsSoFar = 0;
            if (post) {
              postsSoFar = seenPosts.incrementAndGet();
              (postsSoFar == 1 ? firstSeen : secondSeen).countDown();
              if ((holdFirst && postsSoFar == 1) || (holdSecond && postsSoFar == 2)) {
                await(release);
              }
            } else {
              listSeen.countDown();
              if (holdList) {
                await(release);
              }
            }
            return super.reply(r, i);
          }
        };
    try (ScriptedServer server = new ScriptedServer(fake);
        PaymentsClient client = Vendors.client(vendor, options(vendor, server).build())) {
      CompletableFuture<Payment> f = client.createAsync(Vendors.create(vendor, "ref-1"));
      switch (point) {
        case "first-attempt-in-flight" -> firstSeen.await(2, TimeUnit.SECONDS);
        case "during-backoff" -> {
          firstSeen.await(2, TimeUnit.SECONDS);
          Thread.sleep(300); // the 429 is read; the retry is scheduled one second later
        }
        case "second-attempt-in-flight" -> secondSeen.await(3, TimeUnit.SECONDS);
        case "during-reconciliation" -> listSeen.await(3, TimeUnit.SECONDS);
        default -> {}
      }
      int postsAtCancel = fake.seenPosts.get();
      long cancelAt = System.nanoTime();
      f.cancel(true);
      release.countDown();
      Thread.sleep(1_150); // any scheduled retry would have run by now
      int postsAfter = fake.seenPosts.get() - postsAtCancel;
      List<String> after =
          server.requests().stream()
              .filter(r -> r.method.equals("POST") && r.receivedNanos > cancelAt)
              .map(Object::toString)
              .toList();
      Outcome o = new Outcome();
      // Cancelled immediately, the first attempt may already be on its way: one is tolerated.
      int allowed = point.equals("immediately") && postsAtCancel == 0 ? 1 : 0;
      if (Math.max(postsAfter, after.size()) > allowed) {
        o.failures.add(
            "[CANCEL] "
                + Math.max(postsAfter, after.size())
                + " create(s) reached the server after the future was cancelled "
                + point
                + " ("
                + postsAtCancel
                + " before)");
      }
      finish("cancel " + point + " [" + vendor + "]", null, server, o, 0);
    }
  }

  static void await(CountDownLatch l) {
    try {
      l.await(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- 5. small ones --------------------------------------------------------------------------

  /** Ids "." and ".." must not change the request path (refused, or sent percent-encoded). */
  @ParameterizedTest(name = "{0} \"{1}\"")
  @MethodSource("dotIds")
  void dotSegmentIds(String vendor, String id) throws Exception {
    LOGS.clear();
    FakeVendor fake = new FakeVendor(vendor, n -> NORMAL);
    try (ScriptedServer server = new ScriptedServer(fake);
        PaymentsClient client = Vendors.client(vendor, options(vendor, server).build())) {
      // An id that would change the request path is a programmer error, refused before any I/O
      // with the IllegalArgumentException that retrieve's Javadoc documents.
      Throwable thrown = null;
      try {
        client.retrieve(id);
      } catch (Throwable t) {
        thrown = t;
      }
      if (!(thrown instanceof IllegalArgumentException)) {
        throw new AssertionError(
            "[PATH] retrieve(\""
                + id
                + "\") ["
                + vendor
                + "] should be refused before I/O, got "
                + thrown);
      }
      if (!server.requests().isEmpty()) {
        throw new AssertionError(
            "[PATH] retrieve(\"" + id + "\") [" + vendor + "] sent " + server.requests());
      }
    }
  }

  static Stream<Arguments> dotIds() {
    List<Arguments> a = new ArrayList<>();
    for (String v : Vendors.ALL) {
      a.add(Arguments.of(v, "."));
      a.add(Arguments.of(v, ".."));
    }
    return a.stream();
  }

  /** Retry-After: 1000000001 is ~31 years of seconds: do not retry (certainly not at once). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void absurdRetryAfter(String vendor) throws Exception {
    Outcome o =
        createCase(
            "429 Retry-After 1000000001",
            vendor,
            false,
            n -> rejectWith(Reply.json(429, "{}", "Retry-After: 1000000001")),
            b -> {});
    for (PayClientException e : o.errors) {
      if (!(e instanceof RateLimitException)) {
        throw new AssertionError("[RETRY_AFTER] expected RateLimitException, got " + e);
      }
      if (e.attempts() != 1) {
        throw new AssertionError(
            "[RETRY_AFTER] an absurd Retry-After was retried: " + e.attempts() + " attempts");
      }
    }
  }

  /** A huge backoff cap or per-call timeout: only documented exceptions (or refused when set). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void hugeDurations(String vendor) throws Exception {
    Duration huge = Duration.ofSeconds(Long.MAX_VALUE / 4);
    try {
      createCase(
          "huge backoff cap",
          vendor,
          false,
          n -> rejectWith(Reply.json(503, "{}")),
          b -> b.backoff(Duration.ofMillis(1), huge).maxRetryDelay(Duration.ofMillis(50)));
    } catch (IllegalArgumentException refusedWhenSet) {
      // allowed: checked when the value is set
    }
    LOGS.clear();
    FakeVendor fake =
        new FakeVendor(vendor, n -> n == 0 ? rejectWith(Reply.json(503, "{}")) : NORMAL);
    Outcome o = new Outcome();
    try (ScriptedServer server = new ScriptedServer(fake);
        PaymentsClient client = Vendors.client(vendor, options(vendor, server).build())) {
      RequestOptions ro;
      try {
        ro = RequestOptions.builder().timeout(huge).build();
      } catch (IllegalArgumentException refusedWhenSet) {
        return;
      }
      run(
          "create with RequestOptions.timeout " + huge,
          () -> client.create(Vendors.create(vendor, "ref-1"), ro),
          o);
      finish("huge RequestOptions.timeout [" + vendor + "]", fake, server, o, 1);
    }
  }

  /** Money.of with a huge exponent: refused or bounded, never an OutOfMemoryError. */
  @Test
  void moneyWithAHugeExponent() {
    long start = System.nanoTime();
    try {
      Money m = Money.of("1e999999999", "USD");
      String.valueOf(m).length();
    } catch (IllegalArgumentException | PayClientException refused) {
      // fine
    } catch (Throwable t) {
      throw new AssertionError(
          "[ONLY_DOCUMENTED] Money.of(\"1e999999999\", \"USD\") threw " + t, t);
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (ms > 1_000) {
      throw new AssertionError("[BOUNDED_TIME] Money.of(\"1e999999999\") took " + ms + " ms");
    }
  }

  /** A Paygentic payment whose amount is 1E+999999999: reading and rendering stay bounded. */
  @ParameterizedTest(name = "async={0}")
  @MethodSource("bools")
  void paygenticHugeAmount(boolean async) throws Exception {
    LOGS.clear();
    String body =
        "{\"id\":\"pay_1\",\"object\":\"payment\",\"amount\":\"1E+999999999\",\"currency\":\"USD\",\"status\":\"completed\",\"createdAt\":\"2026-01-01T00:00:00Z\"}";
    Outcome o = new Outcome();
    try (ScriptedServer server = ScriptedServer.scripted(List.of(Reply.json(200, body)));
        PaymentsClient client = Vendors.client("paygentic", options("paygentic", server).build())) {
      run(
          "paygentic retrieve, amount 1E+999999999",
          () -> {
            Payment p =
                async ? (Payment) await(client.retrieveAsync("pay_1")) : client.retrieve("pay_1");
            p.amount().ifPresent(m -> m.toString().length());
            return p;
          },
          o);
      finish(
          "paygentic amount 1E+999999999 [" + (async ? "async" : "sync") + "]", null, server, o, 0);
    }
  }

  /** Exhausted retries with an unknown outcome: the message shows the idempotency key. */
  @ParameterizedTest(name = "{0} async={1}")
  @MethodSource("vendorsAndModes")
  void exhaustedCallShowsItsKey(String vendor, boolean async) throws Exception {
    if (vendor.equals("lago")) {
      return; // Lago has no key
    }
    createCase(
        "503 on every attempt", vendor, async, n -> rejectWith(Reply.json(503, "{}")), b -> {});
  }
}
