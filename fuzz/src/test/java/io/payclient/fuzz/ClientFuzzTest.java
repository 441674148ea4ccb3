package io.payclient.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.payclient.core.ClientOptions;
import io.payclient.core.PayClientException;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.PaymentsClient;
import io.payclient.core.RequestOptions;
import io.payclient.core.ResponseFormatException;
import io.payclient.fuzz.ScriptedServer.Recorded;
import io.payclient.fuzz.ScriptedServer.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The whole public client of each vendor (create, retrieve, list; sync and async) against a {@link
 * ScriptedServer} whose every reply — status line, headers, body, timing, how the connection ends —
 * comes from the fuzzer ({@link HostileReplies}).
 *
 * <p>Invariants on every input (see {@link Invariants} for the tags in failure messages):
 *
 * <ul>
 *   <li>{@code [ONLY_DOCUMENTED]} only {@link PayClientException} subclasses escape;
 *   <li>{@code [OUTCOME_UNKNOWN]} a create that reached the server and got no definite answer (its
 *       last attempt's reply was not a readable 2xx or 4xx other than 408/409/429, and for Lago no
 *       reconciliation list was answered after it) says {@code outcomeUnknown()};
 *   <li>{@code [KEY_CARRIED]} such a create, and an unreadable 2xx, carries the idempotency key
 *       sent on the wire (Billingrails, Paygentic) in {@code idempotencyKey()} and in its message;
 *       every attempt of one create sends the same key;
 *   <li>{@code [KEY_LEAK]} no piece of 8+ characters of the API key in any message, toString,
 *       cause, stack trace, raw body, field error, code, request id, or log record (the client logs
 *       bodies, java.util.logging at ALL);
 *   <li>{@code [DEADLINE]} the call ends within its deadline plus {@link #MARGIN_MS};
 *   <li>{@code [BOUNDED]} every text the exception keeps is within the documented caps.
 * </ul>
 */
class ClientFuzzTest {
  static final int CONNECT_MS = 200;
  static final int READ_MS = 250;
  static final int DEADLINE_MS = 800;
  static final int MARGIN_MS = 1_000;

  /** Shared by every input (its pool is emptied after each): the SDK derives its client from it. */
  static final OkHttpClient SHARED = new OkHttpClient();

  static final LogCapture LOGS = LogCapture.install();

  static final HostileReplies REPLIES = new HostileReplies(READ_MS * 2 + 100);

  enum Op {
    CREATE,
    CREATE_ASYNC,
    RETRIEVE,
    RETRIEVE_ASYNC,
    LIST,
    LIST_ASYNC
  }

  static final String[] IDS = {
    "pay_1", Vendors.LAGO_ID, "a/b", "%2e%2e", "x?y#z", "ü", "id with space"
  };

  @FuzzTest(maxDuration = "5m")
  void clientAgainstHostileServer(FuzzedDataProvider d) throws IOException {
    Vendors.allowLoopbackOnly();
    String vendor = d.pickValue(Vendors.ALL);
    Op op = d.pickValue(Op.values());
    int maxRetries = d.consumeInt(0, 2);
    boolean smallCap = d.consumeBoolean();
    int replies = d.consumeInt(1, 4);
    List<Reply> script = new ArrayList<>();
    for (int i = 0; i < replies; i++) {
      script.add(REPLIES.next(d, vendor));
    }
    String reference = d.consumeBoolean() ? "ref-1" : d.consumeString(40);
    String id =
        d.consumeBoolean()
            ? d.pickValue(IDS)
            : "p" + d.consumeAsciiString(20).replaceAll("[^A-Za-z0-9_-]", "");
    boolean callerKey = vendor.equals("lago") ? false : d.consumeBoolean();

    LOGS.clear();
    try (ScriptedServer server = ScriptedServer.scripted(script)) {
      ClientOptions.Builder options =
          Vendors.options(vendor, server.url())
              .okHttpClient(SHARED)
              .connectTimeout(Duration.ofMillis(CONNECT_MS))
              .readTimeout(Duration.ofMillis(READ_MS))
              .writeTimeout(Duration.ofMillis(READ_MS))
              .timeout(Duration.ofMillis(DEADLINE_MS))
              .maxRetries(maxRetries)
              .maxRetryDelay(Duration.ofMillis(300))
              .backoff(Duration.ofMillis(5), Duration.ofMillis(20));
      if (smallCap) {
        options.maxResponseBytes(4096);
      }
      PaymentCreateRequest create;
      RequestOptions requestOptions;
      try {
        create = Vendors.create(vendor, reference);
        requestOptions =
            callerKey
                ? RequestOptions.builder()
                    .idempotencyKey("caller-key-" + d.consumeInt(0, 99))
                    .build()
                : RequestOptions.none();
      } catch (IllegalArgumentException | NullPointerException | PayClientException e) {
        return; // refused by a builder, before any client exists: allowed
      }
      String scriptText = describe(vendor, op, maxRetries, smallCap, reference, id, script);
      try (PaymentsClient client = Vendors.client(vendor, options.build())) {
        call(vendor, op, client, create, requestOptions, id, server, scriptText);
      } finally {
        SHARED.connectionPool().evictAll();
      }
    }
  }

  static String describe(
      String vendor,
      Op op,
      int maxRetries,
      boolean smallCap,
      String reference,
      String id,
      List<Reply> script) {
    StringBuilder b = new StringBuilder();
    b.append(vendor).append(' ').append(op).append(" maxRetries=").append(maxRetries);
    b.append(smallCap ? " maxResponseBytes=4096" : "");
    b.append(" reference=\"")
        .append(Invariants.escape(reference))
        .append("\" id=\"")
        .append(Invariants.escape(id))
        .append('"');
    for (int i = 0; i < script.size(); i++) {
      b.append("\n  reply ").append(i).append(": ").append(HostileReplies.describe(script.get(i)));
    }
    return b.toString();
  }

  static void call(
      String vendor,
      Op op,
      PaymentsClient client,
      PaymentCreateRequest create,
      RequestOptions options,
      String id,
      ScriptedServer server,
      String script) {
    long start = System.nanoTime();
    Throwable thrown = null;
    Object result = null;
    try {
      result =
          switch (op) {
            case CREATE -> client.create(create, options);
            case RETRIEVE -> client.retrieve(id);
            case LIST -> client.list(PaymentListParams.all());
            case CREATE_ASYNC -> await(() -> client.createAsync(create, options));
            case RETRIEVE_ASYNC -> await(() -> client.retrieveAsync(id));
            case LIST_ASYNC -> await(() -> client.listAsync(PaymentListParams.all()));
          };
      String.valueOf(result).length(); // renders in bounded time
    } catch (Throwable t) {
      thrown = t;
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    String where = "\n on input: " + script + "\n requests: " + server.requests();
    try {
      if (ms > DEADLINE_MS + MARGIN_MS) {
        throw new AssertionError(
            "[DEADLINE] "
                + op
                + " took "
                + ms
                + " ms > deadline "
                + DEADLINE_MS
                + " + "
                + MARGIN_MS);
      }
      PayClientException e =
          thrown == null ? null : Invariants.assertDocumented(vendor + " " + op, thrown);
      if (e != null) {
        Invariants.assertNoKeyIn(e);
        Invariants.assertBounded(e);
      }
      LOGS.assertNoKey();
      if (op == Op.CREATE || op == Op.CREATE_ASYNC) {
        checkCreateOutcome(vendor, e, server, start);
      }
    } catch (AssertionError a) {
      AssertionError full = new AssertionError(a.getMessage() + where, thrown);
      throw full;
    }
  }

  static Object await(Supplier<CompletableFuture<?>> call) throws Throwable {
    CompletableFuture<?> f = call.get();
    try {
      return f.get(DEADLINE_MS + MARGIN_MS + 500, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError(
          "[DEADLINE] the future did not complete in " + (DEADLINE_MS + MARGIN_MS + 500) + " ms");
    }
  }

  /** The outcome and key invariants of a create, judged from what the server received and sent. */
  static void checkCreateOutcome(
      String vendor, PayClientException e, ScriptedServer server, long start) {
    List<Recorded> requests = server.requests();
    List<Recorded> posts = requests.stream().filter(r -> r.method.equals("POST")).toList();
    if (posts.isEmpty()) {
      return;
    }
    String key = Vendors.wireKey(vendor, posts.get(0));
    for (Recorded p : posts) {
      String k = Vendors.wireKey(vendor, p);
      if (key == null ? k != null : !key.equals(k)) {
        throw new AssertionError(
            "[KEY_REUSED] attempts of one create sent keys " + key + " and " + k);
      }
    }
    if (e == null) {
      return;
    }
    Recorded last = posts.get(posts.size() - 1);
    Verdict v = verdict(last, start);
    if (v == Verdict.UNCERTAIN) {
      return;
    }
    if (vendor.equals("lago")) {
      boolean resolved =
          requests.stream()
              .filter(r -> r.method.equals("GET") && r.receivedNanos > last.receivedNanos)
              .anyMatch(
                  r -> verdict(r, start) == Verdict.DEFINITE && r.reply.parsedStatus() / 100 == 2);
      if (resolved) {
        return;
      }
    }
    boolean unreadable2xx = e instanceof ResponseFormatException && v == Verdict.DEFINITE;
    if (v == Verdict.AMBIGUOUS && !e.outcomeUnknown()) {
      throw new AssertionError(
          "[OUTCOME_UNKNOWN] the create reached the server and its last attempt got no definite"
              + " answer, but "
              + e.getClass().getSimpleName()
              + ".outcomeUnknown() is false: "
              + Invariants.escape(String.valueOf(e.getMessage())));
    }
    if ((v == Verdict.AMBIGUOUS || unreadable2xx) && key != null) {
      if (!key.equals(e.idempotencyKey())) {
        throw new AssertionError(
            "[KEY_CARRIED] idempotencyKey() is " + e.idempotencyKey() + ", the wire had " + key);
      }
      if (e.getMessage() == null || !e.getMessage().contains(key)) {
        throw new AssertionError(
            "[KEY_CARRIED] the message does not show the idempotency key "
                + key
                + ": "
                + Invariants.escape(String.valueOf(e.getMessage())));
      }
    }
  }

  enum Verdict {
    DEFINITE,
    AMBIGUOUS,
    UNCERTAIN
  }

  /**
   * Whether the client surely read a definite answer to this request (a well-formed 2xx, or 4xx
   * other than 408/409/429), surely did not, or timing/reset make it a coin toss.
   */
  static Verdict verdict(Recorded r, long callStart) {
    Reply reply = r.reply;
    if (reply == null) {
      return Verdict.UNCERTAIN;
    }
    int status = reply.parsedStatus();
    boolean definiteStatus =
        status / 100 == 2 || (status / 100 == 4 && status != 408 && status != 409 && status != 429);
    if (reply.head() == null || status < 0) {
      return Verdict.AMBIGUOUS;
    }
    if (reply.end() == ScriptedServer.End.RESET) {
      return Verdict.UNCERTAIN; // the RST may overtake the head
    }
    if (reply.headDelayMs() >= READ_MS) {
      return Verdict.AMBIGUOUS; // written after the client's read timeout
    }
    long writtenMs = (r.headWrittenNanos - callStart) / 1_000_000;
    if (r.headWrittenNanos < 0 || writtenMs > DEADLINE_MS - 200) {
      return Verdict.UNCERTAIN; // near the call's deadline
    }
    if (!definiteStatus) {
      return Verdict.AMBIGUOUS;
    }
    // A 2xx whose body never arrives in full is still "created" for the SDK only if it read it.
    return Verdict.DEFINITE;
  }
}
