package io.payclient.core.internal;

import io.payclient.core.PaymentsListener;
import io.payclient.core.RequestOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One logical API call: what to send and how to read the answer. Immutable; the transport creates a
 * fresh HTTP request from it for every attempt, with the same body bytes and headers.
 *
 * @param <T> the parsed result
 */
public final class ApiCall<T> {
  final String method;
  final List<String> pathSegments;
  final List<String[]> query;
  final byte @Nullable [] body;
  final Map<String, String> headers;
  final @Nullable String idempotencyKey;
  final boolean idempotent;
  final RequestOptions options;
  final ResponseParser<T> parser;
  final @Nullable Function<String, T> textParser;
  final @Nullable Function<? super T, String> paymentIdOf;
  final @Nullable Function<? super T, io.payclient.core.PaymentStatus> paymentStatusOf;
  final @Nullable Reconciler<T> reconciler;
  final String operation;

  /**
   * The path's segments after the base URL, ids as {@code {id}}: {@code payments}, {@code {id}}.
   */
  private final List<String> templateSegments;

  final PaymentsListener.@Nullable Call parent;

  private ApiCall(Builder<T> b) {
    this.method = b.method;
    // The builder hands its collections over (it builds once), instead of their being copied.
    this.pathSegments = Collections.unmodifiableList(b.pathSegments);
    this.query = b.query.isEmpty() ? List.of() : Collections.unmodifiableList(b.query);
    this.body = b.body;
    this.headers = b.headers.isEmpty() ? Map.of() : Collections.unmodifiableMap(b.headers);
    this.idempotencyKey = b.idempotencyKey;
    this.idempotent = b.method.equals("GET") || b.idempotencyKey != null;
    this.options = b.options;
    this.parser = Objects.requireNonNull(b.parser, "parser");
    this.textParser = b.textParser;
    this.paymentIdOf = b.paymentIdOf;
    this.paymentStatusOf = b.paymentStatusOf;
    this.reconciler = b.reconciler;
    this.operation = b.operation;
    this.templateSegments = Collections.unmodifiableList(b.templateSegments);
    this.parent = b.parent;
  }

  /** The call's path after the base URL, with its ids as {@code {id}} (for listeners). */
  String template() {
    return String.join("/", templateSegments);
  }

  /** A GET. */
  public static <T> Builder<T> get(ResponseParser<T> parser) {
    return new Builder<T>("GET", parser);
  }

  /**
   * A GET whose answer is plain text, not JSON (Lago's deprecated {@code /webhooks/public_key}):
   * the body is decoded as UTF-8 whatever its content type and given to {@code parser}, which
   * throws {@link IllegalArgumentException} or {@link com.squareup.moshi.JsonDataException} when it
   * cannot read it (the transport turns that into a {@link
   * io.payclient.core.ResponseFormatException}). Error answers are read as for any call.
   */
  public static <T> Builder<T> getText(Function<String, T> parser) {
    Objects.requireNonNull(parser, "parser");
    Builder<T> b =
        new Builder<T>(
            "GET",
            (status, r) -> {
              throw new IllegalStateException("a text call is not read as JSON");
            });
    b.textParser = parser;
    return b;
  }

  /** A POST of a JSON body. */
  public static <T> Builder<T> post(byte[] jsonBody, ResponseParser<T> parser) {
    Builder<T> b = new Builder<>("POST", parser);
    b.body = Objects.requireNonNull(jsonBody, "jsonBody");
    return b;
  }

  /** The idempotency key carried by this call (header or body), or {@code null}. */
  public @Nullable String idempotencyKey() {
    return idempotencyKey;
  }

  /**
   * Whether sending this call twice cannot create two resources: a GET, or a call carrying an
   * idempotency key the server honours. Only such calls are retried after an ambiguous failure.
   */
  public boolean idempotent() {
    return idempotent;
  }

  /** Whether this call can create something on the server. */
  public boolean mayCreate() {
    return !method.equals("GET");
  }

  /** Builds an {@link ApiCall}. */
  public static final class Builder<T> {
    private final String method;
    private final ResponseParser<T> parser;
    private @Nullable Function<String, T> textParser;
    private @Nullable Function<? super T, String> paymentIdOf;
    private @Nullable Function<? super T, io.payclient.core.PaymentStatus> paymentStatusOf;
    private final List<String> pathSegments = new ArrayList<>();
    private final List<String[]> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte @Nullable [] body;
    private @Nullable String idempotencyKey;
    private RequestOptions options = RequestOptions.none();
    private @Nullable Reconciler<T> reconciler;
    private final List<String> templateSegments = new ArrayList<>();
    private String operation = "other";
    private PaymentsListener.@Nullable Call parent;
    private boolean built;

