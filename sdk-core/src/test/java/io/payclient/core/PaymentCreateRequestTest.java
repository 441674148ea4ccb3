package io.payclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentCreateRequestTest {
  private static PaymentCreateRequest full() {
    return PaymentCreateRequest.builder()
        .amount(Money.of("10.99", "USD"))
        .reference("order-1")
        .target(PaymentTarget.invoice("inv"))
        .customerId("cust")
        .paidAt(Instant.parse("2025-02-20T10:00:00Z"))
        .idempotencyKey("k")
        .putMetadata("a", "1")
        .build();
  }

  @Test
  void holdsEveryFieldAndCopies() {
    PaymentCreateRequest r = full();
    assertThat(r.amount()).contains(Money.of("10.99", "USD"));
    assertThat(r.reference()).isEqualTo("order-1");
    assertThat(r.target()).contains(PaymentTarget.invoice("inv"));
    assertThat(r.customerId()).isEqualTo("cust");
    assertThat(r.paidAt()).isEqualTo(Instant.parse("2025-02-20T10:00:00Z"));
    assertThat(r.idempotencyKey()).isEqualTo("k");
    assertThat(r.metadata()).containsExactly(Map.entry("a", "1"));
    assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
    assertThat(r.toBuilder().reference("other").build()).isNotEqualTo(r);
    assertThat(r.toString()).contains("order-1", "10.99 USD", "INVOICE(inv)");
    assertThat(r).isNotEqualTo("a string");
  }

  @Test
  void emptyRequestAndMetadataRules() {
    PaymentCreateRequest empty = PaymentCreateRequest.builder().build();
    assertThat(empty.amount()).isEmpty();
    assertThat(empty.target()).isEmpty();
    assertThat(empty.metadata()).isEmpty();
    assertThat(PaymentCreateRequest.builder().metadata(Map.of("x", "y")).build().metadata())
        .containsOnlyKeys("x");
    assertThatThrownBy(() -> PaymentCreateRequest.builder().putMetadata("k", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> full().metadata().put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void targets() {
    assertThat(PaymentTarget.paymentRequest("p").type())
        .isEqualTo(PaymentTarget.Type.PAYMENT_REQUEST);
    assertThat(PaymentTarget.creditGrant("c").type()).isEqualTo(PaymentTarget.Type.CREDIT_GRANT);
    assertThat(PaymentTarget.order("o").id()).isEqualTo("o");
    assertThat(PaymentTarget.order("o"))
        .isEqualTo(PaymentTarget.order("o"))
        .isNotEqualTo(PaymentTarget.invoice("o"));
    assertThat(PaymentTarget.order("o").hashCode()).isEqualTo(PaymentTarget.order("o").hashCode());
    assertThatThrownBy(() -> PaymentTarget.invoice(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PaymentTarget.invoice(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listParams() {
    PaymentListParams p =
        PaymentListParams.builder()
            .customerId("c")
            .target(PaymentTarget.invoice("i"))
            .status(PaymentStatus.PENDING)
            .pageSize(5)
            .build();
    assertThat(p.customerId()).contains("c");
    assertThat(p.target()).contains(PaymentTarget.invoice("i"));
    assertThat(p.status()).contains(PaymentStatus.PENDING);
    assertThat(p.pageSize().getAsInt()).isEqualTo(5);
    assertThat(p)
        .isEqualTo(
            PaymentListParams.builder()
                .customerId("c")
                .target(PaymentTarget.invoice("i"))
                .status(PaymentStatus.PENDING)
                .pageSize(5)
                .build());
    assertThat(p.hashCode()).isNotZero();
    assertThat(p.toString()).contains("pageSize=5");
    assertThat(PaymentListParams.all().pageSize()).isEmpty();
    assertThat(PaymentListParams.all()).isNotEqualTo(p);
    assertThatThrownBy(() -> PaymentListParams.builder().pageSize(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PaymentListParams.builder().status(PaymentStatus.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
