package io.payclient.paygentic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaygenticPaymentListParamsTest {

  @Test
  void everyFieldIsKeptAndCopiedByToBuilder() {
    PaygenticPaymentListParams p =
        PaygenticPaymentListParams.builder()
            .merchantId("org_1")
            .status(PaygenticPaymentStatus.COMPLETED)
            .customerId("cus 1/&?")
            .limit(100)
            .offset(0)
            .build();
    assertThat(p.merchantId()).isEqualTo("org_1");
    assertThat(p.status()).isEqualTo("completed");
    assertThat(p.customerId()).isEqualTo("cus 1/&?");
    assertThat(p.limit()).isEqualTo(100);
    assertThat(p.offset()).isZero();
    assertThat(p.toBuilder().build()).isEqualTo(p).hasSameHashCodeAs(p);
    assertThat(p.toBuilder().offset(20).build()).isNotEqualTo(p);
    assertThat(p.toBuilder().offset(20).build().offset()).isEqualTo(20);
    assertThat(p.toString()).contains("limit=100", "status=completed");
  }

  @Test
  void nothingIsSetByDefault() {
    PaygenticPaymentListParams p = PaygenticPaymentListParams.builder().build();
    assertThat(p.merchantId()).isNull();
    assertThat(p.status()).isNull();
    assertThat(p.customerId()).isNull();
    assertThat(p.limit()).isNull();
    assertThat(p.offset()).isNull();
    assertThat(PaygenticPaymentListParams.builder().limit(5).limit(null).build()).isEqualTo(p);
  }

  @Test
  void aRawStatusIsSentAsGiven() {
    assertThat(PaygenticPaymentListParams.builder().status("refunded").build().status())
        .isEqualTo("refunded");
    assertThat(
            PaygenticPaymentListParams.builder()
                .status((PaygenticPaymentStatus) null)
                .build()
                .status())
        .isNull();
  }

  @Test
  void unknownHasNoWireValue() {
    assertThatThrownBy(
            () -> PaygenticPaymentListParams.builder().status(PaygenticPaymentStatus.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE})
  void limitIsOneToAHundred(int limit) {
    assertThatThrownBy(() -> PaygenticPaymentListParams.builder().limit(limit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit")
        .hasMessageContaining(String.valueOf(limit));
  }

  @Test
  void limitBoundsAreAccepted() {
    assertThat(PaygenticPaymentListParams.builder().limit(1).build().limit()).isEqualTo(1);
    assertThat(PaygenticPaymentListParams.builder().limit(100).build().limit()).isEqualTo(100);
  }

  @Test
  void offsetIsNotNegative() {
    assertThatThrownBy(() -> PaygenticPaymentListParams.builder().offset(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset");
  }

  @Test
  void blankOrControlCharacterTextIsRefused() {
    assertThatThrownBy(() -> PaygenticPaymentListParams.builder().customerId(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("customerId");
    assertThatThrownBy(() -> PaygenticPaymentListParams.builder().merchantId("org\n1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("merchantId");
    assertThatThrownBy(() -> PaygenticPaymentListParams.builder().status(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
  }
}
