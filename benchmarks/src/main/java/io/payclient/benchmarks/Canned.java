package io.payclient.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * The canned transport: an OkHttp client whose application interceptor writes the request body out
 * (as the network would) and answers with fixed response bytes, without any socket. Every contender
 * (the SDK, raw OkHttp, stripe-java) runs on one of these, so the difference between them is their
 * own work.
 */
final class Canned {
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private Canned() {}

  /** The bytes of a classpath resource under {@code canned/}. */
  static byte[] resource(String name) {
    try (InputStream in = Canned.class.getResourceAsStream("/canned/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource canned/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client that answers every call with {@code code} and {@code body}. */
  static CannedClient client(int code, byte[] body) {
    return new CannedClient(code, body);
  }

  /** The canned client, which can also record the first request it sees (used in setup only). */
  static final class CannedClient implements Interceptor {
    private final int code;
    private final byte[] body;
    private final OkHttpClient http;
    private volatile boolean capture;
    private Request captured;
    private byte[] capturedBody;

    private CannedClient(int code, byte[] body) {
      this.code = code;
      this.body = body;
      this.http = new OkHttpClient.Builder().addInterceptor(this).build();
    }

    OkHttpClient http() {
      return http;
    }

    /** The status it answers with. */
    int code() {
      return code;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      RequestBody requestBody = request.body();
      if (requestBody != null) {
        Buffer sink = new Buffer();
        requestBody.writeTo(sink);
        if (capture) {
          captured = request;
          capturedBody = sink.readByteArray();
        }
        sink.clear();
      }
      return new Response.Builder()
          .request(request)
          .protocol(Protocol.HTTP_1_1)
          .code(code)
          .message(code == 201 ? "Created" : "OK")
          .header("Content-Type", "application/json; charset=utf-8")
          .body(ResponseBody.create(body, JSON))
          .build();
    }

    /** Runs {@code action} and returns the request (with its body bytes) it sent. */
    Sent capture(ThrowingRunnable action) throws Exception {
      capture = true;
      try {
        action.run();
      } finally {
        capture = false;
      }
      if (captured == null || capturedBody == null) {
        throw new IllegalStateException("nothing was sent");
      }
      RequestBody rb = captured.body();
      MediaType type = rb == null ? null : rb.contentType();
      return new Sent(captured.url(), type == null ? JSON : type, capturedBody, captured.headers());
    }
  }

  /**
   * A request as sent: URL, body type, body bytes, headers. The URL is kept parsed, so a floor that
   * posts it again does not pay for parsing a URL string on every call (the SDK does not either).
   */
  record Sent(okhttp3.HttpUrl url, MediaType type, byte[] body, okhttp3.Headers headers) {}

  /** A runnable that may throw. */
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
