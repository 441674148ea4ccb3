package io.payclient.examples;

import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.payclient.billingrails.BillingrailsClient;
import io.payclient.billingrails.BillingrailsEnvironment;
import io.payclient.billingrails.BillingrailsPayment;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
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
import io.payclient.core.PaymentsListener;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import io.payclient.core.WaitTimeoutException;
import io.payclient.core.WebhookEvent;
import io.payclient.core.WebhookVerificationException;
import io.payclient.core.WebhookVerifier;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoPayment;
import io.payclient.lago.LagoPaymentCreateRequest;
import io.payclient.lago.LagoPaymentListParams;
import io.payclient.micrometer.ObservationPaymentsListener;
import io.payclient.opentelemetry.PayClientTelemetry;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticEnvironment;
import io.payclient.paygentic.PaygenticPayment;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import io.payclient.paygentic.PaygenticWebhooks;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.function.Function;

/**
 * The code of the README's examples, compiled with the project and run against the fakes by
 * SnippetsTest, so the README never shows code that does not work. Each method's body between the
 * {@code // README} markers is what the README shows.
 */
final class Snippets {
  private Snippets() {}

  static LagoPayment lago(String apiKey, String baseUrl, String invoiceId) {
    // README: lago
    try (LagoClient lago =
        LagoClient.builder()
            .apiKey(apiKey) // or leave unset: LAGO_API_KEY is read
            .baseUrl(baseUrl) // or .region(LagoRegion.EU) / .selfHosted("https://lago.example.com")
            .build()) {
      LagoPayment payment =
          lago.payments()
              .create(
                  LagoPaymentCreateRequest.builder()
                      .invoiceId(invoiceId)
                      .amount(Money.of("10.99", "USD")) // or .amountCents(1099)
                      .reference("order-1042") // 1-40 chars; Lago's de-duplication key
                      .paidAt(LocalDate.of(2025, 2, 20))
                      .build());

      List<LagoPayment> forInvoice =
          lago.payments()
              .list(LagoPaymentListParams.builder().invoiceId(invoiceId).build())
              .autoPagingStream() // fetches further pages only when reached
              .toList();
      System.out.println(forInvoice.size() + " payment(s) on " + invoiceId);
      return lago.payments().retrieve(payment.lagoId());
    }
    // README end
  }

  static BillingrailsPayment billingrails(
      String apiKey, String baseUrl, String account, String invoice) {
    // README: billingrails
    try (BillingrailsClient billingrails =
        BillingrailsClient.builder()
            .apiKey(apiKey) // or BILLINGRAILS_API_KEY
            .environment(BillingrailsEnvironment.SANDBOX)
            .baseUrl(baseUrl) // only to point at a fake or a proxy
            .build()) {
      return billingrails
          .payments()
          .create(
              BillingrailsPaymentCreateRequest.builder()
                  .accountId(account)
                  .referenceId("order-1042")
                  .invoiceId(
                      invoice) // exactly one of invoice / payment request / credit grant / order
                  .build(),
              RequestOptions.builder().idempotencyKey("order-1042-payment").build());
    }
    // README end
  }

  static PaygenticPayment paygentic(String apiKey, String baseUrl) {
    // README: paygentic
    try (PaygenticClient paygentic =
        PaygenticClient.builder()
            .apiKey(apiKey) // or PAYGENTIC_API_KEY; sk_test_ keys belong to the sandbox
            .environment(PaygenticEnvironment.SANDBOX)
            .baseUrl(baseUrl) // only to point at a fake or a proxy
            .build()) {
      PaygenticPayment payment =
          paygentic
              .payments()
              .create(
                  PaygenticPaymentCreateRequest.builder()
                      .amount(Money.of("25.00", "USD")) // 1.00 to 5000.00, never rounded
                      .reference("order-1042")
                      .expiresIn(Duration.ofDays(7))
                      .build());
      payment.paymentUrl(); // send the payer here
      return payment;
    }
    // README end
  }

  static PaymentsClient client(String vendor, String apiKey, String baseUrl) {
    // README: client
    // Once, at startup: a client is thread-safe and holds a connection pool; share it.
    PaymentsClient client =
        PaymentsClients.create(
            vendor, ClientOptions.builder().apiKey(apiKey).baseUrl(baseUrl).build());
    // ... use it from any thread; client.close() at shutdown.
    // README end
    return client;
  }

  static Payment neutral(PaymentsClient client, String invoiceId, String accountId) {
    // README: neutral
    PaymentCreateRequest.Builder request = PaymentCreateRequest.builder().reference("order-1042");
    switch (client.vendor()) { // what each vendor needs: see the table below
      case "lago" ->
          request.target(PaymentTarget.invoice(invoiceId)).amount(Money.of("10.99", "USD"));
      case "billingrails" -> request.target(PaymentTarget.invoice(invoiceId)).customerId(accountId);
      default -> request.amount(Money.of("10.99", "EUR")); // paygentic: an amount, no target
    }
    try {
      Payment payment = client.create(request.build());
      Page<Payment> recent = client.list(PaymentListParams.builder().pageSize(20).build());
      recent.items().forEach(p -> System.out.println(p.id() + " " + p.status()));
      return payment;
    } catch (RequestValidationException e) {
      // nothing was sent: e.violations() names each wire field and rule
      throw e;
    }
    // README end
  }

