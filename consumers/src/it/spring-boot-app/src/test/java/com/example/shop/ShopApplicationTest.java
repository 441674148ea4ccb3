package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.Money;
import io.payclient.core.Payment;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentsClient;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.testkit.FakePaygentic;
import io.payclient.testkit.WebhookAttempt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopApplicationTest {
  static final FakePaygentic paygentic = FakePaygentic.start();

  /** What production sets in the environment, here the fake's. */
  @DynamicPropertySource
  static void paygentic(DynamicPropertyRegistry registry) {
    registry.add("PAYGENTIC_API_KEY", paygentic::apiKey);
    registry.add("PAYGENTIC_BASE_URL", paygentic::baseUrl);
    registry.add("PAYGENTIC_WEBHOOK_SECRET", paygentic::webhookSecret);
  }

  @AfterAll
  static void stop() {
    paygentic.close();
  }

  @Autowired PaymentsClient payments;
  @Autowired Checkout checkout;
  @Autowired WebhookController webhooks;

  @Value("${local.server.port}")
  int port;

  @Test
  void paysOnTheFakeAndReceivesTheVerifiedWebhook() throws Exception {
    assertThat(payments).isInstanceOf(PaygenticClient.class);
    paygentic.registerWebhookEndpoint(
        URI.create("http://127.0.0.1:" + port + "/webhooks/paygentic"));

    Payment payment = checkout.pay("order-1042", Money.of("25.00", "USD"));
    assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
    paygentic.completePayment(payment.id());

    List<WebhookAttempt> attempts = paygentic.awaitWebhooksIdle(Duration.ofSeconds(20));
    assertThat(attempts).singleElement().satisfies(a -> assertThat(a.succeeded()).isTrue());
    assertThat(webhooks.received())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.vendor()).isEqualTo("paygentic");
              assertThat(event.payment()).isPresent();
              assertThat(event.payment().get().id()).isEqualTo(payment.id());
              assertThat(event.payment().get().status()).isEqualTo(PaymentStatus.SUCCEEDED);
            });
  }

  @Test
  void refusesAnUnsignedWebhook() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/webhooks/paygentic"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"payment.completed.v0\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
  }
}
