package io.payclient.core.internal;

import io.payclient.core.Page;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsListener;
import io.payclient.core.RequestOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Not API: the vendor-neutral half of every vendor client, written once. A vendor supplies its
 * typed operations and its mappings ({@link Operations}); this class makes the neutral {@code
 * create}, {@code retrieve} and {@code list} calls of {@link io.payclient.core.PaymentsClient} from
 * them, sync and async, with one rule for errors: a validation or argument failure of an async call
 * is a failed future, never a throw, and every future is derived so that cancelling it cancels the
 * call.
 *
 * @param <R> the vendor's typed create request
 * @param <C> what the vendor's create returns (the payment and what the neutral payment needs)
 * @param <T> the vendor's typed payment
 * @param <L> the vendor's typed list parameters
 */
public final class NeutralClient<R, C, T, L> {
  private final Operations<R, C, T, L> ops;
  private final PaymentsListener listener;

  /** A neutral client over the vendor's operations; waiter polls are told to {@code listener}. */
  public NeutralClient(Operations<R, C, T, L> ops, PaymentsListener listener) {
    this.ops = Objects.requireNonNull(ops, "ops");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * What a vendor supplies: its typed operations and its mappings to and from the neutral model.
   * The mappings validate (throwing {@link io.payclient.core.RequestValidationException} before any
   * I/O); the operations throw or fail with {@link io.payclient.core.PayClientException}.
   */
  public interface Operations<R, C, T, L> {
    /** The typed create request for a neutral one and its options. */
    R toCreateRequest(PaymentCreateRequest request, RequestOptions options);

    /** Creates on the calling thread. */
    C create(R request, RequestOptions options);

    /** Creates without blocking. */
    CompletableFuture<C> createAsync(R request, RequestOptions options);

    /** The neutral payment of a create's result. */
    Payment created(R request, C created);

    /** Retrieves on the calling thread. */
    T retrieve(String paymentId);

    /** Retrieves without blocking. */
    CompletableFuture<T> retrieveAsync(String paymentId);

    /** The neutral payment of a typed one (not created by this call). */
    Payment toPayment(T payment);

    /** The typed list parameters for neutral ones. */
    L toListParams(PaymentListParams params);

    /** Lists on the calling thread. */
    Page<T> list(L params);

    /** Lists without blocking. */
    CompletableFuture<Page<T>> listAsync(L params);
  }

  /** The neutral create. */
  public Payment create(PaymentCreateRequest request, RequestOptions options) {
    R typed = ops.toCreateRequest(request, options);
    return ops.created(typed, ops.create(typed, options));
  }

  /** The neutral async create; validation failures fail the future. */
  public CompletableFuture<Payment> createAsync(
      PaymentCreateRequest request, RequestOptions options) {
    return VendorSupport.async(
        () -> {
          R typed = ops.toCreateRequest(request, options);
          return Futures.map(ops.createAsync(typed, options), c -> ops.created(typed, c));
        });
  }

  /** The neutral retrieve. */
  public Payment retrieve(String paymentId) {
    return ops.toPayment(ops.retrieve(paymentId));
  }

  /** The neutral async retrieve; a bad id fails the future. */
  public CompletableFuture<Payment> retrieveAsync(String paymentId) {
    return VendorSupport.async(() -> Futures.map(ops.retrieveAsync(paymentId), ops::toPayment));
  }

  /** The neutral list; later pages are mapped as they are fetched. */
  public Page<Payment> list(PaymentListParams params) {
    return ops.list(ops.toListParams(params)).map(ops::toPayment);
  }

  /** The neutral async list; validation failures fail the future. */
  public CompletableFuture<Page<Payment>> listAsync(PaymentListParams params) {
    return VendorSupport.async(
        () ->
            Futures.map(ops.listAsync(ops.toListParams(params)), page -> page.map(ops::toPayment)));
  }

  /** The waiter of {@code client}, telling the client's listener of each poll. */
  public CompletableFuture<Payment> awaitTerminalAsync(
      PaymentsClient client, String paymentId, Duration timeout, Duration firstInterval) {
    return CoreAccess.get().awaitTerminalAsync(client, paymentId, timeout, firstInterval, listener);
  }
}
