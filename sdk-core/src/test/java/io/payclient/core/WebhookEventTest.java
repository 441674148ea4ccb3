package io.payclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookEventTest {
  @Test
  void keepsItsFieldsAndCopiesTheBody() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    Payment payment =
        new io.payclient.core.internal.PaymentBuilder()
            .id("p1")
            .vendor("lago")
            .vendorPayment("typed")
            .build();
    WebhookEvent event = WebhookEvent.of("lago", "key-1", "payment.succeeded", payment, body, 42);
    body[0] = 'x';
    assertThat(event.vendor()).isEqualTo("lago");
    assertThat(event.id()).isEqualTo("key-1");
    assertThat(event.type()).isEqualTo("payment.succeeded");
    assertThat(event.payment()).contains(payment);
    assertThat(new String(event.rawBody(), StandardCharsets.UTF_8)).isEqualTo("{}");
    event.rawBody()[0] = 'y';
    assertThat(new String(event.rawBody(), StandardCharsets.UTF_8)).isEqualTo("{}");
    assertThat(event.unwrap(Integer.class)).isEqualTo(42);
    assertThatThrownBy(() -> event.unwrap(String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Integer");
    assertThat(event.toString()).contains("key-1").contains("payment.succeeded");
    assertThat(WebhookEvent.of("lago", "k", "t", null, body, "e").payment()).isEmpty();
  }

  @Test
  void aRefusalNamesItsCheck() {
    WebhookVerificationException e =
        WebhookVerificationException.of("paygentic", Reason.BAD_SIGNATURE, "no match", null);
    assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(e.vendor()).isEqualTo("paygentic");
    assertThat(e.attempts()).isZero();
    assertThat(e.idempotencyKey()).isNull();
    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(e.getMessage()).isEqualTo("paygentic webhook refused (BAD_SIGNATURE): no match");
    assertThat(e).isInstanceOf(PayClientException.class);
  }
}
