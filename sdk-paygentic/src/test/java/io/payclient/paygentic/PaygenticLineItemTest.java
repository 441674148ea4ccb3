package io.payclient.paygentic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PaygenticLineItemTest {
  @Test
  void factoriesAndAmountValue() {
    assertThat(PaygenticLineItem.of("Shipping", "10.00"))
        .isEqualTo(new PaygenticLineItem("Shipping", "10.00", null));
    PaygenticLineItem widget = PaygenticLineItem.of("Pro Widget", "39.99", 3);
    assertThat(widget.quantity()).isEqualTo(3);
    assertThat(widget.amountValue()).contains(new BigDecimal("39.99"));
    assertThat(new PaygenticLineItem(null, "x", null).amountValue()).isEmpty();
    assertThat(new PaygenticLineItem(null, null, null).amountValue()).isEmpty();
    assertThatThrownBy(() -> PaygenticLineItem.of(null, "1.00"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> PaygenticLineItem.of("d", null, 1))
        .isInstanceOf(NullPointerException.class);
  }
}
