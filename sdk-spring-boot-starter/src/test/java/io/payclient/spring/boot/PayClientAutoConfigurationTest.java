package io.payclient.spring.boot;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.billingrails.BillingrailsClient;
import io.payclient.billingrails.BillingrailsWebhooks;
import io.payclient.core.Money;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsListener;
import io.payclient.core.ServerException;
import io.payclient.core.WebhookEvent;
import io.payclient.core.WebhookVerifier;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoWebhooks;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticWebhooks;
import io.payclient.testkit.FakeLago;
import io.payclient.testkit.FakePaygentic;
import io.payclient.testkit.Fault;
import io.payclient.testkit.LagoWebhookSigner;
import io.payclient.testkit.PaygenticWebhookSigner;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

class PayClientAutoConfigurationTest {
  /** A made-up key with the live prefix (for the key/host check); not a real key. */
  private static final String LIVE_SHAPED_KEY = "sk_" + "live_" + "not-a-real-key-0000";

  private static final String LAGO_EVENT =
      "{\"webhook_type\":\"payment.succeeded\",\"object_type\":\"payment\","
          + "\"organization_id\":\"org_1\",\"payment\":{\"lago_id\":\"4cf085a7-c196-4f07-a543-97c50ec6e8b2\","
          + "\"amount_cents\":1099,\"amount_currency\":\"USD\",\"payment_status\":\"succeeded\","
          + "\"reference\":\"order-1\"}}";

