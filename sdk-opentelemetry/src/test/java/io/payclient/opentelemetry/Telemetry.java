package io.payclient.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** An OpenTelemetry SDK that records into memory, and helpers to read what it recorded. */
final class Telemetry implements AutoCloseable {
  final InMemorySpanExporter spans = InMemorySpanExporter.create();
  final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
          .build();

  List<SpanData> spans() {
    return spans.getFinishedSpanItems();
  }

  /**
   * Waits up to 5 s until {@code n} spans named {@code name} ended: an async call's future
   * completes before its {@code callEnded} has run on the completing thread.
   */
  List<SpanData> awaitSpans(String name, int n) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (spans(name).size() < n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    return spans(name);
  }

  List<SpanData> spans(String name) {
    return spans().stream().filter(s -> s.getName().equals(name)).toList();
  }

  SpanData span(String name) {
    List<SpanData> found = spans(name);
    if (found.size() != 1) {
      throw new AssertionError("expected one span " + name + ", got " + spans());
    }
    return found.get(0);
  }

  Collection<MetricData> collect() {
    return metrics.collectAllMetrics();
  }

  static MetricData metric(Collection<MetricData> all, String name) {
    return all.stream()
        .filter(m -> m.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + all));
  }

  /** The sum of a counter, by its points' attributes. */
  static Map<Attributes, Long> counts(Collection<MetricData> all, String name) {
    return metric(all, name).getLongSumData().getPoints().stream()
        .collect(Collectors.toMap(LongPointData::getAttributes, LongPointData::getValue));
  }

  static List<HistogramPointData> histogram(Collection<MetricData> all, String name) {
    return new ArrayList<>(metric(all, name).getHistogramData().getPoints());
  }

  /**
   * The trace as indented text: per span its name, kind, status and attributes, then its events;
   * children under their parent in start order. Nothing time-dependent, so two runs differ only in
   * generated ids and ports.
   */
  static String render(List<SpanData> spans) {
    Map<String, List<SpanData>> children = new TreeMap<>();
    List<SpanData> roots = new ArrayList<>();
    java.util.Set<String> ids = spans.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
    for (SpanData s : spans) {
      if (ids.contains(s.getParentSpanId())) {
        children.computeIfAbsent(s.getParentSpanId(), k -> new ArrayList<>()).add(s);
      } else {
        roots.add(s);
      }
    }
    StringBuilder out = new StringBuilder();
    roots.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
    for (SpanData root : roots) {
      render(root, children, 0, out);
    }
    return out.toString();
  }

  private static void render(
      SpanData span, Map<String, List<SpanData>> children, int depth, StringBuilder out) {
    String indent = "  ".repeat(depth);
    out.append(indent).append(span.getName()).append("  [").append(span.getKind());
    if (span.getStatus().getStatusCode() != io.opentelemetry.api.trace.StatusCode.UNSET) {
      out.append(", ").append(span.getStatus().getStatusCode());
    }
    out.append("]\n");
    Map<String, Object> attributes = new TreeMap<>();
    span.getAttributes().forEach((k, v) -> attributes.put(k.getKey(), v));
    attributes.forEach(
        (k, v) -> out.append(indent).append("    ").append(k).append(" = ").append(v).append('\n'));
    for (EventData e : span.getEvents()) {
      out.append(indent).append("    * event ").append(e.getName());
      Map<String, Object> ea = new TreeMap<>();
      e.getAttributes().forEach((k, v) -> ea.put(k.getKey(), v));
      if (!ea.isEmpty()) {
        out.append(' ').append(ea);
      }
      out.append('\n');
    }
    List<SpanData> kids = new ArrayList<>(children.getOrDefault(span.getSpanId(), List.of()));
    kids.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
    for (SpanData kid : kids) {
      render(kid, children, depth + 1, out);
    }
  }

  static <T> T attr(SpanData span, AttributeKey<T> key) {
    T value = span.getAttributes().get(key);
    if (value == null) {
      throw new AssertionError("no " + key + " on " + span);
    }
    return value;
  }

  @Override
  public void close() {
    sdk.close();
  }
}
