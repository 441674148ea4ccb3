package com.example.shop;

import io.payclient.core.Money;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentsClient;
import org.springframework.stereotype.Service;

/** Takes payments through whichever vendor is configured: one vendor, so PaymentsClient. */
@Service
public class Checkout {
  private final PaymentsClient payments;

  public Checkout(PaymentsClient payments) {
    this.payments = payments;
  }

  public Payment pay(String orderId, Money amount) {
    return payments.create(
        PaymentCreateRequest.builder().reference(orderId).amount(amount).build());
  }
}
