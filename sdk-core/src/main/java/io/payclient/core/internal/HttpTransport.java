package io.payclient.core.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.payclient.core.ApiError;
import io.payclient.core.ApiException;
import io.payclient.core.ClientOptions;
import io.payclient.core.ConnectionException;
import io.payclient.core.FieldError;
import io.payclient.core.PayClientException;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentsListener;
import io.payclient.core.ResponseFormatException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * The one HTTP engine shared by every vendor client: authentication, headers, timeouts, the body
 * cap, error mapping, and retries that never duplicate a create.
 *
 * <p>Retry rules, applied per call with state that belongs to that call only:
 *
 * <ul>
 *   <li>the request provably never reached the server (connect failure): retry;
 *   <li>429: retry after {@code Retry-After}/{@code X-RateLimit-Reset} (up to {@link
 *       ClientOptions#maxRetryDelay()}) or backoff;
 *   <li>timeout or reset after sending, 408, 5xx, and transient vendor errors: retry only if the
 *       call is {@linkplain ApiCall#idempotent() idempotent} (a GET, or an idempotency key);
 *       otherwise fail with {@code outcomeUnknown()} true;
 *   <li>anything else: fail at once.
 * </ul>
 *
 * <p>What an attempt's failure means, and whether and when to send again, is decided by {@link
 * RetryPolicy} alone; every text that came from the network passes {@link NetworkText} (the key
 * removed first, cut after) before it reaches an exception or a log line.
 *
 * <p>Sync calls sleep on the caller's thread between attempts; async calls are enqueued on OkHttp's
 * dispatcher and their retries scheduled on one shared daemon timer thread. Everything a call does,
 * time queued in the dispatcher and reconciliation included, fits in its deadline: an async call
 * still running at its deadline is cancelled. Cancelling the future of an async call stops the
 * attempt in flight and every later one.
 */
public final class HttpTransport implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.payclient.transport");
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final int MAX_CACHED_URLS = 16;

  /** Concurrent calls to the vendor's host on an OkHttp client the SDK created itself. */
  static final int MAX_REQUESTS_PER_HOST = 64;

  private static final Interceptor SEND_TRACKER =
      chain -> {
        SendTracker tracker = chain.request().tag(SendTracker.class);
        if (tracker != null) {
          tracker.connected = true; // from here on, bytes may reach the server
        }
        return chain.proceed(chain.request());
      };

  private final String vendor;
  private final HttpUrl baseUrl;
  private final NetworkText text;
  private final Headers fixedHeaders;
  private final ConcurrentMap<List<String>, HttpUrl> postUrls = new ConcurrentHashMap<>();
  private final OkHttpClient http;
  private final boolean ownsClient;
  private final ErrorParser errorParser;
  private final ClientOptions options;
  private final PaymentsListener listener;

  /** Whether a listener was set: without one, no event is built and no callback runs. */
  private final boolean listening;

  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Creates a transport.
   *
   * @param vendor the vendor name, for headers, messages and events
   * @param baseUrl the checked base URL (see {@link Urls#baseUrl(String, boolean)})
   * @param apiKey the checked API key (see {@link Secrets#requireValidApiKey})
   * @param options timeouts, retries, body cap, listener, OkHttp client
   * @param errorParser the vendor's error body reader
   */
  public HttpTransport(
      String vendor,
      HttpUrl baseUrl,
      String apiKey,
      ClientOptions options,
      ErrorParser errorParser) {
    this.vendor = Objects.requireNonNull(vendor);
    this.baseUrl = Objects.requireNonNull(baseUrl);
    this.text = new NetworkText(Objects.requireNonNull(apiKey));
    this.options = Objects.requireNonNull(options);
    this.errorParser = Objects.requireNonNull(errorParser);
    this.listener = options.listener();
    this.listening = listener != PaymentsListener.NONE;
    this.fixedHeaders =
        new Headers.Builder()
            .add("Authorization", "Bearer " + apiKey)
            .add("Accept", "application/json")
            .add("User-Agent", Version.userAgent(vendor, options.userAgentSuffix().orElse(null)))
            .build();
    OkHttpClient given = options.okHttpClient().orElse(null);
    this.ownsClient = given == null;
    OkHttpClient.Builder builder;
    if (given != null) {
      builder = given.newBuilder(); // shares the caller's pool and dispatcher
    } else {
      // OkHttp allows 5 concurrent calls per host by default; one payments API is one host.
      okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
      dispatcher.setMaxRequestsPerHost(MAX_REQUESTS_PER_HOST);
      builder = new OkHttpClient.Builder().dispatcher(dispatcher);
    }
    this.http =
        builder
            .connectTimeout(options.connectTimeout())
            .readTimeout(options.readTimeout())
            .writeTimeout(options.writeTimeout())
            .addNetworkInterceptor(SEND_TRACKER)
            // A payments API never redirects: following one would turn a create into a GET of
            // another resource, read as the create's result. A 3xx is reported, as ambiguous.
            .followRedirects(false)
            .followSslRedirects(false)
            .build();
  }

  /** The vendor name. */
  public String vendor() {
    return vendor;
  }

  /** The base URL. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /** The OkHttp client in use (derived from the caller's if one was given). */
  public OkHttpClient okHttpClient() {
    return http;
  }

  /** The listener of this client ({@link PaymentsListener#NONE} when none is set). */
  public PaymentsListener listener() {
    return listener;
  }

  /**
   * Runs a call on the caller's thread, retrying as the class describes.
   *
   * @throws PayClientException with the vendor, idempotency key and attempts; never any other
   *     exception for what the server sends
   * @throws IllegalStateException if the transport is closed
   */
  public <T> T execute(ApiCall<T> call) {
    Run<T> run = start(call);
    Deadlines.SHARED.watch(run);
    T value;
    try {
      value = execute(run);
    } catch (RuntimeException e) {
      run.end(null, e);
      throw e;
    } finally {
      Deadlines.SHARED.unwatch(run);
    }
    run.end(value, null);
    return value;
  }

  private <T> T execute(Run<T> run) {
    ApiCall<T> call = run.call;
    while (true) {
      if (run.reconcileNext) {
        run.reconcileNext = false;
        Optional<T> found;
        try {
          Duration left = run.timeLeft();
          if (left.isZero()) {
            throw run.reconcileFailed(null);
          }
          run.reconciliationStarted();
          found = Objects.requireNonNull(call.reconciler).find(left, run.event);
        } catch (PayClientException e) {
          run.reconciliationEnded(PaymentsListener.Reconciliation.FAILED);
          throw e == run.lastError ? e : run.reconcileFailed(e);
        } catch (RuntimeException e) {
          run.reconciliationEnded(PaymentsListener.Reconciliation.FAILED);
          throw run.reconcileFailed(e);
        }
        run.reconciliationEnded(
            found.isPresent()
                ? PaymentsListener.Reconciliation.FOUND
                : PaymentsListener.Reconciliation.NOTHING_CREATED);
        if (found.isPresent()) {
          return found.get();
        }
        run.tookEffectMaybe = false; // the lookup showed the earlier attempts created nothing
      }
      SendTracker tracker = new SendTracker();
      Call http = run.newCall(tracker);
      long started = System.nanoTime();
      Step<T> step;
      try (Response response = http.execute()) {
        step = run.onResponse(response, tracker, started);
      } catch (IOException e) {
        step = run.onFailure(e, tracker);
      } catch (RuntimeException e) {
        step = run.unexpected(e, tracker);
      }
      if (step.error == null) {
        return Objects.requireNonNull(step.value, "a parser returned null");
      }
      if (step.retryDelayNanos < 0) {
        throw step.error;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(step.retryDelayNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        step.error.addSuppressed(e);
        throw step.error;
      }
    }
  }

  /**
   * Runs a call without blocking: the future completes on an OkHttp dispatcher thread (or the retry
   * scheduler's). Cancelling the future cancels the attempt in flight, a reconciliation in progress
   * and every later attempt; at the call's deadline the same happens and the future fails with the
   * last error.
   *
   * @return a future completed with the result or a {@link PayClientException}
   */
  public <T> CompletableFuture<T> executeAsync(ApiCall<T> call) {
    CompletableFuture<T> future = new CompletableFuture<>();
    Run<T> run;
    try {
      run = start(call);
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return future;
    }
    run.future = future;
    Deadlines.SHARED.watch(run);
    // With a listener, the caller gets a future completed only after callEnded has run, so that
    // whatever the caller does next (end its own span, read metrics) sees the call as ended.
    boolean derived = listening;
    CompletableFuture<T> result = derived ? new CompletableFuture<>() : future;
    Futures.onComplete(
        future,
        (v, e) -> {
          Deadlines.SHARED.unwatch(run);
          if (future.isCancelled()) {
            run.cancelled = true;
            run.stopInFlight();
          }
          run.end(v, e);
          if (derived) {
            if (e != null) {
              result.completeExceptionally(e);
            } else {
              result.complete(v);
            }
          }
        });
    if (derived) {
      Futures.cancelSourceWith(result, future);
    }
    attemptAsync(run, future);
    return result;
  }

  private <T> void attemptAsync(Run<T> run, CompletableFuture<T> future) {
    if (future.isDone() || run.cancelled) {
      return;
    }
    if (run.reconcileNext) {
      run.reconcileNext = false;
      Duration left = run.timeLeft();
      if (left.isZero()) {
        future.completeExceptionally(run.reconcileFailed(null));
        return;
      }
      CompletableFuture<Optional<T>> lookup;
      run.reconciliationStarted();
      try {
        lookup = Objects.requireNonNull(run.call.reconciler).findAsync(left, run.event);
      } catch (RuntimeException e) {
        run.reconciliationEnded(PaymentsListener.Reconciliation.FAILED);
        future.completeExceptionally(run.reconcileFailed(e));
        return;
      }
      run.lookup = lookup;
      run.waiting = true;
      if (future.isDone()) {
        lookup.cancel(true);
        return;
      }
      Futures.onComplete(
          lookup,
          (found, error) -> {
            run.lookup = null;
            run.reconciliationEnded(
                error != null
                    ? PaymentsListener.Reconciliation.FAILED
                    : found.isPresent()
                        ? PaymentsListener.Reconciliation.FOUND
                        : PaymentsListener.Reconciliation.NOTHING_CREATED);
            if (error != null) {
              Throwable cause = Futures.unwrap(error);
              future.completeExceptionally(
                  cause == run.lastError ? cause : run.reconcileFailed(cause));
            } else if (found.isPresent()) {
              future.complete(found.get());
            } else {
              run.tookEffectMaybe = false; // the earlier attempts created nothing
              attemptAsync(run, future);
            }
          });
      return;
    }
    SendTracker tracker = new SendTracker();
    Call http = run.newCall(tracker);
    run.waiting = false;
    if (future.isDone() || run.cancelled) {
      http.cancel(); // cancelled while the call was being made: it never starts
      return;
    }
    long started = System.nanoTime();
    http.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            if (!tracker.settled.compareAndSet(false, true)) {
              return; // the deadline already reported this attempt
            }
            Step<T> step;
            try {
              step = run.onFailure(e, tracker);
            } catch (RuntimeException unexpected) {
              step = run.unexpected(unexpected, tracker);
            }
            finish(run, future, step);
          }

          @Override
          public void onResponse(Call c, Response response) {
            if (!tracker.settled.compareAndSet(false, true)) {
              response.close(); // the deadline already reported this attempt
              return;
            }
            Step<T> step;
            try (response) {
              step = run.onResponse(response, tracker, started);
            } catch (RuntimeException e) {
              step = run.unexpected(e, tracker);
            }
            finish(run, future, step);
          }
        });
  }

  private <T> void finish(Run<T> run, CompletableFuture<T> future, Step<T> step) {
    if (step.error == null) {
      future.complete(step.value);
    } else if (step.retryDelayNanos < 0 || future.isDone() || run.cancelled) {
      future.completeExceptionally(step.error);
    } else {
      run.waiting = true;
      run.pendingRetry =
          Scheduler.SHARED.schedule(
              () -> attemptAsync(run, future), step.retryDelayNanos, TimeUnit.NANOSECONDS);
      if (future.isDone()) {
        run.stopInFlight(); // cancelled while the retry was being scheduled
      }
    }
  }

  private <T> Run<T> start(ApiCall<T> call) {
    if (closed.get()) {
      throw new IllegalStateException("This " + vendor + " client is closed");
    }
    Run<T> run = new Run<>(call);
    PaymentsListener.Call event = run.event;
    if (event != null) {
      safely(() -> listener.callStarted(event));
    }
    return run;
  }

  /** Releases the connection pool and dispatcher threads, unless the OkHttp client was given. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownsClient) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  private void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "PaymentsListener threw; ignored", e);
    }
  }

  /** Network text, redacted, then cut to the text cap; {@code null} stays {@code null}. */
  private @Nullable String clean(@Nullable String value) {
    return text.clean(value, Limits.MAX_TEXT_CHARS);
  }

  /** The start of a body as text: the key removed first, then cut. */
  private String excerpt(Buffer body) {
    // A multiple of the cap in bytes is enough to fill the cap in characters after redaction.
    long n = Math.min(body.size(), 4L * Limits.MAX_RAW_BODY_CHARS);
    String raw = body.snapshot((int) n).utf8();
    return Objects.requireNonNull(text.clean(raw, Limits.MAX_RAW_BODY_CHARS));
  }

  /** Marks whether an attempt got as far as a connection (so bytes may have been sent). */
  static final class SendTracker {
    volatile boolean connected;

    /** Set once by whoever reports the attempt: its callback, or the deadline. */
    final AtomicBoolean settled = new AtomicBoolean();
  }

  /** The outcome of one attempt: a value, a final error, or an error with a retry delay. */
  private static final class Step<T> {
    final @Nullable T value;
    final @Nullable PayClientException error;
    final long retryDelayNanos;

    private Step(@Nullable T value, @Nullable PayClientException error, long retryDelayNanos) {
      this.value = value;
      this.error = error;
      this.retryDelayNanos = retryDelayNanos;
    }
  }

  /** A body read up to the cap. */
  private static final class Capped {
    final Buffer bytes;
    final boolean overCap;

    Capped(Buffer bytes, boolean overCap) {
      this.bytes = bytes;
      this.overCap = overCap;
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final java.util.concurrent.atomic.AtomicIntegerFieldUpdater<Run> OPEN_ATTEMPT =
      java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(Run.class, "openAttempt");

  /**
   * An attempt stopped at the deadline fails as OkHttp's call timeout used to fail it: with an
   * {@link InterruptedIOException}, whose cause is what the stopped call threw.
   */
  private static IOException deadlineReached(IOException e) {
    if (e instanceof InterruptedIOException) {
      return e;
    }
    InterruptedIOException timeout = new InterruptedIOException("deadline reached");
    timeout.initCause(e);
    return timeout;
  }

  /**
   * The state of one logical call across its attempts. Never shared between calls. Watched by
   * {@link Deadlines} from its start to its end.
   */
  private final class Run<T> implements Deadlines.Watched {
    final ApiCall<T> call;
    final HttpUrl url;
    final @Nullable RequestBody body;

    /** The listener's view of the call; {@code null} when no listener is set. */
    final PaymentsListener.@Nullable Call event;

    final long deadlineNanos;
    final long startedNanos = System.nanoTime();
    final int maxRetries;
    final AtomicBoolean ended = new AtomicBoolean();
    volatile long reconcileStartedNanos;
    int attempts;

    /**
     * The attempt whose {@code attemptEnded} is still due (0: none); with a listener only. Set
     * through {@link #OPEN_ATTEMPT} (no object per call on the listener-less path).
     */
    @SuppressWarnings("UnusedVariable") // read through OPEN_ATTEMPT
    volatile int openAttempt;

    volatile long attemptStartedNanos;
    volatile int attemptStatus;
    volatile @Nullable Call current;
    volatile @Nullable SendTracker currentTracker;

    /** Between attempts: a retry is scheduled or a reconciliation runs. */
    volatile boolean waiting;

    volatile @Nullable CompletableFuture<?> lookup;
    volatile @Nullable ScheduledFuture<?> pendingRetry;
    volatile boolean reconcileNext;
    volatile boolean cancelled;
    volatile boolean deadlineHit;
    volatile @Nullable PayClientException lastError;

    /** An earlier attempt may have taken effect: every later failure has an unknown outcome. */
    volatile boolean tookEffectMaybe;

    /** An async call's future ({@code null} for a call on the caller's thread). */
    volatile @Nullable CompletableFuture<T> future;

    Run(ApiCall<T> call) {
      this.call = call;
      this.url = url(call);
      this.body = call.body == null ? null : oneShot(call.body);
      this.event =
          listening
              ? new PaymentsListener.Call(
                  vendor,
                  call.method,
                  url.encodedPath(),
                  call.idempotencyKey,
                  call.operation,
                  urlTemplate(call),
                  url.host(),
                  url.port(),
                  call.parent)
              : null;
      Duration timeout = call.options.timeout().orElse(options.timeout());
      this.deadlineNanos = System.nanoTime() + RetryPolicy.saturatedNanos(timeout);
      this.maxRetries = call.options.maxRetries().orElse(options.maxRetries());
    }

    Call newCall(SendTracker tracker) {
      attempts++;
      PaymentsListener.Call e = event;
      if (e != null) {
        int attempt = attempts;
        endAttempt(null); // a previous attempt cut short without its own end
        attemptStartedNanos = System.nanoTime();
        attemptStatus = 0;
        openAttempt = attempt;
        safely(() -> listener.attemptStarted(e, attempt));
      }
      Request.Builder r =
          new Request.Builder()
              .url(url)
              .method(call.method, body)
              .headers(fixedHeaders)
              .tag(SendTracker.class, tracker);
      addCallHeaders(r, call);
      Call c = http.newCall(r.build());
      currentTracker = tracker;
      current = c;
      // The deadline may have passed before this attempt was made current, where expire() could
      // not stop it: it is stopped before it starts. (expire() sets deadlineHit before it reads
      // current; this reads deadlineHit after setting current: one of the two sees the other.)
      if (deadlineHit || deadlineNanos - System.nanoTime() <= 0) {
        deadlineHit = true;
        c.cancel();
      }
      return c;
    }

    /**
     * Tells the listener that the open attempt ended, once: with {@code error}, or as the call's
     * result when it is {@code null}. A no-op without a listener or an open attempt.
     */
    void endAttempt(@Nullable Throwable error) {
      PaymentsListener.Call e = event;
      int attempt = e == null ? 0 : OPEN_ATTEMPT.getAndSet(this, 0);
      if (e == null || attempt == 0) {
        return;
      }
      PaymentsListener.AttemptEnd end =
          new PaymentsListener.AttemptEnd(
              attempt,
              attemptStatus,
              error,
              Duration.ofNanos(System.nanoTime() - attemptStartedNanos));
      safely(() -> listener.attemptEnded(e, end));
    }

    /** Tells the listener that the call ended, once; a no-op without a listener. */
    void end(@Nullable T value, @Nullable Throwable failure) {
      PaymentsListener.Call e = event;
      if (e == null || !ended.compareAndSet(false, true)) {
        return;
      }
      Throwable error = failure == null ? null : Futures.unwrap(failure);
      endAttempt(error); // an attempt cut short by a cancel or the deadline
      String paymentId = null;
      PaymentStatus paymentStatus = null;
      if (value != null && call.paymentIdOf != null && call.paymentStatusOf != null) {
        try {
          paymentId = call.paymentIdOf.apply(value);
          paymentStatus = call.paymentStatusOf.apply(value);
        } catch (RuntimeException ignored) {
          paymentId = null; // the event goes out without the payment
          paymentStatus = null;
        }
      }
      PaymentsListener.CallEnd end =
          new PaymentsListener.CallEnd(
              error,
              error instanceof PayClientException p && p.outcomeUnknown(),
              attempts,
              Duration.ofNanos(System.nanoTime() - startedNanos),
              paymentId,
              paymentStatus);
      safely(() -> listener.callEnded(e, end));
    }

    void reconciliationStarted() {
      PaymentsListener.Call e = event;
      if (e != null) {
        endAttempt(lastError);
        reconcileStartedNanos = System.nanoTime();
        safely(() -> listener.reconciliationStarted(e));
      }
    }

    void reconciliationEnded(PaymentsListener.Reconciliation result) {
      PaymentsListener.Call e = event;
      if (e != null) {
        Duration took = Duration.ofNanos(System.nanoTime() - reconcileStartedNanos);
        safely(() -> listener.reconciliationEnded(e, result, took));
      }
    }

    /** The time left before the deadline, never negative. */
    Duration timeLeft() {
      return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** Stops the attempt in flight, a scheduled retry and a reconciliation in progress. */
    void stopInFlight() {
      Call c = current;
      if (c != null) {
        c.cancel();
      }
      ScheduledFuture<?> retry = pendingRetry;
      if (retry != null) {
        retry.cancel(false);
      }
      CompletableFuture<?> l = lookup;
      if (l != null) {
        l.cancel(true);
      }
    }

    @Override
    public long deadlineNanos() {
      return deadlineNanos;
    }

    /**
     * The deadline passed. A call on the caller's thread: the attempt in flight is stopped (it then
     * fails as timed out, and the call is not retried). An async call: see {@link
     * #expire(CompletableFuture)}.
     */
    @Override
    public void expire() {
      CompletableFuture<T> f = future;
      if (f != null) {
        expire(f);
        return;
      }
      deadlineHit = true;
      Call c = current;
      if (c != null) {
        c.cancel();
      }
    }

    /**
     * The deadline of an async call passed: stop everything. An attempt still queued or in flight
     * is reported as timed out (whether it was sent decides its outcome); between attempts, the
     * call fails with the last attempt's error. An attempt whose answer is being handled finishes
     * the call itself.
     */
    void expire(CompletableFuture<T> future) {
      deadlineHit = true;
      ScheduledFuture<?> retry = pendingRetry;
      if (retry != null) {
        retry.cancel(false);
      }
      CompletableFuture<?> l = lookup;
      if (l != null) {
        l.cancel(true);
      }
      Call c = current;
      if (c != null) {
        c.cancel(); // a call queued in the dispatcher would otherwise report only when it runs
      }
      SendTracker tracker = currentTracker;
      if (!waiting && tracker != null && tracker.settled.compareAndSet(false, true)) {
        Step<T> step = onFailure(new InterruptedIOException("deadline reached"), tracker);
        future.completeExceptionally(Objects.requireNonNull(step.error));
        return;
      }
      PayClientException last = lastError;
      if (waiting && last != null) {
        future.completeExceptionally(last);
      }
    }

    PayClientException.Context context() {
      return CoreAccess.get().context(vendor, call.idempotencyKey, attempts);
    }

    Step<T> onResponse(Response response, SendTracker tracker, long startedNanos) {
      int status = response.code();
      Capped capped;
      try {
        capped = readCapped(response.body());
      } catch (IOException e) {
        if (response.isSuccessful()) {
          return onFailure(e, tracker); // the answer was lost mid-body: as if none came back
        }
        capped = new Capped(new Buffer(), false); // the status is known: it decides
      }
      Buffer bytes = capped.bytes;
      PaymentsListener.Call e = event;
      boolean logging = LOG.isLoggable(Level.DEBUG);
      if (e != null || logging) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        int attempt = attempts;
        if (e != null) {
          attemptStatus = status;
          safely(() -> listener.responseReceived(e, attempt, status, took));
        }
        if (logging) {
          LOG.log(Level.DEBUG, describeExchange(response, status, took, bytes));
        }
      }
      if (response.isSuccessful()) {
        if (capped.overCap) {
          return decide(
              formatError(
                  "response body over " + options.maxResponseBytes() + " bytes",
                  null,
                  status,
                  bytes),
              RetryPolicy.Outcome.UNREADABLE_SUCCESS,
              status,
              false,
              null);
        }
        Step<T> step = parseSuccess(response, status, bytes);
        if (step.error == null) {
          endAttempt(null);
        }
        return step;
      }
      ApiError error = parseError(response, status, capped);
      boolean vendorTransient;
      try {
        vendorTransient = errorParser.isTransient(error);
      } catch (RuntimeException ignored) {
        vendorTransient = false;
      }
      boolean unknown =
          RetryPolicy.outcomeUnknown(
              RetryPolicy.Outcome.ERROR_STATUS, status, call.mayCreate(), tookEffectMaybe);
      ApiException ex = CoreAccess.get().apiException(error, context(), call.mayCreate(), unknown);
      return decide(
          ex, RetryPolicy.Outcome.ERROR_STATUS, status, vendorTransient, error.retryAfter());
    }

    Step<T> onFailure(IOException failure, SendTracker tracker) {
      IOException e = deadlineHit ? deadlineReached(failure) : failure;
      boolean sent = tracker.connected;
      boolean timedOut = e instanceof InterruptedIOException;
      String what =
          sent
              ? (timedOut ? "timed out after the request was sent" : "failed after sending")
              : (timedOut ? "timed out before the request was sent" : "could not connect");
      RetryPolicy.Outcome outcome =
          sent ? RetryPolicy.Outcome.NO_ANSWER : RetryPolicy.Outcome.NOT_SENT;
      boolean unknown = RetryPolicy.outcomeUnknown(outcome, 0, call.mayCreate(), tookEffectMaybe);
      ConnectionException ex =
          CoreAccess.get()
              .connectionException(
                  describe()
                      + " "
                      + what
                      + " ("
                      + e.getClass().getSimpleName()
                      + ")"
                      + keyAdvice(unknown),
                  text.cleanThrowable(e),
                  context(),
                  sent,
                  unknown);
      return decide(ex, outcome, 0, false, null);
    }

    /**
     * A bug or an unforeseen runtime failure while handling an attempt: reported as a documented
     * exception, never escaping raw, and never retried.
     */
    Step<T> unexpected(RuntimeException e, SendTracker tracker) {
      boolean unknown = (tracker.connected && call.mayCreate()) || tookEffectMaybe;
      return decide(
          CoreAccess.get()
              .responseFormatException(
                  describe()
                      + ": could not handle the response ("
                      + e.getClass().getSimpleName()
                      + ")"
                      + keyAdvice(unknown),
                  text.cleanThrowable(e),
                  context(),
                  0,
                  null,
                  unknown),
          RetryPolicy.Outcome.UNREADABLE_SUCCESS,
          0,
          false,
          null);
    }

    private String keyAdvice(boolean unknown) {
      if (!unknown) {
        return "";
      }
      return call.idempotencyKey != null
          ? "; the outcome is unknown: retry later with the same idempotency key"
          : "; the outcome is unknown: check whether the payment exists before retrying";
    }

    private Step<T> parseSuccess(Response response, int status, Buffer bytes) {
      if (call.textParser != null) {
        return parseText(call.textParser, status, bytes);
      }
      MediaType type =
          isPlainJson(response.header("Content-Type")) ? null : response.body().contentType();
      if (type != null && !type.subtype().contains("json")) {
        return decide(
            formatError(
                "expected JSON but got " + clean(type.type() + "/" + type.subtype()),
                null,
                status,
                bytes),
            RetryPolicy.Outcome.UNREADABLE_SUCCESS,
            status,
            false,
            null);
      }
      // The bytes are copied out once (for the report, should the parser fail), and the parser
      // reads the buffer itself, which is cleared afterwards: its segments go back to Okio's pool
      // (a clone or a peek would share them, and shared segments are never pooled again: 8 KiB
      // of garbage per call).
      byte[] raw = copyOf(bytes);
      try {
        T value = call.parser.parse(status, JsonReader.of(bytes));
        if (value == null) {
          throw new JsonDataException("no value");
        }
        return new Step<>(value, null, -1);
      } catch (IOException | RuntimeException e) {
        // A parser only throws IOException or JsonDataException by contract; anything else (an
        // arithmetic or number-format failure on a hostile value) is the same case: unreadable.
        return unreadable(e, status, raw);
      } finally {
        bytes.clear();
      }
    }

    private Step<T> parseText(Function<String, T> parser, int status, Buffer bytes) {
      byte[] raw = bytes.readByteArray();
      try {
        return new Step<>(
            Objects.requireNonNull(
                parser.apply(new String(raw, StandardCharsets.UTF_8)), "a parser returned null"),
            null,
            -1);
      } catch (RuntimeException e) {
        return unreadable(e, status, raw);
      }
    }

    /** A 2xx whose body the parser could not read: the payment probably exists. */
    private Step<T> unreadable(Exception e, int status, byte[] raw) {
      return decide(
          formatError(
              "could not read the response: " + clean(e.getMessage()),
              text.cleanThrowable(e),
              status,
              new Buffer().write(raw)),
          RetryPolicy.Outcome.UNREADABLE_SUCCESS,
          status,
          false,
          null);
    }

    private ResponseFormatException formatError(
        String detail, @Nullable Throwable cause, int status, Buffer bytes) {
      boolean unknown =
          RetryPolicy.outcomeUnknown(
              RetryPolicy.Outcome.UNREADABLE_SUCCESS, status, call.mayCreate(), tookEffectMaybe);
      String consequence =
          call.mayCreate()
              ? "; the request probably succeeded: retrieve it before creating again"
              : "";
      return CoreAccess.get()
          .responseFormatException(
              describe() + " HTTP " + status + ": " + detail + consequence,
              cause,
              context(),
              status,
              excerpt(bytes),
              unknown);
    }

    private ApiError parseError(Response response, int status, Capped capped) {
      Buffer bytes = capped.bytes;
      String raw = bytes.size() == 0 ? null : excerpt(bytes);
      Duration wait = Backoff.serverRequested(response.headers(), Instant.now());
      String headerRequestId = firstHeader(response, "X-Request-Id", "Request-Id", "X-Request-ID");
      ApiError parsed = null;
      if (!capped.overCap && bytes.size() > 0 && looksLikeJson(bytes)) {
        try {
          parsed = errorParser.parse(status, JsonReader.of(bytes.clone()));
        } catch (IOException | RuntimeException e) {
          LOG.log(Level.DEBUG, "Unreadable {0} error body for HTTP {1}", vendor, status);
        }
      }
      if (parsed == null) {
        String reason = response.message().isBlank() ? "HTTP error" : clean(response.message());
        String shape;
        if (capped.overCap) {
          shape = " (body over " + options.maxResponseBytes() + " bytes, not read)";
        } else if (bytes.size() == 0) {
          shape = " (empty body)";
        } else {
          MediaType type = contentType(response);
          shape =
              " (unreadable "
                  + (type == null ? "" : clean(type.type() + "/" + type.subtype()) + " ")
                  + "body)";
        }
        parsed =
            CoreAccess.get().apiError(status, null, reason + shape, List.of(), null, null, null);
      }
      String requestId = parsed.requestId() != null ? parsed.requestId() : headerRequestId;
      Duration retryAfter = parsed.retryAfter() != null ? parsed.retryAfter() : wait;
      List<FieldError> fieldErrors = new ArrayList<>();
      for (FieldError fe : parsed.fieldErrors()) {
        if (fieldErrors.size() == Limits.MAX_FIELD_ERRORS) {
          break;
        }
        fieldErrors.add(
            new FieldError(
                Objects.requireNonNull(clean(fe.field())),
                Objects.requireNonNull(clean(fe.message())),
                clean(fe.code())));
      }
      // A server may echo the key back (e.g. "invalid key sk_..."): it never reaches an exception.
      return CoreAccess.get()
          .apiError(
              status,
              clean(parsed.code()),
              Objects.requireNonNull(clean(parsed.message())),
              fieldErrors,
              clean(requestId),
              raw,
              retryAfter);
    }

    /** Reports the failed attempt once, then asks the policy whether and when to send again. */
    private Step<T> decide(
        PayClientException error,
        RetryPolicy.Outcome outcome,
        int status,
        boolean vendorTransient,
        @Nullable Duration serverDelay) {
      PaymentsListener.Call e = event;
      int attempt = attempts;
      if (e != null) {
        safely(() -> listener.attemptFailed(e, attempt, error));
        endAttempt(error);
      }
      lastError = error;
      tookEffectMaybe |= error.outcomeUnknown();
      if (cancelled || deadlineHit) {
        return fail(error);
      }
      RetryPolicy.Decision d =
          policy(maxRetries)
              .decide(
                  new RetryPolicy.Attempt(
                      outcome,
                      status,
                      vendorTransient,
                      serverDelay,
                      attempts,
                      call.mayCreate(),
                      call.idempotent(),
                      call.reconciler != null,
                      tookEffectMaybe,
                      System.nanoTime(),
                      deadlineNanos));
      if (d.action() == RetryPolicy.Action.STOP) {
        return fail(error);
      }
      reconcileNext = d.action() == RetryPolicy.Action.RECONCILE_THEN_RETRY;
      Duration delay = Duration.ofNanos(d.delayNanos());
      if (e != null) {
        safely(() -> listener.retryScheduled(e, attempt + 1, delay));
      }
      LOG.log(
          Level.DEBUG,
          "{0} {1} {2}: retry {3} in {4} ms",
          vendor,
          call.method,
          url.encodedPath(),
          attempts,
          delay.toMillis());
      return new Step<>(null, error, d.delayNanos());
    }

    /**
     * The lookup before a retry failed (or had no time left): nothing is re-sent; the outcome stays
     * unknown and the lookup's failure is attached.
     */
    PayClientException reconcileFailed(@Nullable Throwable lookupFailure) {
      PayClientException error = Objects.requireNonNull(lastError);
      if (lookupFailure != null && lookupFailure != error) {
        error.addSuppressed(text.cleanThrowable(lookupFailure));
      }
      return error;
    }

    private Step<T> fail(PayClientException error) {
      return new Step<>(null, error, -1);
    }

    private String describe() {
      return vendor + " " + call.method + " " + url.encodedPath();
    }

    /** One DEBUG line: allow-listed headers only; bodies only when enabled; all of it redacted. */
    private String describeExchange(Response response, int status, Duration took, Buffer body) {
      StringBuilder sb =
          new StringBuilder(describe())
              .append(" -> ")
              .append(status)
              .append(" in ")
              .append(took.toMillis())
              .append(" ms (attempt ")
              .append(attempts)
              .append(')');
      appendHeaders(sb, " request", response.request().headers());
      appendHeaders(sb, " response", response.headers());
      if (options.logBodies()) {
        if (call.body != null) {
          sb.append(" request-body=").append(excerpt(new Buffer().write(call.body)));
        }
        sb.append(" response-body=").append(excerpt(body));
      }
      return text.redact(sb.toString());
    }

    private void appendHeaders(StringBuilder sb, String label, okhttp3.Headers headers) {
      sb.append(label).append(" headers {");
      boolean first = true;
      for (int i = 0; i < headers.size(); i++) {
        String name = headers.name(i);
        if (LOGGABLE_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          sb.append(first ? "" : ", ").append(name).append(": ").append(clean(headers.value(i)));
          first = false;
        }
      }
      sb.append('}');
    }
  }

  /** The retry rules with this client's settings and a call's retry budget. */
  private RetryPolicy policy(int maxRetries) {
    return new RetryPolicy(
        maxRetries,
        options.maxRetryDelay(),
        options.backoffBase(),
        options.backoffCap(),
        bound -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound));
  }

  private static @Nullable MediaType contentType(Response response) {
    try {
      return response.body().contentType();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Headers that may be logged; everything else (Authorization first) never is. */
  private static final java.util.Set<String> LOGGABLE_HEADERS =
      java.util.Set.of(
          "content-type",
          "content-length",
          "user-agent",
          "idempotency-key",
          "x-request-id",
          "request-id",
          "retry-after",
          "x-ratelimit-limit",
          "x-ratelimit-remaining",
          "x-ratelimit-reset");

  /**
   * The call's URL. A create posts to a fixed path, so POST URLs are built once per path (at most
   * {@value #MAX_CACHED_URLS} of them); building an {@link HttpUrl} costs about a microsecond.
   */
  private HttpUrl url(ApiCall<?> call) {
    boolean cacheable = call.method.equals("POST") && call.query.isEmpty();
    HttpUrl cached = cacheable ? postUrls.get(call.pathSegments) : null;
    if (cached != null) {
      return cached;
    }
    HttpUrl.Builder u = baseUrl.newBuilder();
    call.pathSegments.forEach(u::addPathSegment);
    call.query.forEach(q -> u.addQueryParameter(q[0], q[1]));
    HttpUrl url = u.build();
    if (cacheable && postUrls.size() < MAX_CACHED_URLS) {
      postUrls.putIfAbsent(call.pathSegments, url);
    }
    return url;
  }

  /** The call's path with its ids as {@code {id}}, after the base URL's own path. */
  private String urlTemplate(ApiCall<?> call) {
    String base = baseUrl.encodedPath();
    return (base.endsWith("/") ? base : base + "/") + call.template();
  }

  /**
   * Adds the call's own headers to a request that has the fixed ones (a call header replaces a
   * fixed one of the same name).
   */
  private void addCallHeaders(Request.Builder r, ApiCall<?> call) {
    if (call.headers.isEmpty()) {
      return;
    }
    call.headers.forEach(
        (name, value) -> {
          if (fixedHeaders.get(name) != null) {
            r.header(name, value);
          } else {
            r.addHeader(name, value); // the usual case (an idempotency key): nothing to remove
          }
        });
  }

  /**
   * A copy of {@code buffer}'s bytes, which it keeps, unshared: read through its segments, so they
   * still go back to Okio's pool once the buffer is read or cleared.
   */
  static byte[] copyOf(Buffer buffer) {
    byte[] out = new byte[Math.toIntExact(buffer.size())];
    try (Buffer.UnsafeCursor cursor = buffer.readUnsafe()) {
      int at = 0;
      for (int n = cursor.seek(0); n != -1; n = cursor.next()) {
        System.arraycopy(Objects.requireNonNull(cursor.data), cursor.start, out, at, n);
        at += n;
      }
    }
    return out;
  }

  /** Reads the body up to the cap; past it, keeps what was read and stops. */
  private Capped readCapped(ResponseBody body) throws IOException {
    long cap = options.maxResponseBytes();
    Buffer buffer = new Buffer();
    boolean declaredOver = body.contentLength() > cap;
    // Over the cap by its own word: read only enough for the raw-body excerpt.
    long keep = declaredOver ? Math.min(cap, 4L * Limits.MAX_RAW_BODY_CHARS) : cap;
    BufferedSource source = body.source();
    while (source.read(buffer, 8192) != -1) {
      if (buffer.size() > keep || (declaredOver && buffer.size() == keep)) {
        return new Capped(buffer, true);
      }
    }
    return new Capped(buffer, declaredOver);
  }

  /**
   * Whether a Content-Type is absent or plainly {@code application/json} (with parameters or not):
   * the usual answer, recognised without {@link MediaType}'s regular expressions. Anything else is
   * parsed.
   */
  static boolean isPlainJson(@Nullable String contentType) {
    if (contentType == null) {
      return true;
    }
    String prefix = "application/json";
    int n = prefix.length();
    return contentType.regionMatches(true, 0, prefix, 0, n)
        && (contentType.length() == n
            || contentType.charAt(n) == ';'
            || contentType.charAt(n) == ' ');
  }

  private static boolean looksLikeJson(Buffer bytes) {
    for (long i = 0; i < Math.min(bytes.size(), 64); i++) {
      byte b = bytes.getByte(i);
      if (b == '{' || b == '[') {
        return true;
      }
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return false;
  }

  private static @Nullable String firstHeader(Response response, String... names) {
    for (String name : names) {
      String v = response.header(name);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static RequestBody oneShot(byte[] bytes) {
    // One-shot: OkHttp must never silently re-send a body after a failure mid-request; only this
    // transport decides whether a second attempt is safe.
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return JSON;
      }

      @Override
      public long contentLength() {
        return bytes.length;
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.write(bytes);
      }
    };
  }
}