    private Builder(String method, ResponseParser<T> parser) {
      this.method = method;
      this.parser = parser;
    }

    /**
     * Appends fixed path segments after the base URL; each is percent-encoded as one segment.
     *
     * @throws IllegalArgumentException as {@link #id(String)}
     */
    public Builder<T> path(String... segments) {
      for (String s : segments) {
        segment(s);
        templateSegments.add(s);
      }
      return this;
    }

    /**
     * Appends an id as one path segment, percent-encoded, so an id such as {@code ../x} or {@code
     * a/b} can never change the path; the listener's {@code urlTemplate} shows it as {@code {id}}.
     *
     * @throws IllegalArgumentException if the id is blank, is {@code .} or {@code ..} (which HTTP
     *     clients resolve, changing the path), has control characters, or is not well-formed
     *     Unicode (it could not be sent as given)
     */
    public Builder<T> id(String id) {
      segment(id);
      templateSegments.add("{id}");
      return this;
    }

    private void segment(@Nullable String s) {
      requireOpen();
      if (s == null
          || s.isBlank()
          || s.equals(".")
          || s.equals("..")
          || Secrets.hasControlCharacter(s)
          || !SendableText.isWellFormed(s)) {
        throw new IllegalArgumentException(
            "An id in a URL path must be non-blank, not '.' or '..', without control characters"
                + " and well-formed Unicode: '"
                + (s == null ? null : NetworkText.cut(s, 100))
                + "'");
      }
      pathSegments.add(s);
    }

    /**
     * Names what the call does for listeners, without ids ({@code payments.create}); {@code other}
     * when not set.
     */
    public Builder<T> operation(String name) {
      this.operation = Objects.requireNonNull(name, "operation");
      return this;
    }

    /** The call this one serves (a reconciliation look-up: its create), for listeners. */
    public Builder<T> parent(PaymentsListener.@Nullable Call parent) {
      this.parent = parent;
      return this;
    }

    /**
     * Adds a query parameter (percent-encoded); a {@code null} value is skipped.
     *
     * @throws IllegalArgumentException if the value is not well-formed Unicode (it could not be
     *     sent as given)
     */
    public Builder<T> query(String name, @Nullable Object value) {
      requireOpen();
      if (value != null) {
        if (!SendableText.isWellFormed(String.valueOf(value))) {
          throw new IllegalArgumentException(
              "Query parameter " + name + " must be well-formed Unicode (an unpaired surrogate)");
        }
        query.add(new String[] {name, String.valueOf(value)});
      }
      return this;
    }

    /**
     * Adds a header.
     *
     * @throws IllegalArgumentException if the value is not printable ASCII (header injection)
     */
    public Builder<T> header(String name, String value) {
      requireOpen();
      if (!Secrets.isPrintableAscii(value)) {
        throw new IllegalArgumentException("Header " + name + " must be printable ASCII");
      }
      headers.put(name, value);
      return this;
    }

    /** Records the idempotency key this call carries, making it safe to retry. */
    public Builder<T> idempotencyKey(@Nullable String key) {
      this.idempotencyKey = key;
      return this;
    }

    /** Per-call options (deadline, retries). */
    public Builder<T> options(RequestOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * For a create without idempotency: how to find what an ambiguous attempt created, so the call
     * can be retried without risking a duplicate. Without one, such a call is never retried after
     * an ambiguous failure.
     */
    public Builder<T> reconciler(@Nullable Reconciler<T> reconciler) {
      this.reconciler = reconciler;
      return this;
    }

    /**
     * How to read the payment's id and neutral status from the result, for the listener's {@code
     * callEnded}; applied only when a listener is set (so the result is not mapped to a neutral
     * payment just for the event). A function that throws leaves the event without them.
     */
    public Builder<T> payment(
        Function<? super T, String> idOf,
        Function<? super T, io.payclient.core.PaymentStatus> statusOf) {
      this.paymentIdOf = idOf;
      this.paymentStatusOf = statusOf;
      return this;
    }

    /** The built call holds this builder's collections: they change no more once it is built. */
    private void requireOpen() {
      if (built) {
        throw new IllegalStateException("this builder has built its call already");
      }
    }

    /**
     * Returns the call, which takes this builder's paths, query and headers over.
     *
     * @throws IllegalStateException if this builder has built its call already
     */
    public ApiCall<T> build() {
      requireOpen();
      built = true;
      return new ApiCall<>(this);
    }
  }
}
