package io.payclient.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    source.whenComplete(
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
    source.whenComplete(
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
          next.whenComplete(
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

  /** When {@code derived} is cancelled, cancels {@code source}. */
  public static void cancelSourceWith(CompletableFuture<?> derived, CompletableFuture<?> source) {
    derived.whenComplete(
        (v, e) -> {
          if (derived.isCancelled()) {
            source.cancel(true);
          }
        });
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
