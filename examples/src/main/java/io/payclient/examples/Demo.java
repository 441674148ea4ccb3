package io.payclient.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.payclient.billingrails.BillingrailsClient;
import io.payclient.billingrails.BillingrailsPayment;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
import io.payclient.billingrails.BillingrailsPaymentMode;
import io.payclient.billingrails.BillingrailsWebhooks;
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
import io.payclient.core.RequestValidationException;
import io.payclient.core.WebhookEvent;
import io.payclient.core.WebhookVerificationException;
import io.payclient.core.WebhookVerifier;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoPayment;
import io.payclient.lago.LagoPaymentCreateRequest;
import io.payclient.lago.LagoPaymentRequest;
import io.payclient.lago.LagoPaymentRequestCreateRequest;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticPayment;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import io.payclient.paygentic.PaygenticWebhooks;
import io.payclient.testkit.FakeBillingrails;
import io.payclient.testkit.FakeLago;
import io.payclient.testkit.FakePaygentic;
import io.payclient.testkit.Fault;
import io.payclient.testkit.WebhookAttempt;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The tour of PayClient: a typed create on each vendor (shown as read back by retrieve), a create
 * through the neutral {@link PaymentsClients} API, each vendor's newest payments (list), a
 * validation error, a vendor's refusal (HTTP 422, explained), an idempotent retry after an injected
 * fault, and payments followed by webhooks: the fakes deliver signed webhooks to a small endpoint
 * of the tour, which verifies them with the SDK and refuses a tampered one.
 *
 * <p>With no configuration every vendor runs on an embedded fake server (sdk-testkit). A vendor
 * whose API key variable is set runs against the real service instead: {@code LAGO_API_KEY} (+
 * {@code LAGO_BASE_URL}, {@code LAGO_INVOICE_ID}), {@code BILLINGRAILS_API_KEY} (+ {@code
 * BILLINGRAILS_BASE_URL}, {@code BILLINGRAILS_ACCOUNT_ID}, {@code BILLINGRAILS_INVOICE_ID}), {@code
 * PAYGENTIC_API_KEY} (+ {@code PAYGENTIC_BASE_URL}, {@code PAYGENTIC_MERCHANT_ID}).
 */
public final class Demo {
  private final PrintStream out;
  private final Function<String, @Nullable String> env;

  Demo(PrintStream out, Function<String, @Nullable String> env) {
    this.out = out;
    this.env = env;
  }

  /** Runs the tour on standard output. */
  public static void main(String[] args) {
    new Demo(System.out, System::getenv).run();
  }

