package io.payclient.testkit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One attempt of a fake server to deliver a webhook: where it went, which attempt it was, what came
 * back, and exactly what was sent. Immutable; {@link #body()} returns a copy.
 *
 * <pre>{@code
 * WebhookAttempt a = fake.awaitDeliveries(1, Duration.ofSeconds(5)).get(0);
 * assertThat(a.statusCode()).hasValue(200);
 * webhooks.verify(a.body(), a::header);
 * }</pre>
 */
public final class WebhookAttempt {
  private final URI url;
  private final int attempt;
  private final int statusCode; // -1 when the request failed
  private final @Nullable String failure;
  private final Map<String, String> headers;
  private final byte[] body;

  WebhookAttempt(
      URI url,
      int attempt,
      int statusCode,
      @Nullable String failure,
      Map<String, String> headers,
      byte[] body) {
    this.url = Objects.requireNonNull(url);
    this.attempt = attempt;
    this.statusCode = statusCode;
    this.failure = failure;
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    this.headers = java.util.Collections.unmodifiableMap(copy);
    this.body = body.clone();
  }

  /** The endpoint the webhook was sent to. */
  public URI url() {
    return url;
  }

  /**
   * Which attempt of this webhook to this endpoint it was: 1 for the first, 2 for the first retry.
   */
  public int attempt() {
    return attempt;
  }

  /**
   * The HTTP status the endpoint answered; empty when the request failed (see {@link #failure()}).
   */
  public OptionalInt statusCode() {
    return statusCode < 0 ? OptionalInt.empty() : OptionalInt.of(statusCode);
  }

  /**
   * Why no answer came (connection refused, timeout, …) as the exception's class and message; empty
   * when the endpoint answered.
   */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** Whether the endpoint answered 2xx: the vendor stops retrying. */
  public boolean succeeded() {
    return statusCode >= 200 && statusCode < 300;
  }

  /** The headers sent (read-only, names case-insensitive). */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * A header sent, looked up case-insensitively; {@code null} when not sent. Its shape fits the
   * SDK's verifiers: {@code webhooks.verify(a.body(), a::header)}.
   */
  public @Nullable String header(String name) {
    return headers.get(name);
  }

  /** The body sent, exactly (a copy). */
  public byte[] body() {
    return body.clone();
  }

  /** The body sent, as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The URL, attempt and outcome; never the headers (they carry signatures) nor the body. */
  @Override
  public String toString() {
    return "WebhookAttempt{url="
        + url
        + ", attempt="
        + attempt
        + (failure == null ? ", status=" + statusCode : ", failure=" + failure)
        + "}";
  }
}
