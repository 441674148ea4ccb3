package io.payclient.lago;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LagoPaymentListParamsTest {
  @Test
  void paymentListParams() {
    LagoPaymentListParams p =
        LagoPaymentListParams.builder()
            .invoiceId("i")
            .externalCustomerId("c")
            .page(2)
            .perPage(3)
            .build();
    assertThat(p.invoiceId()).isEqualTo("i");
    assertThat(p.externalCustomerId()).isEqualTo("c");
    assertThat(p.page()).isEqualTo(2);
    assertThat(p.perPage()).isEqualTo(3);
    assertThat(p.toBuilder().build()).isEqualTo(p).hasSameHashCodeAs(p);
    assertThat(p.toBuilder().page(3).build()).isNotEqualTo(p);
    assertThat(p).isNotEqualTo("p");
    assertThat(p.toString()).contains("invoiceId=i", "perPage=3");
    assertThatThrownBy(() -> LagoPaymentListParams.builder().page(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LagoPaymentListParams.builder().perPage(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void paymentRequestListParams() {
    LagoPaymentRequestListParams p =
        LagoPaymentRequestListParams.builder()
            .page(1)
            .perPage(5)
            .currency("EUR")
            .externalCustomerId("c")
            .paymentStatus("failed")
            .addBillingEntityCode("be")
            .build();
    assertThat(p.withPage(4).page()).isEqualTo(4);
    assertThat(p.withPage(4).billingEntityCodes()).containsExactly("be");
    assertThat(p.billingEntityCodes()).isEqualTo(List.of("be"));
    assertThatThrownBy(() -> LagoPaymentRequestListParams.builder().page(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LagoPaymentRequestListParams.builder().perPage(-1).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void createRequestValueMethods() {
    LagoPaymentCreateRequest a =
        LagoPaymentCreateRequest.builder().invoiceId("i").amountCents(5).reference("r").build();
    LagoPaymentCreateRequest b = a.toBuilder().build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo("a");
    assertThat(a.toBuilder().amountCents(6).build()).isNotEqualTo(a);
    assertThat(a.toBuilder().paidAt(java.time.LocalDate.EPOCH).build()).isNotEqualTo(a);
    assertThat(a.toString()).contains("amountCents=5").doesNotContain("(");
    LagoPaymentCreateRequest m =
        LagoPaymentCreateRequest.builder()
            .invoiceId("i")
            .amount(io.payclient.core.Money.of("1", "USD"))
            .reference("r")
            .build();
    assertThat(m.toString()).contains("(1 USD)");
    assertThat(m.toBuilder().build().amountCents()).isEqualTo(100);
    LagoPaymentRequestCreateRequest pr =
        LagoPaymentRequestCreateRequest.builder().externalCustomerId("c").addInvoiceId("x").build();
    assertThat(pr)
        .isEqualTo(
            LagoPaymentRequestCreateRequest.builder()
                .externalCustomerId("c")
                .lagoInvoiceIds(List.of("x"))
                .build());
    assertThat(pr.hashCode()).isNotZero();
    assertThat(pr.toString()).contains("lagoInvoiceIds=[x]");
    assertThat(pr).isNotEqualTo("pr");
    assertThat(LagoPayableType.fromWire("invoice")).isEqualTo(LagoPayableType.INVOICE);
    assertThat(LagoPayableType.fromWire("Invoice")).isEqualTo(LagoPayableType.INVOICE);
    assertThat(LagoPayableType.fromWire("PAYMENTREQUEST"))
        .isEqualTo(LagoPayableType.PAYMENT_REQUEST);
    assertThat(LagoPayableType.fromWire(" Invoice")).isEqualTo(LagoPayableType.UNKNOWN);
    assertThat(LagoPaymentType.fromWire("MANUAL")).isEqualTo(LagoPaymentType.MANUAL);
    assertThat(LagoPayableType.UNKNOWN.wireValue()).isNull();
    assertThat(LagoPaymentType.fromWire(null)).isEqualTo(LagoPaymentType.UNKNOWN);
  }
}