  /** Runs the tour, printing to {@code out}, reading configuration from {@code env}. */
  void run() {
    try (FakeLago fakeLago = real("LAGO") ? null : FakeLago.start();
        FakeBillingrails fakeBillingrails = real("BILLINGRAILS") ? null : FakeBillingrails.start();
        FakePaygentic fakePaygentic = real("PAYGENTIC") ? null : FakePaygentic.start();
        LagoClient lago = LagoClient.builder().options(options("LAGO", fakeLago)).build();
        BillingrailsClient billingrails =
            BillingrailsClient.builder()
                .options(options("BILLINGRAILS", fakeBillingrails))
                .build();
        PaygenticClient paygentic =
            PaygenticClient.builder()
                .options(options("PAYGENTIC", fakePaygentic))
                .merchantId(env.apply("PAYGENTIC_MERCHANT_ID"))
                .build()) {
      out.println("PayClient tour");
      where("lago", fakeLago);
      where("billingrails", fakeBillingrails);
      where("paygentic", fakePaygentic);
      out.println();

      String lagoInvoice =
          fakeLago != null ? fakeLago.seedInvoice("USD", 10_000) : env.apply("LAGO_INVOICE_ID");
      String account =
          fakeBillingrails != null
              ? fakeBillingrails.seedAccount()
              : env.apply("BILLINGRAILS_ACCOUNT_ID");
      String brInvoice =
          fakeBillingrails != null
              ? fakeBillingrails.seedInvoice(account, "EUR", 4_200)
              : env.apply("BILLINGRAILS_INVOICE_ID");
      String run = UUID.randomUUID().toString().substring(0, 8);

      // 1. Typed creates, one per vendor.
      LagoPayment l =
          lago.payments()
              .create(
                  LagoPaymentCreateRequest.builder()
                      .invoiceId(lagoInvoice)
                      .amount(Money.of("12.50", "USD"))
                      .reference("tour-" + run)
                      .paidAt(LocalDate.now(ZoneOffset.UTC))
                      .build());
      BillingrailsPayment b =
          billingrails
              .payments()
              .create(
                  BillingrailsPaymentCreateRequest.builder()
                      .accountId(account)
                      .referenceId("tour-" + run)
                      .invoiceId(brInvoice)
                      .build());
      PaygenticPayment p =
          paygentic
              .payments()
              .create(
                  PaygenticPaymentCreateRequest.builder()
                      .amount(Money.of("25.00", "USD"))
                      .reference("tour-" + run)
                      .expiresIn(Duration.ofDays(7))
                      .build());

      // 2. Retrieve each through the neutral API: the rows show what retrieve returns.
      out.println(
          "1. One payment created per vendor with its typed client, then read back with the"
              + " neutral retrieve():");
      Table table = new Table(out);
      table.row("create+retrieve", lago.retrieve(l.lagoId()));
      table.row("create+retrieve", billingrails.retrieve(b.id()));
      table.row("create+retrieve", paygentic.retrieve(p.id()));

      // 3. The same neutral code for any vendor, found with ServiceLoader.
      out.println();
      out.println(
          "2. A create through the neutral PaymentsClients API (vendor found by ServiceLoader):");
      table = new Table(out);
      try (PaymentsClient neutral =
          PaymentsClients.create("paygentic", options("PAYGENTIC", fakePaygentic))) {
        table.row(
            "neutral create",
            neutral.create(
                PaymentCreateRequest.builder()
                    .amount(Money.of("9.99", "EUR"))
                    .reference("tour-neutral-" + run)
                    .putMetadata("source", "tour")
                    .build()));
      }

      // 4. Lists: the newest payments of each vendor, through the neutral list().
      out.println();
      out.println("3. The newest payments of each vendor (neutral list(), page size 5):");
      table = new Table(out);
      for (PaymentsClient client : List.<PaymentsClient>of(lago, billingrails, paygentic)) {
        Page<Payment> page = client.list(PaymentListParams.builder().pageSize(5).build());
        for (Payment listed : page.items()) {
          table.row("list", listed);
        }
      }
      out.println();

      // 5. A validation error: caught before anything is sent.
      try {
        lago.create(
            PaymentCreateRequest.builder()
                .amount(Money.of("10.005", "USD"))
                .target(PaymentTarget.invoice(lagoInvoice))
                .reference("x".repeat(41))
                .build());
      } catch (RequestValidationException e) {
        out.println("validation error (nothing sent): " + e.violations());
      }

      // 6. A vendor's refusal: more than the invoice's amount due.
      try {
        lago.payments()
            .create(
                LagoPaymentCreateRequest.builder()
                    .invoiceId(lagoInvoice)
                    .amount(Money.of("1000000.00", "USD"))
                    .reference("tour-too-much-" + run)
                    .build());
      } catch (PayClientException e) {
        out.println(
            "vendor refusal (HTTP 422 expected: the request is well-formed, but 1000000.00 USD is"
                + " more than the invoice's amount due, so Lago refuses it; nothing was created): "
                + e.getClass().getSimpleName()
                + ": "
                + e.getMessage());
      }

      // 7. An idempotent retry: the first answer is lost after the payment was made.
      if (fakeBillingrails != null) {
        int before = fakeBillingrails.createdPayments();
        fakeBillingrails.failNext(Fault.resetAfterProcessing());
        BillingrailsPayment retried =
            billingrails
                .payments()
                .create(
                    BillingrailsPaymentCreateRequest.builder()
                        .accountId(account)
                        .referenceId("tour-retry-" + run)
                        .invoiceId(fakeBillingrails.seedInvoice(account, "EUR", 1_000))
                        .build());
        out.println(
            "idempotent retry: connection reset after the payment was made; the SDK retried with"
                + " the same Idempotency-Key -> "
                + retried.id()
                + ", payments created: "
                + (fakeBillingrails.createdPayments() - before));
      }

      // 8. Following payments: the fakes deliver signed webhooks to an endpoint of ours.
      out.println();
      out.println(
          "4. Following payments: each payment change is delivered as a signed webhook to this"
              + " demo's endpoint, verified with the SDK:");
      followPayments(
          fakeLago, fakeBillingrails, fakePaygentic, lago, billingrails, p, account, run);
    }
  }

