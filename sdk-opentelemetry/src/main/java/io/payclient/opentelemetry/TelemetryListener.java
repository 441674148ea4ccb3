package io.payclient.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentsListener;
import io.payclient.core.WebhookVerificationException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The listener behind {@link PayClientTelemetry#listener()}: one INTERNAL span per logical call, a
 * CLIENT child span per HTTP attempt, an INTERNAL child span per Lago reconciliation, and the
 * metrics. See {@link PayClientTelemetry} for the shape and the reasons.
 *
 * <p>Per-call state lives in {@link #open}, keyed by the identity of the {@link
 * PaymentsListener.Call} (the transport passes the same instance to every event of one call; the
 * record's value equality would merge two concurrent identical calls, such as two retrieves of the
 * same id). The entry is removed at {@code callEnded}, which the transport sends exactly once per
 * call, also on cancel and deadline. Events of one async call come from several threads and a
 * cancel can race an attempt's events: every state change holds the call state's lock, and events
 * after the end are ignored.
 */
final class TelemetryListener implements PaymentsListener {
  static final AttributeKey<String> HTTP_REQUEST_METHOD =
      AttributeKey.stringKey("http.request.method");
  static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE =
      AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<Long> HTTP_REQUEST_RESEND_COUNT =
      AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> VENDOR = AttributeKey.stringKey("payclient.vendor");
  static final AttributeKey<String> WEBHOOK_RESULT =
      AttributeKey.stringKey("payclient.webhook.result");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("payclient.operation");
  static final AttributeKey<String> IDEMPOTENCY_KEY =
      AttributeKey.stringKey("payclient.idempotency_key");
  static final AttributeKey<Boolean> OUTCOME_UNKNOWN =
      AttributeKey.booleanKey("payclient.outcome_unknown");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("payclient.outcome");
  static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("payclient.attempts");
  static final AttributeKey<String> PAYMENT_ID = AttributeKey.stringKey("payclient.payment.id");
  static final AttributeKey<String> PAYMENT_STATUS =
      AttributeKey.stringKey("payclient.payment.status");
  static final AttributeKey<String> RECONCILIATION_RESULT =
      AttributeKey.stringKey("payclient.reconciliation.result");
  static final AttributeKey<Long> RETRY_ATTEMPT = AttributeKey.longKey("payclient.retry.attempt");
  static final AttributeKey<Double> RETRY_DELAY = AttributeKey.doubleKey("payclient.retry.delay");

  /** The bucket boundaries the HTTP semantic conventions advise for request durations (s). */
  static final List<Double> DURATION_BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

  private final Tracer tracer;
  private final Map<String, PayClientTelemetry.Server> servers;
  private final boolean recordIdempotencyKey;
  private final DoubleHistogram requestDuration;
  private final LongCounter calls;
  private final LongCounter retries;
  private final LongCounter outcomeUnknown;
  private final LongCounter reconciliations;
  private final LongCounter waiterPolls;
  private final LongCounter webhooks;

  /** Open calls, by the identity of their event object; emptied by {@code callEnded}. */
  final Map<Key, CallState> open = new ConcurrentHashMap<>();

  /** Names and attribute sets per operation, bounded by {@link #MAX_OPERATIONS}. */
  private final Map<Operation.Shape, Operation> operations = new ConcurrentHashMap<>();

  /**
   * The most operations whose names and attributes are kept; vendor modules name a few dozen, but a
   * listener shared by clients of many servers could see more: those are built per call.
   */
  static final int MAX_OPERATIONS = 256;

  /** {@code payclient.payment.status} values, by {@link PaymentStatus#ordinal()}. */
  private static final String[] STATUS_NAMES = statusNames();

  private static String[] statusNames() {
    PaymentStatus[] all = PaymentStatus.values();
    String[] names = new String[all.length];
    for (PaymentStatus s : all) {
      names[s.ordinal()] = s.name().toLowerCase(Locale.ROOT);
    }
    return names;
  }

  TelemetryListener(
      Tracer tracer,
      Meter meter,
      Map<String, PayClientTelemetry.Server> servers,
      boolean recordIdempotencyKey) {
    this.tracer = tracer;
    this.servers = Map.copyOf(servers);
    this.recordIdempotencyKey = recordIdempotencyKey;
    this.requestDuration =
        meter
            .histogramBuilder("http.client.request.duration")
            .setUnit("s")
            .setDescription("Duration of HTTP client requests.")
            .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
            .build();
    this.calls =
        meter
            .counterBuilder("payclient.calls")
            .setUnit("{call}")
            .setDescription("Logical PayClient calls, by vendor, operation and outcome.")
            .build();
    this.retries =
        meter
            .counterBuilder("payclient.retries")
            .setUnit("{retry}")
            .setDescription("Retries scheduled by PayClient.")
            .build();
    this.outcomeUnknown =
        meter
            .counterBuilder("payclient.outcome_unknown")
            .setUnit("{call}")
            .setDescription("Failed calls that may nevertheless have taken effect.")
            .build();
    this.reconciliations =
        meter
            .counterBuilder("payclient.reconciliations")
            .setUnit("{reconciliation}")
            .setDescription("Lago reconciliations after an ambiguous create, by what they found.")
            .build();
    this.waiterPolls =
        meter
            .counterBuilder("payclient.waiter.polls")
            .setUnit("{poll}")
            .setDescription("Polls made by PayClient waiters, by the status seen.")
            .build();
    this.webhooks =
        meter
            .counterBuilder("payclient.webhooks")
            .setUnit("{webhook}")
            .setDescription(
                "Webhooks checked by PayClient verifiers, by result: verified, or the refusal's"
                    + " reason.")
            .build();
  }

  @Override
  public void callStarted(Call call) {
    Context parent = Context.current();
    Call served = call.parent();
    CallState create = served == null ? null : open.get(new Key(served));
    if (create != null) {
      Span span = create.openReconciliation();
      if (span != null) {
        parent = parent.with(span); // a page of the look-up of the create's reconciliation
      }
    }
    PayClientTelemetry.Server server = servers.get(call.vendor());
    String address = call.serverAddress();
    if (server == null && address != null) {
      server = new PayClientTelemetry.Server(address, call.serverPort());
    }
    Operation op =
        operation(
            new Operation.Shape(
                call.vendor(), call.operation(), call.urlTemplate(), call.method(), server));
    var builder =
        tracer
            .spanBuilder(op.spanName)
            .setSpanKind(SpanKind.INTERNAL)
            .setParent(parent)
            .setAttribute(VENDOR, call.vendor())
            .setAttribute(OPERATION, call.operation())
            .setAttribute(HTTP_REQUEST_METHOD, call.method());
    if (server != null) {
      builder.setAttribute(SERVER_ADDRESS, server.address());
      builder.setAttribute(SERVER_PORT, (long) server.port());
    }
    String key = call.idempotencyKey();
    if (key != null && recordIdempotencyKey) {
      builder.setAttribute(IDEMPOTENCY_KEY, key);
    }
    Span span = builder.startSpan();
    open.put(new Key(call), new CallState(call, op, span));
  }

  private Operation operation(Operation.Shape shape) {
    Operation op = operations.get(shape);
    if (op != null) {
      return op;
    }
    op = new Operation(shape);
    if (operations.size() < MAX_OPERATIONS) {
      Operation raced = operations.putIfAbsent(shape, op);
      if (raced != null) {
        return raced;
      }
    }
    return op;
  }

  @Override
  public void attemptStarted(Call call, int attempt) {
    CallState s = open.get(new Key(call));
    if (s != null) {
      s.attemptStarted(attempt);
    }
  }

  @Override
  public void responseReceived(Call call, int attempt, int httpStatus, Duration duration) {
    CallState s = open.get(new Key(call));
    if (s != null) {
      s.responseReceived(attempt, httpStatus, duration);
    }
  }

  @Override
  public void attemptEnded(Call call, AttemptEnd end) {
    CallState s = open.get(new Key(call));
    if (s != null) {
      s.attemptEnded(end);
    }
  }

  @Override
  public void retryScheduled(Call call, int nextAttempt, Duration delay) {
    CallState s = open.get(new Key(call));
    if (s != null) {
      retries.add(1, s.op.callAttributes);
      s.retryScheduled(nextAttempt, delay);
    }
  }

  @Override
  public void reconciliationStarted(Call call) {
    CallState s = open.get(new Key(call));
    if (s != null) {
      s.reconciliationStarted();
    }
  }

  @Override
  public void reconciliationEnded(Call call, Reconciliation result, Duration duration) {
    CallState s = open.get(new Key(call));
    String name = result.name().toLowerCase(Locale.ROOT);
    reconciliations.add(1, Attributes.of(VENDOR, call.vendor(), RECONCILIATION_RESULT, name));
    if (s != null) {
      s.reconciliationEnded(result, name);
    }
  }

  @Override
  public void callEnded(Call call, CallEnd end) {
    CallState s = open.remove(new Key(call));
    if (s == null) {
      return; // started before this listener was attached, or ended twice
    }
    if (!s.end(end)) {
      return;
    }
    Throwable error = end.error();
    if (error == null) {
      calls.add(1, s.op.succeeded);
    } else {
      calls.add(
          1,
          s.op.callAttributes.toBuilder()
              .put(OUTCOME, "error")
              .put(ERROR_TYPE, error.getClass().getName())
              .build());
    }
    if (end.outcomeUnknown()) {
      outcomeUnknown.add(1, s.op.callAttributes);
    }
  }

  @Override
  public void waiterPolled(
      String vendor, String paymentId, int poll, @Nullable PaymentStatus status) {
    waiterPolls.add(
        1,
        Attributes.of(
            VENDOR,
            vendor,
            PAYMENT_STATUS,
            status == null ? "error" : status.name().toLowerCase(Locale.ROOT)));
  }

  @Override
  public void webhookVerified(String vendor, String type) {
    webhooks.add(1, Attributes.of(VENDOR, vendor, WEBHOOK_RESULT, "verified"));
  }

  @Override
  public void webhookRefused(String vendor, WebhookVerificationException.Reason reason) {
    webhooks.add(
        1, Attributes.of(VENDOR, vendor, WEBHOOK_RESULT, reason.name().toLowerCase(Locale.ROOT)));
  }

  /** Identity of a call's event object (the record's {@code equals} compares values). */
  static final class Key {
    private final Call call;

    Key(Call call) {
      this.call = call;
    }

    @Override
    @SuppressWarnings("ReferenceEquality") // identity is the point: see the class comment
    public boolean equals(@Nullable Object o) {
      return o instanceof Key k && k.call == call;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(call);
    }
  }

  /** One open call: its span, its open attempt and reconciliation. Guarded by {@code this}. */
  final class CallState {
    final Call call;
    final Operation op;
    final Span span;
    private boolean ended;

    private @Nullable Span attempt;
    private int attemptNumber;
    private long attemptStartedNanos;
    private int attemptStatus;
    private long attemptDurationNanos = -1;

    private @Nullable Span reconciliation;

    CallState(Call call, Operation op, Span span) {
      this.call = call;
      this.op = op;
      this.span = span;
    }

    synchronized void attemptStarted(int number) {
      if (ended) {
        return;
      }
      finishAttempt(null);
      String template = op.shape.template();
      var builder =
          tracer
              .spanBuilder(op.attemptSpanName)
              .setSpanKind(SpanKind.CLIENT)
              .setParent(Context.current().with(span))
              .setAttribute(HTTP_REQUEST_METHOD, call.method())
              .setAttribute(VENDOR, call.vendor());
      if (template != null) {
        builder.setAttribute(URL_TEMPLATE, template);
      }
      PayClientTelemetry.Server s = op.shape.server();
      if (s != null) {
        builder.setAttribute(SERVER_ADDRESS, s.address());
        builder.setAttribute(SERVER_PORT, (long) s.port());
      }
      if (number > 1) {
        builder.setAttribute(HTTP_REQUEST_RESEND_COUNT, (long) number - 1);
      }
      attempt = builder.startSpan();
      attemptNumber = number;
      attemptStartedNanos = System.nanoTime();
      attemptStatus = 0;
      attemptDurationNanos = -1;
    }

    synchronized void responseReceived(int number, int status, Duration duration) {
      Span a = attempt;
      if (ended || a == null || number != attemptNumber) {
        return;
      }
      attemptStatus = status;
      attemptDurationNanos = duration.toNanos();
      a.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) status);
      // The attempt stays open until attemptEnded, which says whether it failed.
    }

    synchronized void attemptEnded(AttemptEnd end) {
      if (ended || attempt == null || end.attempt() != attemptNumber) {
        return;
      }
      if (attemptStatus == 0) {
        attemptStatus = end.httpStatus();
      }
      if (attemptDurationNanos < 0) {
        attemptDurationNanos = end.duration().toNanos();
      }
      finishAttempt(end.error());
    }

    synchronized void retryScheduled(int nextAttempt, Duration delay) {
      if (ended) {
        return;
      }
      finishAttempt(null);
      span.addEvent(
          "payclient.retry_scheduled",
          Attributes.of(
              RETRY_ATTEMPT, (long) nextAttempt, RETRY_DELAY, delay.toNanos() / 1_000_000_000.0));
    }

    /** Opens the reconciliation span, unless the call already ended. */
    synchronized void reconciliationStarted() {
      if (ended) {
        return;
      }
      finishAttempt(null);
      Span previous = reconciliation;
      if (previous != null) {
        previous.end();
      }
      reconciliation =
          tracer
              .spanBuilder("payclient reconciliation")
              .setSpanKind(SpanKind.INTERNAL)
              .setParent(Context.current().with(span))
              .setAttribute(VENDOR, call.vendor())
              .setAttribute(OPERATION, call.operation())
              .startSpan();
    }

    /** The open reconciliation span, under which the look-up's calls go. */
    synchronized @Nullable Span openReconciliation() {
      return ended ? null : reconciliation;
    }

    synchronized void reconciliationEnded(Reconciliation result, String name) {
      Span r = reconciliation;
      if (ended || r == null) {
        return;
      }
      reconciliation = null;
      r.setAttribute(RECONCILIATION_RESULT, name);
      if (result == Reconciliation.FAILED) {
        r.setStatus(StatusCode.ERROR, "reconciliation failed");
      }
      r.end();
      span.addEvent("payclient.reconciliation", Attributes.of(RECONCILIATION_RESULT, name));
    }

    /** Ends the call's spans; {@code false} when it had already ended. */
    synchronized boolean end(CallEnd end) {
      if (ended) {
        return false;
      }
      Throwable error = end.error();
      finishAttempt(error);
      Span r = reconciliation;
      if (r != null) {
        reconciliation = null;
        r.setStatus(StatusCode.ERROR, "ended with the call");
        r.end();
      }
      ended = true;
      span.setAttribute(ATTEMPTS, (long) end.attempts());
      span.setAttribute(OUTCOME_UNKNOWN, end.outcomeUnknown());
      String paymentId = end.paymentId();
      if (paymentId != null) {
        span.setAttribute(PAYMENT_ID, paymentId);
      }
      PaymentStatus status = end.paymentStatus();
      if (status != null) {
        span.setAttribute(PAYMENT_STATUS, STATUS_NAMES[status.ordinal()]);
      }
      if (error != null) {
        // The class only: a message may quote what the server sent.
        span.setAttribute(ERROR_TYPE, error.getClass().getName());
        span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
      }
      span.end();
      return true;
    }

    /**
     * Ends the open attempt, if any, and records its duration. {@code failure} is the reason the
     * attempt failed, or {@code null} when it ended with the response already recorded (or with
     * nothing to say).
     */
    private void finishAttempt(@Nullable Throwable failure) {
      Span a = attempt;
      if (a == null) {
        return;
      }
      attempt = null;
      String errorType = Operation.errorType(attemptStatus, failure);
      long nanos =
          attemptDurationNanos >= 0
              ? attemptDurationNanos
              : System.nanoTime() - attemptStartedNanos;
      if (errorType != null) {
        a.setAttribute(ERROR_TYPE, errorType);
        a.setStatus(StatusCode.ERROR);
      }
      requestDuration.record(nanos / 1_000_000_000.0, op.duration(attemptStatus, failure));
      a.end();
    }
  }
}
