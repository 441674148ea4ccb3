package io.payclient.opentelemetry;

import static io.payclient.opentelemetry.TelemetryListener.ERROR_TYPE;
import static io.payclient.opentelemetry.TelemetryListener.HTTP_REQUEST_METHOD;
import static io.payclient.opentelemetry.TelemetryListener.HTTP_RESPONSE_STATUS_CODE;
import static io.payclient.opentelemetry.TelemetryListener.OPERATION;
import static io.payclient.opentelemetry.TelemetryListener.OUTCOME;
import static io.payclient.opentelemetry.TelemetryListener.SERVER_ADDRESS;
import static io.payclient.opentelemetry.TelemetryListener.SERVER_PORT;
import static io.payclient.opentelemetry.TelemetryListener.VENDOR;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * What every call of one vendor operation against one server has in common, computed once and
 * shared by those calls: the span names and the metric attribute sets (so a call builds no name
 * string and no attribute set that an earlier call of the same operation already built). The
 * operation's name ({@code payments.create}) and URL template ({@code /api/v1/payments/{id}}) are
 * those the vendor module sets on the call: ids never reach a span name or a metric attribute.
 */
final class Operation {
  /** Statuses whose duration attributes are cached: every valid HTTP status. */
  private static final int STATUSES = 600;

  /**
   * The identity of an operation, the key of the listener's cache.
   *
   * @param vendor the vendor's name
   * @param name {@code <resource>.<action>}, or {@code other}
   * @param template the path with its ids replaced by {@code {id}}, or {@code null} when unknown
   * @param method the HTTP method
   * @param server the server the calls go to, or {@code null} when unknown
   */
  record Shape(
      String vendor,
      String name,
      @Nullable String template,
      String method,
      PayClientTelemetry.@Nullable Server server) {}

  final Shape shape;

  /** The call span's name: {@code payclient <operation>}. */
  final String spanName;

  /** The attempt span's name: {@code <method> <template>}, or the method alone. */
  final String attemptSpanName;

  /** {@code payclient.vendor} and {@code payclient.operation}. */
  final Attributes callAttributes;

  /** {@link #callAttributes} with {@code payclient.outcome=success}. */
  final Attributes succeeded;

  private final AtomicReferenceArray<Attributes> durations = new AtomicReferenceArray<>(STATUSES);

  Operation(Shape shape) {
    this.shape = shape;
    this.spanName = "payclient " + shape.name();
    String template = shape.template();
    this.attemptSpanName = template == null ? shape.method() : shape.method() + " " + template;
    this.callAttributes = Attributes.of(VENDOR, shape.vendor(), OPERATION, shape.name());
    this.succeeded = callAttributes.toBuilder().put(OUTCOME, "success").build();
  }

  /**
   * An attempt's {@code error.type}: the status for 4xx and 5xx, else the failure's class, else
   * {@code null} (it succeeded).
   *
   * @param status the response's status, or 0 when there was none
   */
  static @Nullable String errorType(int status, @Nullable Throwable failure) {
    if (status >= 400) {
      return Integer.toString(status);
    }
    return failure == null ? null : failure.getClass().getName();
  }

  /**
   * The attributes of an {@code http.client.request.duration} record: cached per status when the
   * error type follows from the status alone (a success, or 4xx/5xx), built per record otherwise.
   *
   * @param status the response's status, or 0 when there was none
   * @param failure what ended the attempt, or {@code null}
   */
  Attributes duration(int status, @Nullable Throwable failure) {
    boolean cacheable = status > 0 && status < STATUSES && (failure == null || status >= 400);
    if (cacheable) {
      Attributes cached = durations.get(status);
      if (cached != null) {
        return cached;
      }
    }
    AttributesBuilder m = Attributes.builder().put(HTTP_REQUEST_METHOD, shape.method());
    PayClientTelemetry.Server s = shape.server();
    if (s != null) {
      m.put(SERVER_ADDRESS, s.address()).put(SERVER_PORT, (long) s.port());
    }
    if (status > 0) {
      m.put(HTTP_RESPONSE_STATUS_CODE, (long) status);
    }
    String errorType = errorType(status, failure);
    if (errorType != null) {
      m.put(ERROR_TYPE, errorType);
    }
    Attributes built = m.build();
    if (cacheable) {
      durations.set(status, built);
    }
    return built;
  }
}
