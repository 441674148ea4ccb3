package io.payclient.benchmarks;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * The Moshi floor of issue 19: a create made with raw OkHttp and PayClient's own JSON for one
 * vendor and nothing else of the SDK. Per create it writes the body with the vendor's writer from a
 * typed request built once (with a fixed idempotency key), posts it with the headers the SDK sends,
 * and reads the answer into the typed payment with the vendor's reader: no validation, key
 * generation, retries, deadline or error mapping. The loopback harness runs it against a server,
 * {@link JacksonRounds} on the canned transport.
 */
public final class MoshiFloor {
  private static final String IDEMPOTENCY_KEY = "3f1e8d2c-0b7a-4c55-9d1e-6a2b4c8d0e1f";

  private final String vendor;
  private final OkHttpClient http;
  private final HttpUrl url;
  private final Request captured;
  private final Object request;
  private final int status;

  /**
   * The floor of {@code vendor}, posting to {@code url} through {@code http}, expecting {@code
   * status}; the headers are those the SDK's client sends (captured once on the canned transport).
   *
   * @throws Exception if the SDK's request cannot be captured
   */
  public MoshiFloor(String vendor, OkHttpClient http, HttpUrl url, int status) throws Exception {
    this.vendor = vendor;
    this.http = http;
    this.url = url;
    this.captured = Contender.capture(vendor);
    this.request = Contender.request(vendor);
    this.status = status;
  }

  /** The request of one create: the body written now, from the typed request. */
  public Request request() {
    byte[] body = VendorJson.write(vendor, request, IDEMPOTENCY_KEY);
    RequestBody captured = this.captured.body();
    return new Request.Builder()
        .url(url)
        .headers(this.captured.headers())
        .post(RequestBody.create(body, captured == null ? null : captured.contentType()))
        .build();
  }

  /**
   * Reads the answer into the vendor's typed payment.
   *
   * @throws IOException if the status is not the expected one or there is no payment
   */
  public Object read(Response response) throws IOException {
    Buffer bytes = new Buffer().write(response.body().bytes());
    try {
      Object payment = VendorJson.read(vendor, JsonReader.of(bytes));
      if (response.code() != status || payment == null) {
        throw new IOException(vendor + " floor: got " + response.code() + " from " + url);
      }
      return payment;
    } finally {
      bytes.clear();
    }
  }

  /** One create on the calling thread; returns the typed payment. */
  public Object create() throws IOException {
    try (Response response = http.newCall(request()).execute()) {
      return read(response);
    }
  }

  /** The OkHttp client it posts through. */
  public OkHttpClient http() {
    return http;
  }
}
