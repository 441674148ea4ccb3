package io.payclient.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.ClientOptions;
import io.payclient.core.Money;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsClients;
import io.payclient.core.WebhookEvent;
import io.payclient.testkit.FakeServer;
import io.payclient.testkit.Fault;
import io.payclient.testkit.junit.FakeBillingrailsExtension;
import io.payclient.testkit.junit.FakeLagoExtension;
import io.payclient.testkit.junit.FakePaygenticExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's snippets work as shown, against the fakes; the README shows no other Java. */
class SnippetsTest {
  @RegisterExtension final FakeLagoExtension lago = new FakeLagoExtension();
  @RegisterExtension final FakeBillingrailsExtension billingrails = new FakeBillingrailsExtension();
  @RegisterExtension final FakePaygenticExtension paygentic = new FakePaygenticExtension();

  @Test
  void lago() {
    String invoice = lago.seedInvoice("USD", 5_000);
    assertThat(Snippets.lago(lago.apiKey(), lago.baseUrl(), invoice).amount())
        .contains(Money.of("10.99", "USD"));
    assertThat(lago.createdPayments()).isEqualTo(1);
  }

  @Test
  void billingrailsIsIdempotentByKey() {
    String account = billingrails.seedAccount();
    String invoice = billingrails.seedInvoice(account, "USD", 1_099);
    String first =
        Snippets.billingrails(billingrails.apiKey(), billingrails.baseUrl(), account, invoice).id();
    String again =
        Snippets.billingrails(billingrails.apiKey(), billingrails.baseUrl(), account, invoice).id();
    assertThat(again).isEqualTo(first);
    assertThat(billingrails.createdPayments()).isEqualTo(1);
  }

  @Test
  void paygentic() {
    assertThat(Snippets.paygentic(paygentic.apiKey(), paygentic.baseUrl()).paymentUrl())
        .isNotNull();
    assertThat(paygentic.createdPayments()).isEqualTo(1);
  }

  @Test
  void theNeutralSnippetRunsOnEveryVendor() {
    String lagoInvoice = lago.seedInvoice("USD", 5_000);
    String account = billingrails.seedAccount();
    String brInvoice = billingrails.seedInvoice(account, "USD", 1_099);
    try (PaymentsClient client = Snippets.client("lago", lago.apiKey(), lago.baseUrl())) {
      Payment p = Snippets.neutral(client, lagoInvoice, "unused");
      assertThat(p.amount()).contains(Money.of("10.99", "USD"));
      assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }
    try (PaymentsClient client =
        Snippets.client("billingrails", billingrails.apiKey(), billingrails.baseUrl())) {
      assertThat(Snippets.neutral(client, brInvoice, account).vendor()).isEqualTo("billingrails");
    }
    try (PaymentsClient client =
        Snippets.client("paygentic", paygentic.apiKey(), paygentic.baseUrl())) {
      assertThat(Snippets.neutral(client, "unused", "unused").amount())
          .contains(Money.of("10.99", "EUR"));
    }
    assertThat(List.of(lago, billingrails, paygentic))
        .allSatisfy(f -> assertThat(f.createdPayments()).isEqualTo(1));
  }

  @Test
  void anUnknownOutcomeIsRecoveredWithoutASecondPayment() {
    String lagoInvoice = lago.seedInvoice("USD", 5_000);
    String account = billingrails.seedAccount();
    String brInvoice = billingrails.seedInvoice(account, "USD", 1_099);
    Map<FakeServer, PaymentCreateRequest> cases = new LinkedHashMap<>();
    cases.put(
        lago,
        PaymentCreateRequest.builder()
            .reference("order-7")
            .amount(Money.of("10.99", "USD"))
            .target(PaymentTarget.invoice(lagoInvoice))
            .build());
    cases.put(
        billingrails,
        PaymentCreateRequest.builder()
            .reference("order-7")
            .customerId(account)
            .target(PaymentTarget.invoice(brInvoice))
            .build());
    cases.put(
        paygentic,
        PaymentCreateRequest.builder()
            .reference("order-7")
            .amount(Money.of("10.99", "EUR"))
            .build());
    cases.forEach(
        (fake, request) -> {
          String vendor =
              fake == lago ? "lago" : fake == billingrails ? "billingrails" : "paygentic";
          // no retries: the lost answer surfaces as outcomeUnknown() and the snippet recovers
          ClientOptions options =
              ClientOptions.builder()
                  .apiKey(fake.apiKey())
                  .baseUrl(fake.baseUrl())
                  .maxRetries(0)
                  .build();
          try (PaymentsClient client = PaymentsClients.create(vendor, options)) {
            fake.failNext(Fault.resetAfterProcessing());
            Payment payment = Snippets.createOrRecover(client, request);
            assertThat(payment.reference()).as(vendor).isEqualTo("order-7");
            assertThat(fake.createdPayments()).as(vendor).isEqualTo(1);
            assertThat(fake.pendingFaults()).as(vendor).isEmpty();
          }
        });
  }

  @Test
  void theLoggingSnippetTurnsOnDebug() {
    List<LogRecord> records = new ArrayList<>();
    Logger payclient = Logger.getLogger("io.payclient");
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Snippets.logging();
    payclient.addHandler(capture);
    try {
      Snippets.paygentic(paygentic.apiKey(), paygentic.baseUrl());
    } finally {
      for (Handler h : payclient.getHandlers()) {
        payclient.removeHandler(h);
      }
      payclient.setLevel(null);
    }
    assertThat(records)
        .anySatisfy(r -> assertThat(r.getLoggerName()).startsWith("io.payclient"))
        .noneSatisfy(r -> assertThat(r.getMessage()).contains(paygentic.apiKey()));
  }

