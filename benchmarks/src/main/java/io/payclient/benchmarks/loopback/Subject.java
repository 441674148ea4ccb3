package io.payclient.benchmarks.loopback;

import com.stripe.model.PaymentIntent;
import io.payclient.benchmarks.Contender;
import io.payclient.benchmarks.MoshiFloor;
import io.payclient.billingrails.BillingrailsPayment;
import io.payclient.lago.LagoPayment;
import io.payclient.paygentic.PaygenticPayment;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * One client under test on the loopback server. Every call is checked (status and body length for
 * raw OkHttp, a typed payment with a non-empty id for the clients), so a broken run fails instead
 * of looking fast.
 */
abstract class Subject implements AutoCloseable {
  /** Display name, e.g. {@code PayClient lago}. */
  final String label;

  /** Short role: {@code raw}, {@code sdk} or {@code stripe-java}. */
  final String role;

  Subject(String label, String role) {
    this.label = label;
    this.role = role;
  }

  /** One create on the caller's thread, checked. */
  abstract void call() throws Exception;

  /** One create without blocking; the future fails if the answer is wrong. */
  abstract CompletableFuture<?> callAsync();

  boolean hasAsync() {
    return true;
  }

  @Override
  public void close() {}

  /**
   * Raw OkHttp posting pre-built bytes: the request that {@code vendor}'s client sends (captured
   * once on the canned transport), retargeted to the loopback server, building the {@link Request}
   * per call as {@code CreateBenchmark.floor} does and reading the answer as bytes.
   */
  static Subject raw(String vendor, OkHttpClient http, HttpUrl url, int status, int bodyLength)
      throws Exception {
    Request captured = Contender.capture(vendor);
    Buffer body = new Buffer();
    RequestBody rb = captured.body();
    rb.writeTo(body);
    return new Raw(
        "raw OkHttp (" + vendor + " bytes)",
        http,
        url,
        captured.headers(),
        body.readByteArray(),
        rb.contentType(),
        status,
        bodyLength);
  }

  /**
   * Raw OkHttp plus PayClient's JSON for {@code vendor} and nothing else of the SDK: per call it
   * writes the create body from a typed request built once (with a fixed idempotency key), posts it
   * as raw OkHttp does, and reads the answer into the typed payment with the vendor's reader.
   * Between raw OkHttp and the SDK, it shows how much of the SDK's extra CPU is its JSON.
   */
  static Subject json(String vendor, OkHttpClient http, HttpUrl url, int status) throws Exception {
    return new Json(vendor, new MoshiFloor(vendor, http, url, status));
  }

  /** What a subject makes of an answer; throws if the answer is wrong. */
  private interface AnswerReader<T> {
    T read(Response response) throws IOException;
  }

  /**
   * Enqueues {@code request}; the future completes with what {@code reader} makes of the answer
   * (read in OkHttp's callback, the response closed after), or fails.
   */
  private static <T> CompletableFuture<T> enqueue(
      OkHttpClient http, Request request, AnswerReader<T> reader) {
    CompletableFuture<T> future = new CompletableFuture<>();
    http.newCall(request)
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                future.completeExceptionally(e);
              }

              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  future.complete(reader.read(response));
                } catch (IOException | RuntimeException e) {
                  future.completeExceptionally(e);
                }
              }
            });
    return future;
  }

  /**
   * PayClient's {@code vendor} client with an idempotency key given on every create (Billingrails,
   * Paygentic): the client generates none.
   */
  static Subject keyGiven(String vendor, String baseUrl, OkHttpClient http) {
    return new Client(
        "PayClient " + vendor + " (key given)",
        "sdk-key-given",
        Contender.withKeyGiven(vendor, baseUrl, http));
  }

  /**
   * What an application writes instead of PayClient for {@code vendor} (OkHttp and Jackson databind
   * POJOs; issue 19, item 2), on the same OkHttp client.
   */
  static Subject handWritten(String vendor, String baseUrl, OkHttpClient http) {
    return new Client(
        "hand-written OkHttp + Jackson " + vendor,
        "jackson",
        Contender.handWritten(vendor, baseUrl, http));
  }

  /** A PayClient vendor client, or stripe-java on its default transport. */
  static Subject client(String vendor, String baseUrl, OkHttpClient http) {
    Contender c = Contender.at(vendor, baseUrl, http);
    return vendor.equals("stripe")
        ? new Client("stripe-java 33.3.0 (HttpURLConnection)", "stripe-java", c)
        : new Client("PayClient " + vendor, "sdk", c);
  }

  private static final class Raw extends Subject {
    private final OkHttpClient http;
    private final HttpUrl url;
    private final Headers headers;
    private final byte[] body;
    private final MediaType type;
    private final int status;
    private final int bodyLength;

    Raw(
        String label,
        OkHttpClient http,
        HttpUrl url,
        Headers headers,
        byte[] body,
        MediaType type,
        int status,
        int bodyLength) {
      super(label, "raw");
      this.http = http;
      this.url = url;
      this.headers = headers;
      this.body = body;
      this.type = type;
      this.status = status;
      this.bodyLength = bodyLength;
    }

    private Request request() {
      return new Request.Builder()
          .url(url)
          .headers(headers)
          .post(RequestBody.create(body, type))
          .build();
    }

    private void check(Response response, byte[] bytes) throws IOException {
      if (response.code() != status || bytes.length != bodyLength) {
        throw new IOException(
            label + ": got " + response.code() + " with " + bytes.length + " bytes from " + url);
      }
    }

    @Override
    void call() throws IOException {
      try (Response response = http.newCall(request()).execute()) {
        check(response, response.body().bytes());
      }
    }

    @Override
    CompletableFuture<?> callAsync() {
      return enqueue(
          http,
          request(),
          response -> {
            byte[] bytes = response.body().bytes();
            check(response, bytes);
            return bytes;
          });
    }
  }

  /** {@link MoshiFloor} as a subject. */
  private static final class Json extends Subject {
    private final MoshiFloor floor;

    Json(String vendor, MoshiFloor floor) {
      super("raw OkHttp + PayClient " + vendor + " JSON", "json");
      this.floor = floor;
    }

    @Override
    void call() throws IOException {
      floor.create();
    }

    /** Writes the body on the calling thread, as the SDK does, and reads the answer in OkHttp's. */
    @Override
    CompletableFuture<?> callAsync() {
      return enqueue(floor.http(), floor.request(), floor::read);
    }
  }

  private static final class Client extends Subject {
    private final Contender contender;

    Client(String label, String role, Contender contender) {
      super(label, role);
      this.contender = contender;
    }

    @Override
    void call() throws Exception {
      check(contender.call());
    }

    @Override
    CompletableFuture<?> callAsync() {
      return contender.callAsync().thenApply(Client::check);
    }

    @Override
    boolean hasAsync() {
      return contender.hasAsync();
    }

    @Override
    public void close() {
      contender.close();
    }

    private static Object check(Object payment) {
      String id =
          payment instanceof LagoPayment p
              ? p.lagoId()
              : payment instanceof BillingrailsPayment p
                  ? p.id()
                  : payment instanceof PaygenticPayment p
                      ? p.id()
                      : payment instanceof PaymentIntent p
                          ? p.getId()
                          : Contender.handWrittenPaymentId(payment);
      if (id == null || id.isEmpty()) {
        throw new IllegalStateException("no payment id in " + payment);
      }
      return payment;
    }
  }
}
