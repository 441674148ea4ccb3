package io.payclient.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.api.trace.TracerProvider;
import io.payclient.core.PaymentsListener;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;

/**
 * OpenTelemetry instrumentation of PayClient: spans and metrics for every call of the clients that
 * use {@link #listener()}.
 *
 * <pre>{@code
 * PayClientTelemetry telemetry = PayClientTelemetry.create(openTelemetry);
 * LagoClient lago =
 *     LagoClient.builder().apiKey(key).listener(telemetry.listener()).build();
 * }</pre>
 *
 * <h2>Spans</h2>
 *
 * One span per logical call ({@code payclient payments.create}, kind INTERNAL), started when the
 * call starts and ended exactly once when it ends (also when cancelled or at its deadline), with
 * {@code payclient.vendor}, {@code payclient.operation}, {@code payclient.idempotency_key}, {@code
 * payclient.attempts}, {@code payclient.outcome_unknown}, the payment's id and status when the call
 * returned one, and on failure status ERROR and {@code error.type} (the exception's class name,
 * never its message). Under it, one CLIENT span per HTTP attempt ({@code POST /api/v1/payments})
 * with the stable HTTP client attributes: {@code http.request.method}, {@code server.address},
 * {@code server.port}, {@code url.template}, {@code http.response.status_code}, {@code
 * http.request.resend_count} (from the second attempt on) and {@code error.type} (the status code
 * for an error status, else the exception's class). A Lago create that needed reconciliation has a
 * {@code payclient reconciliation} child span with {@code payclient.reconciliation.result} ({@code
 * found}, {@code nothing_created}, {@code failed}); the look-up's own call spans ({@code payclient
 * payments.list}, one per page read) hang under it, linked by the call's {@code parent}. A
 * scheduled retry is a {@code payclient.retry_scheduled} event on the call span.
 *
 * <p>Why child spans and not span events for the attempts: the HTTP semantic conventions make each
 * physical request a CLIENT span (a retry is a new span with {@code http.request.resend_count}), so
 * backends draw the calls to the vendor, their latency and their errors from these spans as from
 * any other HTTP client. The logical call around them is therefore INTERNAL, as the conventions'
 * retry example shows and as the Azure SDK does: a CLIENT span around CLIENT spans would count each
 * call to the vendor twice in service maps. The parent of a call span is the context current when
 * the call starts.
 *
 * <h2>Metrics</h2>
 *
 * {@code http.client.request.duration} (histogram, seconds, one value per attempt, with the buckets
 * the conventions advise and the attributes above); {@code payclient.calls} (by {@code
 * payclient.vendor}, {@code payclient.operation}, {@code payclient.outcome} = {@code success} or
 * {@code error}, and {@code error.type}); {@code payclient.retries}; {@code
 * payclient.outcome_unknown}; {@code payclient.reconciliations} (by result); {@code
 * payclient.waiter.polls} (by the status seen, {@code error} when a poll failed); {@code
 * payclient.webhooks} (by {@code payclient.webhook.result}: {@code verified} or the refusal's
 * reason). Operation names and URL templates come from the vendor modules; {@code server.address}
 * and {@code server.port} from the URL each call goes to.
 *
 * <h2>Failures</h2>
 *
 * Instrumentation never fails a payment call: the client isolates listener exceptions, and this
 * listener does not throw for any event sequence (events that arrive after their call ended are
 * ignored). Instances are immutable and thread-safe; one serves any number of clients. Nothing this
 * listener records comes from a body or the API key.
 */
public final class PayClientTelemetry {
  /** The instrumentation scope of the tracer and meter. */
  public static final String INSTRUMENTATION_NAME = "io.payclient.opentelemetry";

  private final PaymentsListener listener;

  private PayClientTelemetry(Builder builder) {
    TracerBuilder tracer = builder.openTelemetry.tracerBuilder(INSTRUMENTATION_NAME);
    MeterBuilder meter = builder.openTelemetry.meterBuilder(INSTRUMENTATION_NAME);
    String version = PayClientTelemetry.class.getPackage().getImplementationVersion();
    if (version != null) {
      tracer.setInstrumentationVersion(version);
      meter.setInstrumentationVersion(version);
    }
    Tracer t = tracer.build();
    Meter m = meter.build();
    OpenTelemetry otel = builder.openTelemetry;
    // With the API's no-op providers nothing could be recorded: the clients then take the
    // listener-less path, which delivers no events at all (and allocates nothing for them).
    boolean noop =
        otel.getTracerProvider() == TracerProvider.noop()
            && otel.getMeterProvider() == MeterProvider.noop();
    this.listener =
        noop
            ? PaymentsListener.NONE
            : new TelemetryListener(t, m, builder.servers, builder.recordIdempotencyKey);
  }