  @Test
  void theWebhookHandlerVerifiesDeduplicatesAndRefuses() throws Exception {
    byte[] key = "a webhook key for the snippet test".getBytes(StandardCharsets.UTF_8);
    String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
    byte[] body =
        "{\"eventType\":\"payment.completed.v0\",\"data\":{\"id\":\"pay_1\",\"status\":\"completed\"}}"
            .getBytes(StandardCharsets.UTF_8);
    String id = "msg_1";
    String ts = Long.toString(System.currentTimeMillis() / 1000);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
    String signature = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    Map<String, String> headers =
        Map.of("svix-id", id, "svix-timestamp", ts, "svix-signature", signature);
    Set<String> handled = new HashSet<>();
    Queue<WebhookEvent> work = new ArrayDeque<>();
    var webhooks = Snippets.paygenticWebhooks(secret);
    assertThat(Snippets.onWebhook(webhooks, handled, work, body, headers::get)).isEqualTo(204);
    assertThat(Snippets.onWebhook(webhooks, handled, work, body, headers::get)).isEqualTo(200);
    assertThat(work)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.payment().orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
            });
    byte[] tampered = body.clone();
    tampered[5] ^= 1;
    assertThat(Snippets.onWebhook(webhooks, handled, work, tampered, headers::get)).isEqualTo(400);
  }

  @Test
  void theWaiterSnippetReturnsAFinalPaymentOrTheLastOneSeen() {
    try (PaymentsClient client = Snippets.client("lago", lago.apiKey(), lago.baseUrl())) {
      Payment created = Snippets.neutral(client, lago.seedInvoice("USD", 5_000), "unused");
      Payment done = Snippets.awaitPayment(client, created.id(), java.time.Duration.ofSeconds(5));
      assertThat(done.status().isTerminal()).isTrue();
    }
    try (PaymentsClient client =
        Snippets.client("paygentic", paygentic.apiKey(), paygentic.baseUrl())) {
      Payment created = Snippets.neutral(client, "unused", "unused");
      assertThat(created.status()).isEqualTo(PaymentStatus.PENDING);
      Payment seen = Snippets.awaitPayment(client, created.id(), java.time.Duration.ofMillis(1500));
      assertThat(seen.id()).isEqualTo(created.id());
      assertThat(seen.status()).isEqualTo(PaymentStatus.PENDING);
    }
  }

  @Test
  void theObservabilitySnippetsCombineTelemetryWithYourListener() {
    Map<String, Integer> counts = new java.util.concurrent.ConcurrentHashMap<>();
    String invoice = lago.seedInvoice("USD", 5_000);
    try (var client =
        Snippets.observedLago(
            io.opentelemetry.api.OpenTelemetry.noop(),
            lago.apiKey(),
            lago.baseUrl(),
            Snippets.callCounter(counts))) {
      Snippets.neutral(client, invoice, "unused");
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> client.retrieve("00000000-0000-4000-8000-000000000000"))
          .isInstanceOf(io.payclient.core.NotFoundException.class);
    }
    assertThat(counts)
        .containsEntry("lago payments.create ok", 1)
        .containsEntry("lago payments.retrieve NotFoundException", 1);
  }

  @Test
  void theMicrometerSnippetObservesEveryCall() {
    io.micrometer.observation.ObservationRegistry registry =
        io.micrometer.observation.ObservationRegistry.create();
    List<String> stopped = new java.util.concurrent.CopyOnWriteArrayList<>();
    registry
        .observationConfig()
        .observationHandler(
            new io.micrometer.observation.ObservationHandler<>() {
              @Override
              public boolean supportsContext(io.micrometer.observation.Observation.Context c) {
                return true;
              }

              @Override
              public void onStop(io.micrometer.observation.Observation.Context c) {
                stopped.add(c.getName());
              }
            });
    try (var client =
        Snippets.observedPaygentic(registry, paygentic.apiKey(), paygentic.baseUrl())) {
      Snippets.neutral(client, "unused", "unused");
    }
    assertThat(stopped).contains("payclient.call");
  }

  @Test
  void theReadmeShowsTheseSnippetsVerbatimAndNoOtherJava() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    List<String> snippets = new ArrayList<>();
    List<Path> sources;
    try (Stream<Path> s = Files.walk(Path.of("src"))) {
      sources = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    Matcher m;
    for (Path source : sources) {
      m =
          Pattern.compile("// README: ([\\w-]+)\n(.*?)\n\\s*// README end", Pattern.DOTALL)
              .matcher(Files.readString(source));
      while (m.find()) {
        String snippet = m.group(2).stripIndent().stripTrailing();
        assertThat(readme)
            .as("README shows snippet '%s' as compiled", m.group(1))
            .contains(snippet);
        snippets.add(snippet);
      }
    }
    assertThat(snippets).hasSizeGreaterThanOrEqualTo(10);
    m = Pattern.compile("```java\n(.*?)\n```", Pattern.DOTALL).matcher(readme);
    int blocks = 0;
    while (m.find()) {
      blocks++;
      String block = m.group(1);
      assertThat(snippets)
          .as("a README Java block that no compiled snippet holds:%n%s", block)
          .anySatisfy(s -> assertThat(s).isEqualTo(block));
    }
    assertThat(blocks).isEqualTo(snippets.size());
  }
}