  static Payment createOrRecover(PaymentsClient client, PaymentCreateRequest request) {
    // README: outcome
    try {
      return client.create(request);
    } catch (PayClientException e) {
      if (!e.outcomeUnknown()) {
        throw e; // the vendor answered: nothing was created
      }
      // The payment may exist. Store what finds it again: the vendor, the request's reference
      // and e.idempotencyKey() (null for Lago), e.g. in your outbox; then, now or later:
      if (client.vendor().equals("lago")) {
        // Lago has no idempotency: the reference is the key. Look before sending again.
        PaymentTarget invoice = request.target().orElseThrow();
        Optional<Payment> existing =
            client
                .list(PaymentListParams.builder().target(invoice).build())
                .autoPagingStream()
                .filter(p -> Objects.equals(p.reference(), request.reference()))
                .findFirst();
        return existing.orElseGet(() -> client.create(request));
      }
      // Billingrails, Paygentic: the same idempotency key returns the payment if it exists.
      return client.create(
          request, RequestOptions.builder().idempotencyKey(e.idempotencyKey()).build());
    }
    // README end
  }

  static void logging() {
    // README: logging
    // JUL (the JDK's default System.Logger backend): PayClient's DEBUG is JUL's FINE.
    java.util.logging.Logger payclient = java.util.logging.Logger.getLogger("io.payclient");
    payclient.setLevel(java.util.logging.Level.FINE);
    java.util.logging.ConsoleHandler console = new java.util.logging.ConsoleHandler();
    console.setLevel(java.util.logging.Level.FINE);
    payclient.addHandler(console);
    // SLF4J/Logback instead: add org.slf4j:slf4j-jdk-platform-logging (routes System.Logger
    // to SLF4J) and, in logback.xml: <logger name="io.payclient" level="DEBUG"/>
    // README end
  }

  static PaygenticWebhooks paygenticWebhooks(String secret) {
    // README: webhooks-build
    PaygenticWebhooks webhooks =
        PaygenticWebhooks.builder()
            .secret(secret) // whsec_…, from Paygentic's dashboard; never the API key
            .build(); // immutable and thread-safe: one per endpoint
    // Billingrails: BillingrailsWebhooks.builder().secret(signingSecret).build()
    // README end
    return webhooks;
  }

  /**
   * A webhook endpoint's handler: in a servlet, {@code body} is {@code
   * request.getInputStream().readAllBytes()} and {@code header} is {@code request::getHeader}; in
   * Spring MVC, {@code @RequestBody byte[] body, @RequestHeader HttpHeaders headers} and {@code
   * headers::getFirst}. Returns the HTTP status to answer.
   */
  static int onWebhook(
      WebhookVerifier webhooks,
      Set<String> handled,
      Queue<WebhookEvent> work,
      byte[] body,
      Function<String, String> header) {
    // README: webhooks-handle
    WebhookEvent event;
    try {
      event = webhooks.verify(body, header); // the raw bytes, before any JSON parsing
    } catch (WebhookVerificationException e) {
      // e.reason(): MISSING_HEADER, BAD_SIGNATURE, STALE_TIMESTAMP, UNPARSEABLE_BODY, ...
      return 400; // not proven to come from the vendor: do not act on it
    }
    if (!handled.add(event.id())) {
      return 200; // vendors retry: a delivery already handled (keep ids in your database)
    }
    work.add(event); // hand off; answer 2xx fast, or the vendor times out and retries
    return 204;
    // README end
  }

  /** Waits for a payment's final status, or returns what was last seen at the timeout. */
  static Payment awaitPayment(PaymentsClient client, String paymentId, Duration timeout) {
    // README: waiter
    try {
      return client.awaitTerminal(paymentId, timeout); // polls after 1 s, 2 s, 4 s … 30 s
    } catch (WaitTimeoutException e) {
      // not final yet: e.lastPayment() is what the last poll saw; a webhook will tell you later
      return e.lastPayment().orElseThrow(() -> e);
    }
    // README end
  }

  /** A Lago client traced and measured with OpenTelemetry, plus a listener of your own. */
  static LagoClient observedLago(
      OpenTelemetry openTelemetry, String apiKey, String baseUrl, PaymentsListener yours) {
    // README: opentelemetry
    // your SDK, or GlobalOpenTelemetry.get()
    PayClientTelemetry telemetry = PayClientTelemetry.create(openTelemetry);
    LagoClient lago =
        LagoClient.builder()
            .apiKey(apiKey)
            .baseUrl(baseUrl)
            .listener(PaymentsListener.composite(telemetry.listener(), yours))
            .build();
    // README end
    return lago;
  }

  /** A listener of your own: one metric per finished call. */
  static PaymentsListener callCounter(Map<String, Integer> counts) {
    // README: listener
    PaymentsListener callCounter =
        new PaymentsListener() {
          @Override
          public void callEnded(Call call, CallEnd end) {
            Throwable error = end.error(); // null on success
            String outcome = error == null ? "ok" : error.getClass().getSimpleName();
            counts.merge(call.vendor() + " " + call.operation() + " " + outcome, 1, Integer::sum);
            // also: end.duration(), end.attempts(), end.outcomeUnknown(), end.paymentStatus()
          }
        };
    // README end
    return callCounter;
  }

  /**
   * A Paygentic client observed through Micrometer (what Spring Boot's tracing and metrics use).
   */
  static PaygenticClient observedPaygentic(
      ObservationRegistry observationRegistry, String apiKey, String baseUrl) {
    // README: micrometer
    PaygenticClient paygentic =
        PaygenticClient.builder()
            .apiKey(apiKey)
            .baseUrl(baseUrl)
            .listener(ObservationPaymentsListener.create(observationRegistry))
            .build();
    // README end
    return paygentic;
  }
}
