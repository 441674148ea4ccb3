package io.payclient.billingrails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BillingrailsPaymentListParamsTest {
  @Test
  void unsetValuesAreNull() {
    BillingrailsPaymentListParams p = BillingrailsPaymentListParams.builder().build();
    assertThat(p.page()).isNull();
    assertThat(p.perPage()).isNull();
  }

  @Test
  void pageAndPerPageMustBeAtLeastOne() {
    assertThatThrownBy(() -> BillingrailsPaymentListParams.builder().page(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page must be >= 1: 0");
    assertThatThrownBy(() -> BillingrailsPaymentListParams.builder().perPage(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("per_page must be >= 1: -5");
    BillingrailsPaymentListParams ones =
        BillingrailsPaymentListParams.builder().page(1).perPage(1).build();
    assertThat(ones.page()).isEqualTo(1);
    assertThat(ones.perPage()).isEqualTo(1);
    // null resets to the server's default
    assertThat(ones.toBuilder().page(null).perPage(null).build())
        .isEqualTo(BillingrailsPaymentListParams.builder().build());
  }

  @Test
  void valueSemanticsAndToBuilder() {
    BillingrailsPaymentListParams p =
        BillingrailsPaymentListParams.builder().page(3).perPage(25).build();
    BillingrailsPaymentListParams copy = p.toBuilder().build();
    assertThat(copy).isEqualTo(p).hasSameHashCodeAs(p);
    assertThat(p.toBuilder().page(4).build()).isNotEqualTo(p);
    assertThat(p.toBuilder().perPage(26).build()).isNotEqualTo(p);
    assertThat(p).hasToString("BillingrailsPaymentListParams{page=3, perPage=25}");
  }
}
