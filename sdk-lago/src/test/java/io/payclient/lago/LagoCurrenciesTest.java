package io.payclient.lago;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.Money;
import java.util.Currency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LagoCurrenciesTest {
  @ParameterizedTest
  @CsvSource({
    "10.99, USD, 1099",
    "1, HUF, 1",
    "1500, HUF, 1500",
    "3.2, MRO, 16",
    "0.2, MRO, 1",
    "1.2345, CLF, 12345",
    "100, JPY, 100",
    "7, MGA, 7",
    "1.5, KWD, 1500",
    "0.01, EUR, 1"
  })
  void convertsExactlyWithLagosTable(String amount, String currency, long cents) {
    Money money = Money.of(amount, currency);
    assertThat(LagoCurrencies.toAmountCents(money)).isEqualTo(cents);
    assertThat(LagoCurrencies.fromAmountCents(cents, currency)).isEqualTo(money);
  }

  @ParameterizedTest
  @CsvSource({"10.005, USD", "1.5, HUF", "3.1, MRO", "0.5, JPY", "1.00001, CLF"})
  void neverRounds(String amount, String currency) {
    assertThatThrownBy(() -> LagoCurrencies.toAmountCents(Money.of(amount, currency)))
        .isInstanceOf(ArithmeticException.class);
  }

  @org.junit.jupiter.api.Test
  void tableCoversTheSpecAndDiffersFromJavaWhereLagoDoes() {
    assertThat(LagoCurrencies.codes()).hasSize(142).contains("BHD", "IRR", "JOD", "KWD");
    int differ = 0;
    for (String code : LagoCurrencies.codes()) {
      long lago = LagoCurrencies.subunitToUnit(code).getAsLong();
      long java = (long) Math.pow(10, Currency.getInstance(code).getDefaultFractionDigits());
      if (lago != java) {
        differ++;
        assertThat(code).isIn("HUF", "MGA", "MRO");
      }
    }
    assertThat(differ).isEqualTo(3);
    assertThatThrownBy(() -> LagoCurrencies.toAmountCents(Money.of("1", "XTS")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XTS");
  }
}