  /**
   * Instrumentation with the defaults.
   *
   * @throws NullPointerException if {@code openTelemetry} is null
   */
  public static PayClientTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /**
   * A builder for instrumentation with options.
   *
   * @throws NullPointerException if {@code openTelemetry} is null
   */
  public static Builder builder(OpenTelemetry openTelemetry) {
    return new Builder(openTelemetry);
  }

  /**
   * The listener to give the clients ({@code ClientOptions} or a vendor client's builder {@code
   * listener(...)}); combine it with others through {@link PaymentsListener#composite}. The same
   * instance on every call; it never throws. On an {@code OpenTelemetry} whose tracer and meter
   * providers are the API's no-ops ({@link OpenTelemetry#noop()}, or no SDK and no agent) it is
   * {@link PaymentsListener#NONE}: there is nothing to record, and a client given it runs exactly
   * as one without a listener.
   */
  public PaymentsListener listener() {
    return listener;
  }

  /**
   * An OkHttp interceptor that adds the W3C {@code traceparent} and {@code tracestate} headers of
   * the span current when the request runs: add it to the {@code OkHttpClient} you give the clients
   * ({@code okHttpClient(...)}). Off unless you add it. Baggage is never sent.
   *
   * <p>The parent it propagates is the caller's span on a synchronous call (OkHttp runs the
   * interceptor on the calling thread), not the attempt span, which the listener cannot make
   * current; on an asynchronous call it propagates whatever context OkHttp's dispatcher thread has,
   * usually none, and then adds nothing. No vendor documents rejecting unknown headers; the headers
   * are useful where the server continues the trace (a self-hosted Lago with OpenTelemetry), and
   * otherwise only tell a third party your trace ids, hence off by default. It never throws beyond
   * what the chain throws.
   */
  public Interceptor tracingInterceptor() {
    return new TraceContextInterceptor();
  }

  @Override
  public String toString() {
    return "PayClientTelemetry";
  }

  /** Where a vendor's requests go: {@code server.address} and {@code server.port}. */
  record Server(String address, int port) {}

  /** Options of {@link PayClientTelemetry}. Not thread-safe; {@link #build()} copies it. */
  public static final class Builder {
    private final OpenTelemetry openTelemetry;
    private final Map<String, Server> servers = new HashMap<>();
    private boolean recordIdempotencyKey = true;

    private Builder(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    /**
     * The {@code server.address} and {@code server.port} to report for the calls of {@code vendor}
     * instead of the host and port each call goes to: for a client that reaches the vendor through
     * a proxy or tunnel and should be reported under the vendor's own address. Not needed otherwise
     * (calls carry their server). A later call for the same vendor wins.
     *
     * @param vendor the vendor name of the events ({@code lago}, {@code billingrails}, {@code
     *     paygentic}: the clients' {@code VENDOR} constants)
     * @throws IllegalArgumentException if {@code baseUrl} is not an http or https URL
     * @throws NullPointerException if an argument is null
     */
    public Builder baseUrl(String vendor, String baseUrl) {
      Objects.requireNonNull(vendor, "vendor");
      HttpUrl url = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
      if (url == null) {
        throw new IllegalArgumentException("not an http or https URL: " + baseUrl);
      }
      servers.put(vendor, new Server(url.host(), url.port()));
      return this;
    }

    /**
     * Whether the call span carries {@code payclient.idempotency_key} (default {@code true}): the
     * key finds a call in the vendor's logs and is no secret, but turn it off if your keys embed
     * data you keep out of traces.
     */
    public Builder recordIdempotencyKey(boolean record) {
      this.recordIdempotencyKey = record;
      return this;
    }

    /** The instrumentation; the builder can be reused. Never throws. */
    public PayClientTelemetry build() {
      return new PayClientTelemetry(this);
    }
  }
}
