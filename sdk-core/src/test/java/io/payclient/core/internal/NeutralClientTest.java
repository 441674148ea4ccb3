package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.Money;
import io.payclient.core.Page;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentTarget;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class NeutralClientTest {
  /** Typed request, created result, payment and list params are plain strings here. */
  private static final class Ops
      implements NeutralClient.Operations<String, String, String, Integer> {
    final List<String> calls = new ArrayList<>();
    final CompletableFuture<String> pendingCreate = new CompletableFuture<>();
    boolean refuse;

    @Override
    public String toCreateRequest(PaymentCreateRequest request, RequestOptions options) {
      if (refuse) {
        throw CoreAccess.get()
            .requestValidationException(
                "test", List.of(io.payclient.core.FieldError.of("amount", "refused")));
      }
      return "typed:" + request.reference();
    }

    @Override
    public String create(String request, RequestOptions options) {
      calls.add("create " + request);
      return "created:" + request;
    }

    @Override
    public CompletableFuture<String> createAsync(String request, RequestOptions options) {
      calls.add("createAsync " + request);
      return pendingCreate;
    }

    @Override
    public Payment created(String request, String created) {
      return payment(created + " for " + request);
    }

    @Override
    public String retrieve(String paymentId) {
      return "p:" + paymentId;
    }

    @Override
    public CompletableFuture<String> retrieveAsync(String paymentId) {
      if (paymentId.isBlank()) {
        throw new IllegalArgumentException("blank id");
      }
      return CompletableFuture.completedFuture("p:" + paymentId);
    }

    @Override
    public Payment toPayment(String payment) {
      return payment(payment);
    }

    @Override
    public Integer toListParams(PaymentListParams params) {
      return params.pageSize().orElse(10);
    }

    @Override
    public Page<String> list(Integer size) {
      return Pages.of(List.of("a", "b"), 4L, size + 1, this::list, this::listAsync);
    }

    @Override
    public CompletableFuture<Page<String>> listAsync(Integer size) {
      return CompletableFuture.completedFuture(
          Pages.of(List.of("c" + size), 4L, null, this::list, this::listAsync));
    }
  }

  private static Payment payment(String id) {
    return new PaymentBuilder()
        .id(id)
        .vendor("test")
        .status(PaymentStatus.PENDING)
        .vendorPayment(id)
        .build();
  }

  private static PaymentCreateRequest request() {
    return PaymentCreateRequest.builder()
        .amount(Money.of("1.00", "USD"))
        .target(PaymentTarget.invoice("inv_1"))
        .reference("ref-1")
        .build();
  }

  private final Ops ops = new Ops();
  private final NeutralClient<String, String, String, Integer> client =
      new NeutralClient<>(ops, io.payclient.core.PaymentsListener.NONE);

  @Test
  void createMapsTheNeutralRequestAndTheCreatedResult() throws Exception {
    assertThat(client.create(request(), RequestOptions.none()).id())
        .isEqualTo("created:typed:ref-1 for typed:ref-1");
    CompletableFuture<Payment> async = client.createAsync(request(), RequestOptions.none());
    ops.pendingCreate.complete("done");
    assertThat(async.get().id()).isEqualTo("done for typed:ref-1");
    assertThat(ops.calls).containsExactly("create typed:ref-1", "createAsync typed:ref-1");
  }

  @Test
  void anAsyncValidationFailureIsAFailedFutureAndNothingIsSent() {
    ops.refuse = true;
    assertThatThrownBy(() -> client.create(request(), RequestOptions.none()))
        .isInstanceOf(RequestValidationException.class);
    CompletableFuture<Payment> async = client.createAsync(request(), RequestOptions.none());
    assertThatThrownBy(async::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(RequestValidationException.class);
    assertThat(ops.calls).isEmpty();
  }

  @Test
  void cancellingTheNeutralFutureCancelsTheVendorCall() {
    CompletableFuture<Payment> async = client.createAsync(request(), RequestOptions.none());
    async.cancel(true);
    assertThat(ops.pendingCreate).isCancelled();
  }

  @Test
  void retrieveAndListMapEveryPaymentAndEveryLaterPage() throws Exception {
    assertThat(client.retrieve("x").id()).isEqualTo("p:x");
    assertThat(client.retrieveAsync("y").get().id()).isEqualTo("p:y");
    assertThat(client.retrieveAsync(" ")).isCompletedExceptionally();

    Page<Payment> page = client.list(PaymentListParams.builder().pageSize(5).build());
    assertThat(page.items()).extracting(Payment::id).containsExactly("a", "b");
    assertThat(page.totalCount()).hasValue(4);
    assertThat(page.nextPage().items()).extracting(Payment::id).containsExactly("a", "b");
    assertThat(page.nextPageAsync().get().items()).extracting(Payment::id).containsExactly("c6");
    Page<Payment> async = client.listAsync(PaymentListParams.builder().build()).get();
    assertThat(async.items()).extracting(Payment::id).containsExactly("c10");
    assertThat(async.hasNextPage()).isFalse();
  }
}