  /**
   * Starts an endpoint on 127.0.0.1, registers it with each fake, changes a payment on each and
   * prints the events as the endpoint verifies them; then posts a delivered webhook with one byte
   * changed and prints its refusal. Only on the fakes: the real services need a public URL.
   */
  private void followPayments(
      @Nullable FakeLago fakeLago,
      @Nullable FakeBillingrails fakeBillingrails,
      @Nullable FakePaygentic fakePaygentic,
      LagoClient lago,
      BillingrailsClient billingrails,
      PaygenticPayment pending,
      String account,
      String run) {
    printSkips();
    out.printf(
        "  %-9s %-13s %-39s %-38s %s%n",
        "",
        "vendor",
        "event type",
        "event id (de-duplication key)",
        "payment and its neutral status");
    try (WebhookEndpoint endpoint = WebhookEndpoint.start()) {
      if (fakePaygentic != null) {
        fakePaygentic.registerWebhookEndpoint(
            endpoint.add(
                "paygentic",
                PaygenticWebhooks.builder().secret(fakePaygentic.webhookSecret()).build()));
        fakePaygentic.completePayment(pending.id()); // the payer pays
        printNext(endpoint);
      }
      if (fakeBillingrails != null) {
        fakeBillingrails.registerWebhookEndpoint(
            endpoint.add(
                "billingrails",
                BillingrailsWebhooks.builder().secret(fakeBillingrails.webhookSecret()).build()));
        BillingrailsPayment online =
            billingrails
                .payments()
                .create(
                    BillingrailsPaymentCreateRequest.builder()
                        .mode(BillingrailsPaymentMode.ONLINE)
                        .integrationId("int_tour")
                        .accountId(account)
                        .referenceId("tour-online-" + run)
                        .invoiceId(fakeBillingrails.seedInvoice(account, "EUR", 1_500))
                        .build());
        fakeBillingrails.succeedPayment(online.id()); // the payer completes the checkout
        printNext(endpoint);
      }
      if (fakeLago != null) {
        // lago.webhooks() fetches the instance's public key (from the fake) on first use.
        fakeLago.registerWebhookEndpoint(endpoint.add("lago", lago.webhooks()));
        String overdue = fakeLago.seedOverdueInvoice("USD", 3_000, "tour-customer");
        LagoPaymentRequest request =
            lago.paymentRequests()
                .create(
                    LagoPaymentRequestCreateRequest.builder()
                        .externalCustomerId("tour-customer")
                        .addInvoiceId(overdue)
                        .build());
        fakeLago.updatePaymentRequestStatus(request.lagoId(), "succeeded");
        printNext(endpoint);
      }
      if (fakePaygentic != null) {
        WebhookAttempt delivered = fakePaygentic.deliveries().get(0);
        byte[] tampered = delivered.body();
        tampered[tampered.length / 2] ^= 1;
        endpoint.post("paygentic", tampered, delivered.headers());
        out.println("  (a delivered Paygentic webhook posted again with one byte changed)");
        printNext(endpoint);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("  interrupted");
    }
  }

  /** A line for each vendor on the real service, whose webhooks the tour does not follow. */
  void printSkips() {
    for (String vendor : List.of("LAGO", "BILLINGRAILS", "PAYGENTIC")) {
      if (real(vendor)) {
        out.println(
            "  "
                + vendor.toLowerCase(Locale.ROOT)
                + ": skipped (runs against the real service; its webhooks need a public URL)");
      }
    }
  }

  private void printNext(WebhookEndpoint endpoint) throws InterruptedException {
    String line = endpoint.next(Duration.ofSeconds(5));
    out.println(line == null ? "  (no webhook arrived within 5 s)" : line);
  }

  /**
   * The tour's webhook endpoint: {@code POST /webhooks/<vendor>} verifies the raw body with that
   * vendor's verifier, hands a line to the tour, and answers at once (204, or 400 when refused).
   */
  private static final class WebhookEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private WebhookEndpoint(HttpServer server) {
      this.server = server;
    }

    static WebhookEndpoint start() {
      try {
        HttpServer server =
            HttpServer.create(
                new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        server.start();
        return new WebhookEndpoint(server);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Serves {@code /webhooks/<vendor>} with this verifier; returns its URL. */
    URI add(String vendor, WebhookVerifier verifier) {
      server.createContext("/webhooks/" + vendor, exchange -> handle(exchange, vendor, verifier));
      return url(vendor);
    }

    private URI url(String vendor) {
      return URI.create(
          "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/" + vendor);
    }

    private void handle(HttpExchange exchange, String vendor, WebhookVerifier verifier)
        throws IOException {
      try (exchange) {
        byte[] body = exchange.getRequestBody().readNBytes(1 << 20);
        int status;
        try {
          WebhookEvent event = verifier.verify(body, exchange.getRequestHeaders()::getFirst);
          lines.add(
              String.format(
                  Locale.ROOT,
                  "  verified  %-13s %-39s %-38s %s",
                  vendor,
                  event.type(),
                  event.id(),
                  event.payment().map(p -> p.id() + " " + p.status()).orElse("-")));
          status = 204;
        } catch (WebhookVerificationException e) {
          lines.add(
              String.format(
                  Locale.ROOT,
                  "  refused   %-13s HTTP 400, %s: %s",
                  vendor,
                  e.reason(),
                  e.getMessage()));
          status = 400;
        }
        exchange.sendResponseHeaders(status, -1);
      }
    }

    /** Posts a body with headers to the vendor's path, as a sender would. */
    void post(String vendor, byte[] body, Map<String, String> headers) throws InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(url(vendor))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(request::header);
      try {
        http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        lines.add("  could not post the tampered webhook: " + e);
      }
    }

    @Nullable String next(Duration timeout) throws InterruptedException {
      return lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private boolean real(String vendor) {
    String key = env.apply(vendor + "_API_KEY");
    return key != null && !key.isBlank();
  }

  private ClientOptions options(String vendor, io.payclient.testkit.@Nullable FakeServer fake) {
    ClientOptions.Builder b = ClientOptions.builder();
    if (fake != null) {
      return b.apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build();
    }
    return b.apiKey(env.apply(vendor + "_API_KEY"))
        .baseUrl(env.apply(vendor + "_BASE_URL"))
        .build();
  }

  private void where(String vendor, io.payclient.testkit.@Nullable FakeServer fake) {
    out.printf(
        "  %-13s %s%n",
        vendor,
        fake != null
            ? "embedded fake at " + fake.baseUrl()
            : "REAL service (" + vendor.toUpperCase(Locale.ROOT) + "_API_KEY is set)");
  }

  /** A fixed-width table of payments. */
  private static final class Table {
    private final PrintStream out;

    Table(PrintStream out) {
      this.out = out;
      out.printf(
          "%-16s %-13s %-38s %-10s %-12s %s%n", "step", "vendor", "id", "status", "amount", "url");
    }

    void row(String step, Payment p) {
      out.printf(
          "%-16s %-13s %-38s %-10s %-12s %s%n",
          step,
          p.vendor(),
          p.id(),
          p.status(),
          p.amount().map(Money::toString).orElse("-"),
          p.paymentUrl().map(Object::toString).orElse("-"));
    }
  }
}
