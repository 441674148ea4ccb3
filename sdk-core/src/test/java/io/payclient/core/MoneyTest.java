package io.payclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void ofKeepsTheExactDecimal() {
    Money m = Money.of("10.50", "USD");
    assertThat(m.amount()).isEqualByComparingTo("10.50");
    assertThat(m.amount().scale()).isEqualTo(2);
    assertThat(m.currencyCode()).isEqualTo("USD");
    assertThat(m).hasToString("10.50 USD");
  }

  @Test
  void ofMinorUsesIsoDigits() {
    assertThat(Money.ofMinor(1050, "USD")).isEqualTo(Money.of("10.50", "USD"));
    assertThat(Money.ofMinor(1050, "JPY")).isEqualTo(Money.of("1050", "JPY"));
    assertThat(Money.ofMinor(1500, "BHD")).isEqualTo(Money.of("1.5", "BHD"));
  }

  @Test
  void equalityIsByValue() {
    Money a = Money.of("3.2", "MRO");
    Money b = Money.of("3.20", "MRO");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Money.of("3.2", "MRU"));
    assertThat(a.compareTo(Money.of("3.21", "MRO"))).isNegative();
  }

  @Test
  void holdsZeroNegativeAndSubMinorAmounts() {
    assertThat(Money.of("0", "USD").isPositive()).isFalse();
    assertThat(Money.of("-1.00", "USD").isPositive()).isFalse();
    assertThat(Money.of("10.005", "USD").amount()).isEqualByComparingTo("10.005");
  }

  @Test
  void toMinorUnitsIsExactOrThrows() {
    assertThat(Money.of("10.99", "USD").toMinorUnits()).isEqualTo(1099);
    assertThat(Money.of("10.990000", "USD").toMinorUnits()).isEqualTo(1099);
    assertThat(Money.of("1E+2", "JPY").toMinorUnits()).isEqualTo(100);
    assertThatThrownBy(() -> Money.of("10.005", "USD").toMinorUnits())
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("10.005 USD")
        .hasMessageContaining("not a whole number");
    assertThatThrownBy(() -> Money.of("1.5", "JPY").toMinorUnits())
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void toMinorUnitsWithANonDecimalFactor() {
    // One ouguiya (MRO) is five khoums.
    assertThat(Money.of("3.2", "MRO").toMinorUnits(5)).isEqualTo(16);
    assertThatThrownBy(() -> Money.of("3.1", "MRO").toMinorUnits(5))
        .isInstanceOf(ArithmeticException.class);
    assertThat(Money.ofMinor(16, Currency.getInstance("MRO"), 5)).isEqualTo(Money.of("3.2", "MRO"));
    assertThatThrownBy(() -> Money.of("1", "USD").toMinorUnits(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void overflowIsAnErrorNotAWrap() {
    Money huge = Money.of(new BigDecimal("92233720368547758.08"), "USD");
    assertThatThrownBy(huge::toMinorUnits)
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("does not fit");
  }

  @Test
  void rejectsGarbage() {
    assertThatThrownBy(() -> Money.of("ten", "USD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ten");
    assertThatThrownBy(() -> Money.of("1", "XYZ1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XYZ1");
    assertThatThrownBy(() -> Money.ofMinor(1, "XAU"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no minor unit");
  }

  @Test
  void moreEdges() {
    assertThat(Money.of(new java.math.BigDecimal("2.5"), Currency.getInstance("EUR")).currency())
        .isEqualTo(Currency.getInstance("EUR"));
    assertThat(Money.of(new java.math.BigDecimal("0"), "EUR").toMinorUnits(100)).isZero();
    assertThatThrownBy(() -> Money.of("1", "USD").compareTo(Money.of("1", "EUR")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.ofMinor(1, Currency.getInstance("USD"), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.ofMinor(1, Currency.getInstance("USD"), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exact");
    assertThatThrownBy(() -> Money.of("1", "XAU").toMinorUnits())
        .isInstanceOf(ArithmeticException.class);
    assertThat(Money.of(" 3 ", " USD ")).isEqualTo(Money.of("3.00", "USD"));
    assertThat(Money.of("1", "USD")).isNotEqualTo("1 USD");
  }

  @Test
  void anAmountWhoseRenderingWouldNotBeBoundedIsRefusedWhenMade() {
    assertThatThrownBy(() -> Money.of("1e999999999", "USD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> Money.of(new BigDecimal("1E-999999999"), "USD"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of("9".repeat(700_000), "USD"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Money.of("1e63", "USD").amount().toPlainString()).hasSize(64);
  }
}
