package io.payclient.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.Money;
import io.payclient.core.PaymentStatus;
import io.payclient.testkit.junit.FakeBillingrailsExtension;
import io.payclient.testkit.junit.FakeLagoExtension;
import io.payclient.testkit.junit.FakePaygenticExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's snippets work as shown, against the fakes. */
class SnippetsTest {
  @RegisterExtension final FakeLagoExtension lago = new FakeLagoExtension();
  @RegisterExtension final FakeBillingrailsExtension billingrails = new FakeBillingrailsExtension();
  @RegisterExtension final FakePaygenticExtension paygentic = new FakePaygenticExtension();

  @Test
  void lago() {
    String invoice = lago.seedInvoice("USD", 5_000);
    assertThat(Snippets.lago(lago.apiKey(), lago.baseUrl(), invoice).amount())
        .contains(Money.of("10.99", "USD"));
    assertThat(Snippets.neutralLago(lago.apiKey(), lago.baseUrl(), invoice).status())
        .isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(lago.createdPayments()).isEqualTo(2);
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
  void paygenticAndNeutral() {
    assertThat(Snippets.paygentic(paygentic.apiKey(), paygentic.baseUrl()).paymentUrl())
        .isNotNull();
    assertThat(Snippets.neutral("paygentic", paygentic.apiKey(), paygentic.baseUrl()).amount())
        .contains(Money.of("10.99", "EUR"));
    assertThat(paygentic.createdPayments()).isEqualTo(2);
  }

  @Test
  void theReadmeShowsTheseSnippetsVerbatim() throws Exception {
    String source =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("src/main/java/io/payclient/examples/Snippets.java"));
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "// README: (\\w+)\n(.*?)\n\\s*// README end", java.util.regex.Pattern.DOTALL)
            .matcher(source);
    int found = 0;
    while (m.find()) {
      found++;
      String snippet = m.group(2).stripIndent().stripTrailing();
      assertThat(readme).as("README shows snippet '%s' as compiled", m.group(1)).contains(snippet);
    }
    assertThat(found).isEqualTo(4);
  }
}
