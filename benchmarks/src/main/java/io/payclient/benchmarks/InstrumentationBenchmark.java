package io.payclient.benchmarks;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.payclient.core.PaymentsListener;
import io.payclient.micrometer.ObservationPaymentsListener;
import io.payclient.opentelemetry.PayClientTelemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
 * The create of each SDK vendor on the canned transport (as {@link CreateBenchmark#create}), with
 * the client's listener:
 *
 * <ul>
 *   <li>{@code none}: no {@code listener(...)} at all, the plain client;
 *   <li>{@code empty}: an application listener that overrides nothing (what the events themselves
 *       cost the transport, with a listener that does no work);
 *   <li>{@code otelNoop}: {@code sdk-opentelemetry}'s listener on {@link OpenTelemetry#noop()};
 *   <li>{@code otelSdk}: the same on a real {@link OpenTelemetrySdk}: spans through a {@link
 *       SimpleSpanProcessor} (which ends and exports each span on the calling thread, so all of the
 *       tracing work is in the measured time) to an exporter that drops them, and metrics into a
 *       {@link SdkMeterProvider} with a periodic reader (10 min interval, exporter that drops
 *       them), so every instrument records into real aggregations;
 *   <li>{@code micrometer}: {@code sdk-micrometer}'s listener on an {@link ObservationRegistry}
 *       with {@link DefaultMeterObservationHandler} over a {@link SimpleMeterRegistry} (timers and
 *       long task timers per observation, as Spring Boot's metrics would record them; no tracing
 *       bridge).
 * </ul>
 *
 * Issue 17's target: the instrumented create ({@code otelNoop}, {@code otelSdk}) costs at most 10%
 * more than {@code none}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InstrumentationBenchmark {
  /** The listener variants, in the order the report shows them. */
  static final String[] LISTENERS = {"none", "empty", "otelNoop", "otelSdk", "micrometer"};

  /** The SDK vendors measured. */
  static final String[] TARGETS = {"lago", "billingrails", "paygentic"};

  @Param({"lago", "billingrails", "paygentic"})
  public String target;

  @Param({"none", "empty", "otelNoop", "otelSdk", "micrometer"})
  public String listener;

  private Contender contender;
  private final List<AutoCloseable> resources = new ArrayList<>();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    contender = Contender.instrumented(target, listener(listener, target, resources));
    // one call outside the measurement, as CreateBenchmark's capture does
    contender.create();
  }

  /**
   * The listener of variant {@code name} (one of {@link #LISTENERS}) for the client of {@code
   * target}; {@code null} for {@code none}. What must be closed after use is added to {@code
   * resources}.
   */
  static @Nullable PaymentsListener listener(
      String name, String target, List<AutoCloseable> resources) {
    return switch (name) {
      case "none" -> null;
      case "empty" -> new PaymentsListener() {};
      case "otelNoop" -> telemetry(OpenTelemetry.noop(), target);
      case "otelSdk" -> {
        OpenTelemetrySdk sdk = droppingSdk();
        resources.add(sdk);
        yield telemetry(sdk, target);
      }
      case "micrometer" -> {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        resources.add(registry::close);
        ObservationRegistry observations = ObservationRegistry.create();
        observations
            .observationConfig()
            .observationHandler(new DefaultMeterObservationHandler(registry));
        yield ObservationPaymentsListener.create(observations);
      }
      default -> throw new IllegalArgumentException("unknown listener " + name);
    };
  }

  /**
   * The real OpenTelemetry SDK of {@code otelSdk}: spans through a {@link SimpleSpanProcessor} to
   * an exporter that drops them, metrics into real aggregations read every 10 minutes.
   */
  static OpenTelemetrySdk droppingSdk() {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new DroppingSpanExporter()))
                .build())
        .setMeterProvider(
            SdkMeterProvider.builder()
                .registerMetricReader(
                    PeriodicMetricReader.builder(new DroppingMetricExporter())
                        .setInterval(Duration.ofMinutes(10))
                        .build())
                .build())
        .build();
  }

  private static PaymentsListener telemetry(OpenTelemetry openTelemetry, String target) {
    // server.address / server.port, as the README shows it
    return PayClientTelemetry.builder(openTelemetry)
        .baseUrl(target, Contender.BASE_URL)
        .build()
        .listener();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    contender.close();
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    resources.clear();
  }

  @Benchmark
  public Object create() throws Exception {
    return contender.create();
  }

  /** A span exporter that drops every span (and says it exported them). */
  static final class DroppingSpanExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  /** A metric exporter that drops every metric (cumulative, the SDK's default temporality). */
  static final class DroppingMetricExporter implements MetricExporter {
    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType type) {
      return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
