package com.example.app;

import io.payclient.core.ClientOptions;
import io.payclient.core.Money;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsClients;

/** The app's payment code: neutral only, the vendor chosen by name at run time. */
public final class Payments {
  private Payments() {}

  public static PaymentsClient client(String vendor, String apiKey, String baseUrl) {
    return PaymentsClients.create(
        vendor, ClientOptions.builder().apiKey(apiKey).baseUrl(baseUrl).build());
  }

  public static Payment pay(PaymentsClient client, String invoiceId, String accountId) {
    PaymentCreateRequest.Builder request = PaymentCreateRequest.builder().reference("order-1042");
    switch (client.vendor()) {
      case "lago" ->
          request.target(PaymentTarget.invoice(invoiceId)).amount(Money.of("10.99", "USD"));
      case "billingrails" -> request.target(PaymentTarget.invoice(invoiceId)).customerId(accountId);
      default -> request.amount(Money.of("10.99", "EUR"));
    }
    return client.create(request.build());
  }
}