  private final FakeLago lago = FakeLago.start();
  private final FakePaygentic paygentic = FakePaygentic.start();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(PayClientAutoConfiguration.class));

  @AfterEach
  void stopFakes() {
    lago.close();
    paygentic.close();
  }

  private String[] lagoProperties() {
    return new String[] {
      "payclient.lago.api-key=" + lago.apiKey(),
      "payclient.lago.base-url=" + lago.baseUrl(),
      "payclient.lago.webhook-secret=" + lago.webhookHmacKey()
    };
  }

  private String[] paygenticProperties() {
    return new String[] {
      "payclient.paygentic.api-key=" + paygentic.apiKey(),
      "payclient.paygentic.base-url=" + paygentic.baseUrl(),
      "payclient.paygentic.merchant-id=" + FakePaygentic.DEFAULT_MERCHANT_ID,
      "payclient.paygentic.webhook-secret=" + paygentic.webhookSecret()
    };
  }

  private Payment createOnLago(PaymentsClient client) {
    String invoice = lago.seedInvoice("USD", 1099);
    return client.create(
        PaymentCreateRequest.builder()
            .reference("order-1")
            .target(PaymentTarget.invoice(invoice))
            .amount(Money.of("10.99", "USD"))
            .build());
  }

  @Test
  void nothingConfiguredMeansNoBeans() {
    runner.run(
        context ->
            assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(PaymentsClient.class)
                .doesNotHaveBean(WebhookVerifier.class)
                .doesNotHaveBean(VendorPaymentsClients.class)
                .doesNotHaveBean(OkHttpClient.class));
  }

  @Test
  void lagoAloneGivesItsClientAsThePaymentsClientAndAVerifier() {
    runner
        .withPropertyValues(lagoProperties())
        .run(
            context -> {
              assertThat(context).hasSingleBean(LagoClient.class);
              assertThat(context).hasSingleBean(OkHttpClient.class);
              PaymentsClient client = context.getBean(PaymentsClient.class);
              assertThat(client).isSameAs(context.getBean(LagoClient.class));
              assertThat(client.vendor()).isEqualTo("lago");
              assertThat(context.getBean(VendorPaymentsClients.class).asMap())
                  .containsExactly(Map.entry("lago", client));

              Payment payment = createOnLago(client);
              assertThat(payment.vendor()).isEqualTo("lago");
              assertThat(lago.createdPayments()).isEqualTo(1);

              WebhookVerifier verifier = context.getBean(WebhookVerifier.class);
              assertThat(verifier).isSameAs(context.getBean(LagoWebhooks.class));
              byte[] body = LAGO_EVENT.getBytes(UTF_8);
              Map<String, String> headers =
                  LagoWebhookSigner.hmacHeaders(lago.webhookHmacKey(), "uuid-1", body);
              WebhookEvent event = verifier.verify(body, headers::get);
              assertThat(event.id()).isEqualTo("uuid-1");
              assertThat(event.payment()).isPresent();
            });
  }

  @Test
  void regionBindsRelaxedAndSelectsTheCluster() {
    runner
        .withPropertyValues("payclient.lago.api-key=k", "payclient.lago.region=eu")
        .run(
            context ->
                assertThat(context.getBean(LagoClient.class).baseUrl())
                    .isEqualTo("https://api.eu.getlago.com/api/v1"));
    runner
        .withPropertyValues(
            "payclient.lago.api-key=k", "payclient.lago.self-hosted=https://lago.example.com/")
        .run(
            context ->
                assertThat(context.getBean(LagoClient.class).baseUrl())
                    .isEqualTo("https://lago.example.com/api/v1"));
  }

  @Test
  void twoVendorsGiveTheHolderAndNoSinglePaymentsClient() {
    runner
        .withPropertyValues(lagoProperties())
        .withPropertyValues(paygenticProperties())
        .run(
            context -> {
              assertThat(context).hasSingleBean(LagoClient.class);
              assertThat(context).hasSingleBean(PaygenticClient.class);
              assertThat(context.getBeanProvider(PaymentsClient.class).getIfUnique()).isNull();
              assertThat(context.getBeansOfType(PaymentsClient.class)).hasSize(2);
              assertThat(context).hasSingleBean(OkHttpClient.class);

              VendorPaymentsClients clients = context.getBean(VendorPaymentsClients.class);
              assertThat(clients.vendors()).containsExactly("lago", "paygentic");
              assertThat(clients.get("paygentic")).isSameAs(context.getBean(PaygenticClient.class));
              Payment payment =
                  clients
                      .get("paygentic")
                      .create(
                          PaymentCreateRequest.builder()
                              .reference("order-2")
                              .amount(Money.of("10.99", "USD"))
                              .build());
              assertThat(payment.vendor()).isEqualTo("paygentic");

              assertThat(context.getBeansOfType(WebhookVerifier.class))
                  .containsOnlyKeys("lagoWebhooks", "paygenticWebhooks");
              byte[] body = "{\"type\":\"payment.completed\",\"data\":{}}".getBytes(UTF_8);
              Map<String, String> headers =
                  PaygenticWebhookSigner.headers(
                      paygentic.webhookSecret(), "msg_1", Instant.now(), body);
              assertThat(
                      context.getBean(PaygenticWebhooks.class).verify(body, headers::get).vendor())
                  .isEqualTo("paygentic");
            });
  }

  @Test
  void theApplicationsClientWins() {
    runner
        .withPropertyValues(lagoProperties())
        .withUserConfiguration(OwnLagoClient.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(LagoClient.class);
              LagoClient own = context.getBean(LagoClient.class);
              assertThat(own).isSameAs(context.getBean("ownLagoClient"));
              assertThat(context.getBean(LagoWebhooks.class)).isSameAs(own.webhooks());
            });
  }

  @Test
  void theApplicationsVerifierAndHolderWin() {
    BillingrailsWebhooks own =
        BillingrailsWebhooks.builder().secret("whsec_own_secret_1234").build();
    VendorPaymentsClients holder = VendorPaymentsClients.of(List.of());
    runner
        .withPropertyValues("payclient.billingrails.webhook-secret=whsec_configured_5678")
        .withPropertyValues(lagoProperties())
        .withBean(BillingrailsWebhooks.class, () -> own)
        .withBean(VendorPaymentsClients.class, () -> holder)
        .run(
            context -> {
              assertThat(context.getBean(BillingrailsWebhooks.class)).isSameAs(own);
              assertThat(context.getBean(VendorPaymentsClients.class)).isSameAs(holder);
            });
  }

  @Test
  void theApplicationsOkHttpClientIsUsedAndLeftOpen() {
    AtomicInteger seen = new AtomicInteger();
    OkHttpClient own =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  seen.incrementAndGet();
                  return chain.proceed(chain.request());
                })
            .build();
    runner
        .withPropertyValues(lagoProperties())
        .withBean(OkHttpClient.class, () -> own)
        .run(
            context -> {
              assertThat(context).getBean(OkHttpClient.class).isSameAs(own);
              createOnLago(context.getBean(PaymentsClient.class));
              assertThat(seen).hasPositiveValue();
            });
    assertThat(own.dispatcher().executorService().isShutdown()).isFalse();
  }

  @Test
  void theClientsAndTheSharedOkHttpClientAreClosedWithTheContext() {
    LagoClient[] client = new LagoClient[1];
    OkHttpClient[] http = new OkHttpClient[1];
    runner
        .withPropertyValues(lagoProperties())
        .run(
            context -> {
              client[0] = context.getBean(LagoClient.class);
              http[0] = context.getBean(OkHttpClient.class);
              createOnLago(client[0]);
            });
    assertThatThrownBy(() -> client[0].retrieve("p-1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(http[0].dispatcher().executorService().isShutdown()).isTrue();
  }

  @Test
  void aMissingOrBlankKeyFailsNamingThePropertyAndNeverTheKey() {
    runner
        .withPropertyValues("payclient.lago.region=eu")
        .run(context -> assertFailure(context, "payclient.lago.api-key", null));
    runner
        .withPropertyValues("payclient.billingrails.api-key=   ")
        .run(context -> assertFailure(context, "payclient.billingrails.api-key", null));
    // A live key on the sandbox: the SDK refuses it, and the message does not show it.
    runner
        .withPropertyValues(
            "payclient.paygentic.api-key=" + LIVE_SHAPED_KEY,
            "payclient.paygentic.environment=sandbox")
        .run(context -> assertFailure(context, "payclient.paygentic", LIVE_SHAPED_KEY));
  }

  @Test
  void unusableSettingsFailNamingTheProperty() {
    runner
        .withPropertyValues(
            "payclient.lago.api-key=lago_SECRET_42", "payclient.lago.max-retries=-1")
        .run(context -> assertFailure(context, "payclient.lago.max-retries", "lago_SECRET_42"));
    runner
        .withPropertyValues("payclient.lago.api-key=k", "payclient.read-timeout=-1s")
        .run(context -> assertFailure(context, "payclient.read-timeout", null));
    runner
        .withPropertyValues("payclient.lago.api-key=k", "payclient.lago.base-url=ftp://x")
        .run(context -> assertFailure(context, "payclient.lago", null));
    runner
        .withPropertyValues("payclient.billingrails.webhook-secret= ")
        .run(context -> assertFailure(context, "payclient.billingrails.webhook-secret", null));
    runner
        .withPropertyValues("payclient.paygentic.webhook-secret=not-a-svix-secret!")
        .run(context -> assertFailure(context, "payclient.paygentic.webhook-secret", null));
  }

  private static void assertFailure(
      AssertableApplicationContext context, String property, String secret) {
    assertThat(context).hasFailed();
    Throwable failure = context.getStartupFailure();
    InvalidPayClientPropertyException cause = null;
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t).append('\n');
      if (t instanceof InvalidPayClientPropertyException e) {
        cause = e;
      }
    }
    assertThat(cause).as(all.toString()).isNotNull();
    assertThat(cause.property()).isEqualTo(property);
    assertThat(cause.getMessage()).startsWith(property);
    if (secret != null) {
      assertThat(all.toString()).doesNotContain(secret);
    }
    var analysis = new PayClientPropertiesFailureAnalyzer().analyze(failure);
    assertThat(analysis.getDescription()).contains(property);
    assertThat(analysis.getAction()).isNotBlank();
  }

  @Test
  void sharedAndVendorRetriesReachTheClient() {
    // max-retries=0 for Lago: one 503 is final. The shared value (3) would have retried it.
    runner
        .withPropertyValues(lagoProperties())
        .withPropertyValues("payclient.max-retries=3", "payclient.lago.max-retries=0")
        .run(
            context -> {
              lago.failNext(Fault.serverError(503));
              assertThatThrownBy(() -> context.getBean(LagoClient.class).retrieve("p-1"))
                  .isInstanceOf(ServerException.class);
              assertThat(lago.requestCount()).isEqualTo(1);
            });
  }

  @Test
  void theApplicationsListenersAreCombined() {
    runner
        .withPropertyValues(lagoProperties())
        .withUserConfiguration(TwoListeners.class)
        .run(
            context -> {
              createOnLago(context.getBean(PaymentsClient.class));
              assertThat(TwoListeners.calls).containsExactly("first", "second");
            });
  }

  @Test
  void aBillingrailsSecretAloneGivesAVerifierButNoClient() {
    runner
        .withPropertyValues("payclient.billingrails.webhook-secret=whsec_only_the_secret_1")
        .run(
            context -> {
              assertThat(context).hasSingleBean(BillingrailsWebhooks.class);
              assertThat(context).doesNotHaveBean(BillingrailsClient.class);
              assertThat(context).doesNotHaveBean(OkHttpClient.class);
            });
  }

  @Test
  void aVendorWhoseModuleIsAbsentIsSkipped() {
    runner
        .withClassLoader(new FilteredClassLoader(LagoClient.class))
        .withPropertyValues(lagoProperties())
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(PaymentsClient.class)
                    .doesNotHaveBean(OkHttpClient.class));
  }

  @Test
  void propertiesNeverPrintKeysOrSecrets() {
    runner
        .withPropertyValues(lagoProperties())
        .withPropertyValues(paygenticProperties())
        .run(
            context -> {
              String text = context.getBean(PayClientProperties.class).toString();
              assertThat(text)
                  .doesNotContain(lago.apiKey())
                  .doesNotContain(lago.webhookHmacKey())
                  .doesNotContain(paygentic.apiKey())
                  .doesNotContain(paygentic.webhookSecret())
                  .contains("apiKey=****", "webhookSecret=****", "merchantId=");
            });
  }

  @Test
  void billingrailsWithItsEnvironmentAndSecretGivesClientAndVerifier() {
    runner
        .withPropertyValues(
            "payclient.billingrails.api-key=br_key",
            "payclient.billingrails.environment=SANDBOX",
            "payclient.billingrails.webhook-secret=whsec_billingrails_1234")
        .run(
            context -> {
              assertThat(context.getBean(BillingrailsClient.class).baseUrl())
                  .isEqualTo("https://api.sandbox.billingrails.com/v1");
              assertThat(context.getBean(WebhookVerifier.class))
                  .isSameAs(context.getBean(BillingrailsWebhooks.class));
              assertThat(context.getBean(PaymentsClient.class).vendor()).isEqualTo("billingrails");
            });
  }

  @Test
  void theVerifiersTellTheListeners() {
    List<String> refused = new CopyOnWriteArrayList<>();
    PaymentsListener listener =
        new PaymentsListener() {
          @Override
          public void webhookRefused(
              String vendor, io.payclient.core.WebhookVerificationException.Reason reason) {
            refused.add(vendor);
          }
        };
    runner
        .withPropertyValues(lagoProperties())
        .withPropertyValues(
            "payclient.billingrails.webhook-secret=whsec_billingrails_1234",
            "payclient.paygentic.webhook-secret=" + paygentic.webhookSecret())
        .withBean(PaymentsListener.class, () -> listener)
        .run(
            context -> {
              byte[] body = "{}".getBytes(UTF_8);
              for (Class<? extends WebhookVerifier> type :
                  List.of(
                      LagoWebhooks.class, BillingrailsWebhooks.class, PaygenticWebhooks.class)) {
                assertThatThrownBy(() -> context.getBean(type).verify(body, name -> null))
                    .isInstanceOf(io.payclient.core.WebhookVerificationException.class);
              }
              assertThat(refused).containsExactly("lago", "billingrails", "paygentic");
            });
  }

  @Test
  void everyPropertyBinds() {
    runner
        .withPropertyValues(
            "payclient.connect-timeout=1s",
            "payclient.read-timeout=2s",
            "payclient.write-timeout=3s",
            "payclient.timeout=4s",
            "payclient.max-retries=5",
            "payclient.paygentic.api-key=sk_test_x",
            "payclient.paygentic.environment=sandbox",
            "payclient.paygentic.merchant-id=org_1",
            "payclient.paygentic.connect-timeout=6s",
            "payclient.paygentic.read-timeout=7s",
            "payclient.paygentic.write-timeout=8s",
            "payclient.paygentic.timeout=9s",
            "payclient.paygentic.max-retries=1")
        .run(
            context -> {
              PayClientProperties p = context.getBean(PayClientProperties.class);
              assertThat(p.getConnectTimeout()).hasSeconds(1);
              assertThat(p.getReadTimeout()).hasSeconds(2);
              assertThat(p.getWriteTimeout()).hasSeconds(3);
              assertThat(p.getTimeout()).hasSeconds(4);
              assertThat(p.getMaxRetries()).isEqualTo(5);
              PayClientProperties.Paygentic pg = p.getPaygentic();
              assertThat(pg.getEnvironment()).isEqualTo(PayClientProperties.Environment.SANDBOX);
              assertThat(pg.getMerchantId()).isEqualTo("org_1");
              assertThat(pg.getConnectTimeout()).hasSeconds(6);
              assertThat(pg.getReadTimeout()).hasSeconds(7);
              assertThat(pg.getWriteTimeout()).hasSeconds(8);
              assertThat(pg.getTimeout()).hasSeconds(9);
              assertThat(pg.getMaxRetries()).isEqualTo(1);
              assertThat(p.getLago().getRegion()).isNull();
              assertThat(p.getBillingrails().getEnvironment()).isNull();
              assertThat(p.getBillingrails().getApiKey()).isNull();
              assertThat(context.getBean(PaygenticClient.class).baseUrl())
                  .isEqualTo("https://api.sandbox.paygentic.io/");
              assertThat(p.toString())
                  .contains(
                      "connectTimeout=PT1S",
                      "maxRetries=5",
                      "environment=SANDBOX",
                      "merchantId=org_1",
                      "timeout=PT9S",
                      "apiKey=unset");
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnLagoClient {
    @Bean(destroyMethod = "close")
    LagoClient ownLagoClient() {
      return LagoClient.builder().apiKey("own").baseUrl("http://127.0.0.1:9/api/v1").build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoListeners {
    static final List<String> calls = new CopyOnWriteArrayList<>();

    TwoListeners() {
      calls.clear();
    }

    @Bean
    @Order(2)
    PaymentsListener second() {
      return new PaymentsListener() {
        @Override
        public void callStarted(Call call) {
          calls.add("second");
        }
      };
    }

    @Bean
    @Order(1)
    PaymentsListener first() {
      return new PaymentsListener() {
        @Override
        public void callStarted(Call call) {
          calls.add("first");
        }
      };
    }
  }
}
