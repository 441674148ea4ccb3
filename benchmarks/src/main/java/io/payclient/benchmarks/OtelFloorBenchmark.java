package io.payclient.benchmarks;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentsListener;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The floor of {@link InstrumentationBenchmark}'s {@code otelSdk} row: the OpenTelemetry API calls
 * that any instrumentation producing the same telemetry for one successful create must make, on the
 * same SDK configuration ({@link InstrumentationBenchmark#droppingSdk()}), without PayClient and
 * without its listener events: the call's span with its attributes, the attempt's child CLIENT span
 * with its attributes and status code, one {@code http.client.request.duration} record and one
 * {@code payclient.calls} add with their attributes, both spans ended (and so exported through the
 * {@code SimpleSpanProcessor}). The values (operation, URL template, server, idempotency key,
 * payment id and status) are those of the vendor's real create, captured once in set-up from a
 * listener on the canned client, so the floor sets exactly the attributes PayClient's listener
 * sets. What {@code otelSdk − none} costs above this floor is PayClient's share of the
 * instrumentation; the floor itself is OpenTelemetry's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OtelFloorBenchmark {
  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<Long> STATUS =
      AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> ADDRESS = AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
  private static final AttributeKey<String> TEMPLATE = AttributeKey.stringKey("url.template");
  private static final AttributeKey<String> VENDOR = AttributeKey.stringKey("payclient.vendor");
  private static final AttributeKey<String> OPERATION =
      AttributeKey.stringKey("payclient.operation");
  private static final AttributeKey<String> KEY =
      AttributeKey.stringKey("payclient.idempotency_key");
  private static final AttributeKey<Boolean> UNKNOWN =
      AttributeKey.booleanKey("payclient.outcome_unknown");
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("payclient.outcome");
  private static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("payclient.attempts");
  private static final AttributeKey<String> PAYMENT_ID =
      AttributeKey.stringKey("payclient.payment.id");
  private static final AttributeKey<String> PAYMENT_STATUS =
      AttributeKey.stringKey("payclient.payment.status");

  @Param({"lago", "billingrails", "paygentic"})
  public String target;

  private OpenTelemetrySdk sdk;
  private Tracer tracer;
  private DoubleHistogram duration;
  private LongCounter calls;
  private PaymentsListener.Call call;
  private PaymentsListener.CallEnd end;
  private String status;
  private long responseStatus;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    PaymentsListener.Call[] seen = new PaymentsListener.Call[1];
    PaymentsListener.CallEnd[] ended = new PaymentsListener.CallEnd[1];
    int[] httpStatus = new int[1];
    try (Contender c =
        Contender.instrumented(
            target,
            new PaymentsListener() {
              @Override
              public void attemptEnded(Call call, AttemptEnd end) {
                httpStatus[0] = end.httpStatus();
              }

              @Override
              public void callEnded(Call call, CallEnd end) {
                seen[0] = call;
                ended[0] = end;
              }
            })) {
      c.create();
    }
    call = seen[0];
    responseStatus = httpStatus[0];
    end = ended[0];
    if (call == null || end == null || end.paymentId() == null || end.paymentStatus() == null) {
      throw new IllegalStateException("the canned create of " + target + " reported no payment");
    }
    PaymentStatus s = end.paymentStatus();
    status = s.name().toLowerCase(Locale.ROOT);
    sdk = InstrumentationBenchmark.droppingSdk();
    tracer = sdk.getTracer("io.payclient");
    Meter meter = sdk.getMeter("io.payclient");
    duration =
        meter
            .histogramBuilder("http.client.request.duration")
            .setUnit("s")
            .setExplicitBucketBoundariesAdvice(
                java.util.List.of(
                    0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5,
                    10.0))
            .build();
    calls = meter.counterBuilder("payclient.calls").setUnit("{call}").build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    sdk.close();
  }

  /** One successful create's telemetry, made directly through the OpenTelemetry API. */
  @Benchmark
  public Object otelFloor() {
    PaymentsListener.Call c = call;
    String address = c.serverAddress();
    String template = c.urlTemplate();
    @Nullable String key = c.idempotencyKey();
    SpanBuilder b =
        tracer
            .spanBuilder("payclient " + c.operation())
            .setSpanKind(SpanKind.INTERNAL)
            .setParent(Context.current())
            .setAttribute(VENDOR, c.vendor())
            .setAttribute(OPERATION, c.operation())
            .setAttribute(METHOD, c.method())
            .setAttribute(ADDRESS, address)
            .setAttribute(PORT, (long) c.serverPort());
    if (key != null) {
      b.setAttribute(KEY, key);
    }
    Span span = b.startSpan();
    Span attempt =
        tracer
            .spanBuilder(c.method() + " " + template)
            .setSpanKind(SpanKind.CLIENT)
            .setParent(Context.current().with(span))
            .setAttribute(METHOD, c.method())
            .setAttribute(VENDOR, c.vendor())
            .setAttribute(TEMPLATE, template)
            .setAttribute(ADDRESS, address)
            .setAttribute(PORT, (long) c.serverPort())
            .startSpan();
    long started = System.nanoTime();
    attempt.setAttribute(STATUS, responseStatus);
    AttributesBuilder m =
        Attributes.builder()
            .put(METHOD, c.method())
            .put(ADDRESS, address)
            .put(PORT, (long) c.serverPort())
            .put(STATUS, responseStatus);
    duration.record((System.nanoTime() - started) / 1_000_000_000.0, m.build());
    attempt.end();
    span.setAttribute(ATTEMPTS, 1L);
    span.setAttribute(UNKNOWN, false);
    span.setAttribute(PAYMENT_ID, end.paymentId());
    span.setAttribute(PAYMENT_STATUS, status);
    span.end();
    calls.add(
        1,
        Attributes.builder()
            .put(VENDOR, c.vendor())
            .put(OPERATION, c.operation())
            .put(OUTCOME, "success")
            .build());
    return span;
  }
}
