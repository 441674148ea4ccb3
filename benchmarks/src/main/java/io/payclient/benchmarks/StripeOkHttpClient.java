package io.payclient.benchmarks;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpContent;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A stripe-java {@link HttpClient} on OkHttp, so stripe-java runs on the same canned transport as
 * the SDK and the floor. It does what stripe-java's own {@code HttpURLConnectionClient} does per
 * request (copy the headers, add the two user-agent headers, send the body, read the body as a
 * string), on OkHttp instead of {@code HttpURLConnection}.
 */
final class StripeOkHttpClient extends HttpClient {
  private final OkHttpClient http;

  StripeOkHttpClient(OkHttpClient http) {
    this.http = http;
  }

  @Override
  public StripeResponse request(StripeRequest request) throws StripeException {
    Request.Builder b = new Request.Builder().url(request.url());
    for (Map.Entry<String, List<String>> e : request.headers().map().entrySet()) {
      for (String v : e.getValue()) {
        b.addHeader(e.getKey(), v);
      }
    }
    b.header("User-Agent", buildUserAgentString(request));
    b.header("X-Stripe-Client-User-Agent", buildXStripeClientUserAgentString());
    HttpContent content = request.content();
    RequestBody body =
        content == null
            ? null
            : RequestBody.create(content.byteArrayContent(), MediaType.get(content.contentType()));
    b.method(request.method().name(), body);
    try (Response response = http.newCall(b.build()).execute()) {
      ResponseBody rb = response.body();
      return new StripeResponse(
          response.code(), HttpHeaders.of(response.headers().toMultimap()), rb.string());
    } catch (IOException e) {
      throw new ApiConnectionException("canned transport failed: " + e.getMessage(), e);
    }
  }
}
