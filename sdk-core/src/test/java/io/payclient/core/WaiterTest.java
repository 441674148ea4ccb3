package io.payclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.internal.CoreAccess;
import io.payclient.core.internal.PaymentBuilder;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class WaiterTest {
  private static final Duration FIRST = Duration.ofMillis(20);

  @Test
  void returnsTheFirstTerminalPaymentAfterPollingWithGrowingIntervals() {
    ScriptedClient client =
        new ScriptedClient(
            ok(PaymentStatus.PENDING),
            ok(PaymentStatus.PROCESSING),
            ok(PaymentStatus.PENDING),
            ok(PaymentStatus.SUCCEEDED));

    Payment done = client.awaitTerminal("pay_1", Duration.ofSeconds(10), FIRST);

    assertThat(done.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(client.polls()).isEqualTo(4);
    List<Long> gaps = client.gapsMillis();
    // first poll at once, then 20, 40, 80 ms: each gap at least its interval
    assertThat(gaps.get(0)).isGreaterThanOrEqualTo(20);
    assertThat(gaps.get(1)).isGreaterThanOrEqualTo(40);
    assertThat(gaps.get(2)).isGreaterThanOrEqualTo(80);
  }

  @Test
  void everyTerminalStatusEndsTheWaitAndUnknownDoesNot() {
    for (PaymentStatus terminal :
        List.of(
            PaymentStatus.SUCCEEDED,
            PaymentStatus.FAILED,
            PaymentStatus.CANCELLED,
            PaymentStatus.EXPIRED)) {
      ScriptedClient client = new ScriptedClient(ok(PaymentStatus.UNKNOWN), ok(terminal));
      assertThat(client.awaitTerminal("pay_1", Duration.ofSeconds(10), FIRST).status())
          .isEqualTo(terminal);
      assertThat(client.polls()).isEqualTo(2);
    }
  }

  @Test
  void timeoutCarriesTheLastPaymentSeenAndStopsPolling() throws Exception {
    ScriptedClient client = ScriptedClient.forever(ok(PaymentStatus.PENDING));

    assertThatThrownBy(() -> client.awaitTerminal("pay_1", Duration.ofMillis(200), FIRST))
        .isInstanceOfSatisfying(
            WaitTimeoutException.class,
            e -> {
              assertThat(e.paymentId()).isEqualTo("pay_1");
              assertThat(e.lastPayment()).map(Payment::status).contains(PaymentStatus.PENDING);
              assertThat(e.getMessage())
                  .contains("pay_1", "did not reach a final status", "PENDING");
              assertThat(e.outcomeUnknown()).isFalse();
              assertThat(e.vendor()).isEqualTo("lago");
              assertThat(e.attempts()).isEqualTo(client.polls());
            });
    int polls = client.polls();
    assertThat(polls).isBetween(2, 6);
    Thread.sleep(150);
    assertThat(client.polls()).isEqualTo(polls);
  }

  @Test
  void timeoutCancelsThePollInFlight() {
    CompletableFuture<Payment> never = new CompletableFuture<>();
    ScriptedClient client = new ScriptedClient(() -> never);

    CompletableFuture<Payment> waiting =
        client.awaitTerminalAsync("pay_1", Duration.ofMillis(100), FIRST);

    assertThatThrownBy(waiting::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            WaitTimeoutException.class,
            e -> {
              assertThat(e.lastPayment()).isEmpty();
              assertThat(e.getMessage()).contains("no successful poll");
            });
    assertThat(never).isCancelled();
  }

  @Test
  void aRateLimitDelaysTheNextPollByItsRetryAfter() {
    ScriptedClient client =
        new ScriptedClient(
            failed(apiError(429, Duration.ofMillis(300))), ok(PaymentStatus.SUCCEEDED));

    Payment done = client.awaitTerminal("pay_1", Duration.ofSeconds(10), FIRST);

    assertThat(done.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(client.gapsMillis().get(0)).isGreaterThanOrEqualTo(300);
  }

  @Test
  void serverErrorsAndNetworkFailuresAreOutlasted() {
    ConnectionException reset =
        CoreAccess.get()
            .connectionException(
                "reset", null, CoreAccess.get().context("lago", null, 1), true, false);
    ScriptedClient client =
        new ScriptedClient(failed(apiError(503, null)), failed(reset), ok(PaymentStatus.FAILED));

    assertThat(client.awaitTerminal("pay_1", Duration.ofSeconds(10), FIRST).status())
        .isEqualTo(PaymentStatus.FAILED);
    assertThat(client.polls()).isEqualTo(3);
  }

  @Test
  void theLastPollFailureIsTheTimeoutsCause() {
    ScriptedClient client = ScriptedClient.forever(failed(apiError(500, null)));

    assertThatThrownBy(() -> client.awaitTerminal("pay_1", Duration.ofMillis(150), FIRST))
        .isInstanceOf(WaitTimeoutException.class)
        .cause()
        .isInstanceOf(ServerException.class);
  }

  @Test
  void aFailureWaitingCannotOutlastEndsTheWaitWithThatException() {
    ApiException notFound = apiError(404, null);
    ScriptedClient client = new ScriptedClient(failed(notFound));

    assertThatThrownBy(() -> client.awaitTerminal("pay_1", Duration.ofSeconds(10), FIRST))
        .isSameAs(notFound);
    assertThat(client.polls()).isEqualTo(1);
  }

  @Test
  void cancellingTheAsyncWaitStopsPollingAndCancelsThePollInFlight() throws Exception {
    CompletableFuture<Payment> second = new CompletableFuture<>();
    CountDownLatch secondPoll = new CountDownLatch(1);
    ScriptedClient client =
        new ScriptedClient(
            ok(PaymentStatus.PENDING),
            () -> {
              secondPoll.countDown();
              return second;
            },
            ok(PaymentStatus.SUCCEEDED));

    CompletableFuture<Payment> waiting =
        client.awaitTerminalAsync("pay_1", Duration.ofSeconds(10), FIRST);
    assertThat(secondPoll.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(waiting).isNotDone();

    waiting.cancel(true);

    // The poller may still be recording the second poll as in flight; it then cancels it itself.
    assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS))
        .isInstanceOf(CancellationException.class);
    assertThat(second).isCancelled();
    Thread.sleep(150);
    assertThat(client.polls()).isEqualTo(2);
  }

  @Test
  void theSyncWaiterEndsWhenItsThreadIsInterrupted() throws Exception {
    ScriptedClient client = ScriptedClient.forever(ok(PaymentStatus.PENDING));
    List<Object> seen = new ArrayList<>();
    Thread t =
        new Thread(
            () -> {
              try {
                client.awaitTerminal("pay_1", Duration.ofSeconds(30), FIRST);
              } catch (WaitTimeoutException e) {
                seen.add(e);
                seen.add(Thread.currentThread().isInterrupted());
              }
            });
    t.start();
    Thread.sleep(100);
    t.interrupt();
    t.join(5_000);

    assertThat(seen).hasSize(2);
    assertThat(((WaitTimeoutException) seen.get(0)).getMessage()).contains("Interrupted");
    assertThat(seen.get(1)).isEqualTo(true);
    int polls = client.polls();
    Thread.sleep(100);
    assertThat(client.polls()).isEqualTo(polls);
  }

  @Test
  void badArgumentsAreRefusedBeforeAnyPoll() {
    ScriptedClient client = new ScriptedClient(ok(PaymentStatus.SUCCEEDED));

    assertThatThrownBy(() -> client.awaitTerminal("pay_1", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> client.awaitTerminal("pay_1", Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.awaitTerminal("pay_1", Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("firstInterval");
    assertThat(client.awaitTerminalAsync("pay_1", Duration.ofSeconds(-1)))
        .isCompletedExceptionally();
    assertThatThrownBy(() -> client.awaitTerminal(null, Duration.ofSeconds(1)))
        .isInstanceOf(NullPointerException.class);
    assertThat(client.polls()).isZero();
  }

  // --- a client whose retrieveAsync answers from a script -------------------------------------

  private static Supplier<CompletableFuture<Payment>> ok(PaymentStatus status) {
    return () ->
        CompletableFuture.completedFuture(
            new PaymentBuilder()
                .id("pay_1")
                .vendor("lago")
                .status(status)
                .rawStatus(status.name().toLowerCase(java.util.Locale.ROOT))
                .vendorPayment(status)
                .build());
  }

  private static Supplier<CompletableFuture<Payment>> failed(Throwable error) {
    return () -> CompletableFuture.failedFuture(error);
  }

  private static ApiException apiError(int status, @Nullable Duration retryAfter) {
    CoreAccess core = CoreAccess.get();
    return core.apiException(
        core.apiError(status, null, "HTTP " + status, List.of(), null, null, retryAfter),
        core.context("lago", null, 1),
        false,
        false);
  }

  private static final class ScriptedClient implements PaymentsClient {
    private final Deque<Supplier<CompletableFuture<Payment>>> script;
    private final @Nullable Supplier<CompletableFuture<Payment>> forever;
    private final List<Long> pollNanos = new ArrayList<>();

    @SafeVarargs
    ScriptedClient(Supplier<CompletableFuture<Payment>>... answers) {
      this(List.of(answers), null);
    }

    private ScriptedClient(
        List<Supplier<CompletableFuture<Payment>>> answers,
        @Nullable Supplier<CompletableFuture<Payment>> forever) {
      this.forever = forever;
      this.script = new ArrayDeque<>(answers);
    }

    static ScriptedClient forever(Supplier<CompletableFuture<Payment>> answer) {
      return new ScriptedClient(List.of(), answer);
    }

    synchronized int polls() {
      return pollNanos.size();
    }

    synchronized List<Long> gapsMillis() {
      List<Long> gaps = new ArrayList<>();
      for (int i = 1; i < pollNanos.size(); i++) {
        gaps.add(TimeUnit.NANOSECONDS.toMillis(pollNanos.get(i) - pollNanos.get(i - 1)));
      }
      return gaps;
    }

    @Override
    public synchronized CompletableFuture<Payment> retrieveAsync(String paymentId) {
      pollNanos.add(System.nanoTime());
      Supplier<CompletableFuture<Payment>> next = script.isEmpty() ? forever : script.poll();
      if (next == null) {
        throw new AssertionError("polled after the script ended");
      }
      return next.get();
    }

    @Override
    public String vendor() {
      return "lago";
    }

    @Override
    public Payment create(PaymentCreateRequest request, RequestOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Payment> createAsync(
        PaymentCreateRequest request, RequestOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Payment retrieve(String paymentId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Page<Payment> list(PaymentListParams params) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Page<Payment>> listAsync(PaymentListParams params) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }
}
