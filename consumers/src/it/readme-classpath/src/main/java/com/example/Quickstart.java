package com.example;

import io.payclient.core.ClientOptions;
import io.payclient.core.Money;
import io.payclient.core.Page;
import io.payclient.core.PayClientException;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsClients;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import java.util.Objects;
import java.util.Optional;

/** The README's Quickstart; prebuild.groovy replaces each marker with the README's block. */
public final class Quickstart {
  private Quickstart() {}

  public static PaymentsClient client(String vendor, String apiKey, String baseUrl) {
    // README:client
    return client;
  }

  public static Payment neutral(PaymentsClient client, String invoiceId, String accountId) {
    // README:neutral
  }

  public static Payment createOrRecover(PaymentsClient client, PaymentCreateRequest request) {
    // README:outcome
  }
}
