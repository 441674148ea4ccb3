package io.payclient.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Derived futures that pass cancellation back to their source. {@link CompletableFuture#thenApply}
 * does not: cancelling the future it returns leaves the source (and the retries it schedules)
 * running. Every future the SDK hands out is made here or by the transport, so cancelling it stops
 * the call it came from.
 */
public final class Futures {
  private Futures() {}

  /**
   * The source's value mapped by {@code fn}; cancelling the result cancels the source. An exception
   * from {@code fn} fails the result.
   */
  public static <T, R> CompletableFuture<R> map(
      CompletableFuture<T> source, Function<? super T, ? extends R> fn) {
    CompletableFuture<R> out = new CompletableFuture<>();
    onComplete(
        source,
        (value, error) -> {
          if (error != null) {
            out.completeExceptionally(unwrap(error));
            return;
          }
          try {
            out.complete(fn.apply(value));
          } catch (RuntimeException e) {
            out.completeExceptionally(e);
          }
        });
    cancelSourceWith(out, source);
    return out;
  }

  /**
   * The future {@code fn} makes from the source's value; cancelling the result cancels the source
   * and, once made, the second future.
   */
  public static <T, R> CompletableFuture<R> compose(
      CompletableFuture<T> source, Function<? super T, CompletableFuture<R>> fn) {
    CompletableFuture<R> out = new CompletableFuture<>();
    onComplete(
        source,
        (value, error) -> {
          if (error != null) {
            out.completeExceptionally(unwrap(error));
            return;
          }
          CompletableFuture<R> next;
          try {
            next = fn.apply(value);
          } catch (RuntimeException e) {
            out.completeExceptionally(e);
            return;
          }
          onComplete(
              next,
              (v, e) -> {
                if (e != null) {
                  out.completeExceptionally(unwrap(e));
                } else {
                  out.complete(v);
                }
              });
          cancelSourceWith(out, next);
        });
    cancelSourceWith(out, source);
    return out;
  }

  /**
   * Runs {@code action} when {@code future} completes. The future that {@code whenComplete} returns
   * is dropped on purpose: every action passed here only completes or cancels another future that
   * the caller does return, so that future carries every failure.
   */
  // Error Prone's FutureReturnValueIgnored: the derived future is a false positive, see above.
  @SuppressWarnings("FutureReturnValueIgnored")
  public static <T> void onComplete(
      CompletableFuture<T> future, BiConsumer<? super T, ? super Throwable> action) {
    future.whenComplete(action);
  }

  /** When {@code derived} is cancelled, cancels {@code source}. */
  public static void cancelSourceWith(CompletableFuture<?> derived, CompletableFuture<?> source) {
    onComplete(
        derived,
        (v, e) -> {
          if (derived.isCancelled()) {
            source.cancel(true);
          }
        });
  }

  /** What a {@link CompletionException} wraps (its cause), or {@code error} itself. */
  public static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
