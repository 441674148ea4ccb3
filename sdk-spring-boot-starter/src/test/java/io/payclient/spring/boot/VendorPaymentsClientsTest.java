package io.payclient.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.PaymentsClient;
import io.payclient.lago.LagoClient;
import io.payclient.paygentic.PaygenticClient;
import java.util.List;
import org.junit.jupiter.api.Test;

class VendorPaymentsClientsTest {
  private final LagoClient lago1 = LagoClient.builder().apiKey("a").build();
  private final LagoClient lago2 = LagoClient.builder().apiKey("b").build();
  private final PaygenticClient paygentic = PaygenticClient.builder().apiKey("c").build();

  @Test
  void byVendorInAlphabeticalOrder() {
    VendorPaymentsClients clients = VendorPaymentsClients.of(List.of(paygentic, lago1));
    assertThat(clients.vendors()).containsExactly("lago", "paygentic");
    assertThat(clients.get("lago")).isSameAs(lago1);
    assertThat(clients.find("paygentic")).containsSame(paygentic);
    assertThat(clients.find("billingrails")).isEmpty();
    assertThat(clients).hasToString("VendorPaymentsClients[lago, paygentic]");
    assertThatThrownBy(() -> clients.get("billingrails"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No PaymentsClient for vendor billingrails; configured: [lago, paygentic]");
    assertThatThrownBy(() -> clients.asMap().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aVendorWithTwoClientsIsLeftOut() {
    List<PaymentsClient> all = List.of(lago1, paygentic, lago2);
    VendorPaymentsClients clients = VendorPaymentsClients.of(all);
    assertThat(clients.vendors()).containsExactly("paygentic");
    assertThat(clients.find("lago")).isEmpty();
    assertThatThrownBy(() -> clients.get("lago"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2 PaymentsClient beans are for vendor lago: inject one by bean name");
  }
}
