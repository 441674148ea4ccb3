package io.payclient.benchmarks;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import io.payclient.billingrails.BillingrailsClient;
import io.payclient.billingrails.BillingrailsEnvironment;
import io.payclient.billingrails.BillingrailsPayment;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
import io.payclient.core.Money;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoPayment;
import io.payclient.lago.LagoPaymentCreateRequest;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticEnvironment;
import io.payclient.paygentic.PaygenticPayment;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import okhttp3.OkHttpClient;

/**
 * One client under test: it builds its typed create request (with whatever validation the client
 * does) and creates one payment on a canned transport. The same realistic request per vendor is
 * used everywhere (the JMH benchmarks and the smoke check).
 */
abstract class Contender implements AutoCloseable {
  /** Loopback, so the SDK's plain-http check passes; the canned interceptor never connects. */
  static final String BASE_URL = "http://127.0.0.1:9";

  static final String[] NAMES = {"lago", "billingrails", "paygentic", "stripe"};

  final Canned.CannedClient canned;

  Contender(Canned.CannedClient canned) {
    this.canned = canned;
  }

  /** Builds (and validates, where the client validates) the typed create request. */
  abstract Object build();

  /** Builds the request and creates the payment: what a caller does per payment. */
  abstract Object create() throws Exception;

  @Override
  public abstract void close();

  static Contender of(String name) {
    return switch (name) {
      case "lago" -> new Lago();
      case "billingrails" -> new Billingrails();
      case "paygentic" -> new Paygentic();
      case "stripe" -> new Stripe();
      default -> throw new IllegalArgumentException("unknown contender " + name);
    };
  }

  static final class Lago extends Contender {
    private final LagoClient client;

    Lago() {
      super(Canned.client(200, Canned.resource("lago-payment.json")));
      client =
          LagoClient.builder()
              .apiKey("lago_bench_key")
              .baseUrl(BASE_URL)
              .okHttpClient(canned.http())
              .build();
    }

    @Override
    LagoPaymentCreateRequest build() {
      return LagoPaymentCreateRequest.builder()
          .invoiceId("486b147a-02a1-4ccf-8603-f3541fc25e7a")
          .amount(Money.of("10.99", "USD"))
          .reference("order-1042")
          .paidAt(LocalDate.of(2025, 2, 20))
          .build();
    }

    @Override
    LagoPayment create() {
      return client.payments().create(build());
    }

    @Override
    public void close() {
      client.close();
    }
  }

  static final class Billingrails extends Contender {
    private final BillingrailsClient client;

    Billingrails() {
      super(Canned.client(201, Canned.resource("billingrails-payment.json")));
      client =
          BillingrailsClient.builder()
              .apiKey("br_bench_key")
              .environment(BillingrailsEnvironment.SANDBOX)
              .baseUrl(BASE_URL)
              .okHttpClient(canned.http())
              .build();
    }

    @Override
    BillingrailsPaymentCreateRequest build() {
      return BillingrailsPaymentCreateRequest.builder()
          .accountId("acc_IhMUl3rrZ3")
          .invoiceId("inv_IhMUl3rrZ3")
          .referenceId("PAY-REF-001")
          .build();
    }

    @Override
    BillingrailsPayment create() {
      // no idempotency key given: the SDK generates one per call, as in normal use
      return client.payments().create(build());
    }

    @Override
    public void close() {
      client.close();
    }
  }

  static final class Paygentic extends Contender {
    private static final URI SUCCESS = URI.create("https://example.com/success");
    private final PaygenticClient client;

    Paygentic() {
      super(Canned.client(201, Canned.resource("paygentic-payment.json")));
      client =
          PaygenticClient.builder()
              .apiKey("sk_test_bench_key")
              .environment(PaygenticEnvironment.SANDBOX)
              .baseUrl(BASE_URL)
              .okHttpClient(canned.http())
              .build();
    }

    @Override
    PaygenticPaymentCreateRequest build() {
      return PaygenticPaymentCreateRequest.builder()
          .amount(Money.of("10.50", "USD"))
          .reference("Order #12345")
          .putMetadata("orderId", "order_12345")
          .successRedirectUrl(SUCCESS)
          .expiresIn(Duration.ofDays(7))
          .build();
    }

    @Override
    PaygenticPayment create() {
      return client.payments().create(build());
    }

    @Override
    public void close() {
      client.close();
    }
  }

  static final class Stripe extends Contender {
    private final StripeClient client;

    Stripe() {
      super(Canned.client(200, Canned.resource("stripe-payment-intent.json")));
      client =
          StripeClient.builder()
              .setApiKey("sk_test_bench_key")
              .setApiBase(BASE_URL)
              .setHttpClient(new StripeOkHttpClient(canned.http()))
              .build();
    }

    @Override
    PaymentIntentCreateParams build() {
      return PaymentIntentCreateParams.builder()
          .setAmount(1099L)
          .setCurrency("usd")
          .setCustomer("cus_NffrFeUfNV2Hib")
          .setDescription("order-1042")
          .putMetadata("order_id", "order-1042")
          .setAutomaticPaymentMethods(
              PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
          .build();
    }

    @Override
    PaymentIntent create() throws StripeException {
      return client.v1().paymentIntents().create(build());
    }

    @Override
    public void close() {}
  }

  /** The OkHttp client of the canned transport. */
  OkHttpClient http() {
    return canned.http();
  }
}
