package io.payclient.core;

import io.payclient.core.internal.Json;
import io.payclient.core.internal.NetworkText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money: a {@link BigDecimal} and a {@link Currency}.
 *
 * <p>{@code Money} holds any exact decimal: zero, negative, or finer than the currency's minor
 * unit. What a vendor cannot take (a non-positive amount, a fraction of its minor unit) is rejected
 * by that vendor's request builder with a {@link RequestValidationException} that names the wire
 * field. Equality is by value: {@code 3.2 MRO} equals {@code 3.20 MRO}.
 *
 * <p>Conversions to integer minor units are exact or throw {@link ArithmeticException}; PayClient
 * never rounds. {@code double} is never involved.
 *
 * <pre>{@code
 * Money price = Money.of("10.50", "USD");
 * Money same  = Money.ofMinor(1050, "USD");
 * long cents  = price.toMinorUnits();   // 1050
 * }</pre>
 */
public final class Money implements Comparable<Money> {
  private final BigDecimal amount;
  private final Currency currency;

  /** The most digits, and the largest scale of either sign, an amount may have. */
  public static final int MAX_DIGITS = 64;

  private Money(BigDecimal amount, Currency currency) {
    Objects.requireNonNull(amount, "amount");
    if (amount.precision() > MAX_DIGITS
        || amount.scale() > MAX_DIGITS
        || amount.scale() < -MAX_DIGITS) {
      // Rendering or scaling 1E+999999999 would allocate gigabytes: refuse it when it is given.
      throw new IllegalArgumentException(
          "Amount out of range: at most "
              + MAX_DIGITS
              + " digits and an exponent within ±"
              + MAX_DIGITS);
    }
    this.amount = amount;
    this.currency = Objects.requireNonNull(currency, "currency");
  }

  /**
   * Returns money of an exact decimal amount.
   *
   * @param amount a plain decimal such as {@code "10.50"} or {@code "-3"}; scientific notation is
   *     accepted as {@link BigDecimal} parses it
   * @param currencyCode an ISO 4217 code such as {@code "USD"}
   * @throws IllegalArgumentException if the amount is not a decimal number, has more than {@value
   *     #MAX_DIGITS} digits or an exponent beyond ±{@value #MAX_DIGITS}, or the currency code is
   *     unknown to {@link Currency}
   */
  public static Money of(String amount, String currencyCode) {
    Objects.requireNonNull(amount, "amount");
    BigDecimal value;
    if (amount.length() > 4 * MAX_DIGITS) {
      throw new IllegalArgumentException(
          "Amount out of range: a text of " + amount.length() + " characters");
    }
    try {
      value = Json.decimal(amount.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Not a decimal amount: '" + NetworkText.cut(amount, 40) + "'", e);
    }
    return new Money(value, currency(currencyCode));
  }

  /**
   * Returns money of an exact decimal amount; never rounds.
   *
   * @throws IllegalArgumentException if the amount has more than {@value #MAX_DIGITS} digits or a
   *     scale beyond ±{@value #MAX_DIGITS}
   */
  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  /**
   * Returns money of an exact decimal amount; never rounds.
   *
   * @throws IllegalArgumentException if the amount has more than {@value #MAX_DIGITS} digits or a
   *     scale beyond ±{@value #MAX_DIGITS}, or the currency code is unknown
   */
  public static Money of(BigDecimal amount, String currencyCode) {
    return new Money(amount, currency(currencyCode));
  }

  /**
   * Returns money from integer minor units as ISO 4217 defines them for the currency ({@code
   * Currency#getDefaultFractionDigits()}): {@code ofMinor(1050, "USD")} is 10.50 USD, {@code
   * ofMinor(1050, "JPY")} is 1050 JPY.
   *
   * @throws IllegalArgumentException if the currency code is unknown or has no minor unit defined
   *     (pseudo-currencies such as XAU)
   */
  public static Money ofMinor(long minorUnits, String currencyCode) {
    Currency currency = currency(currencyCode);
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new IllegalArgumentException(currencyCode + " has no minor unit");
    }
    return new Money(BigDecimal.valueOf(minorUnits, digits), currency);
  }

  /**
   * Returns money from integer minor units with an explicit number of minor units per major unit
   * ("subunit to unit"), for vendors whose table differs from ISO 4217: Lago counts HUF in whole
   * forints (factor 1) and MRO in khoums (factor 5).
   *
   * @throws IllegalArgumentException if {@code subunitToUnit} is not positive
   */
  public static Money ofMinor(long minorUnits, Currency currency, long subunitToUnit) {
    if (subunitToUnit <= 0) {
      throw new IllegalArgumentException("subunitToUnit must be positive: " + subunitToUnit);
    }
    int digits = powerOfTen(subunitToUnit);
    BigDecimal value =
        digits >= 0
            ? BigDecimal.valueOf(minorUnits, digits) // 1250 / 100 -> 12.50, keeping the scale
            : exactQuotient(BigDecimal.valueOf(minorUnits), BigDecimal.valueOf(subunitToUnit));
    return new Money(value, currency);
  }

  /** The exact decimal amount, with the scale it was created with. */
  public BigDecimal amount() {
    return amount;
  }

  /** The currency. */
  public Currency currency() {
    return currency;
  }

  /** The ISO 4217 code of the currency. */
  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  /** Whether the amount is greater than zero. */
  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /**
   * Converts to integer minor units as ISO 4217 defines them for the currency.
   *
   * @throws ArithmeticException if the amount has a fraction of the minor unit (10.005 USD) or does
   *     not fit in a {@code long}; never rounds
   */
  public long toMinorUnits() {
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new ArithmeticException(currencyCode() + " has no minor unit");
    }
    return toMinorUnits(BigInteger.TEN.pow(digits).longValueExact());
  }

  /**
   * Converts to integer minor units with an explicit number of minor units per major unit.
   *
   * @throws ArithmeticException if {@code amount × subunitToUnit} is not a whole number or does not
   *     fit in a {@code long}; never rounds
   * @throws IllegalArgumentException if {@code subunitToUnit} is not positive
   */
  public long toMinorUnits(long subunitToUnit) {
    if (subunitToUnit <= 0) {
      throw new IllegalArgumentException("subunitToUnit must be positive: " + subunitToUnit);
    }
    BigDecimal minor = amount.multiply(BigDecimal.valueOf(subunitToUnit));
    try {
      return minor.stripTrailingZeros().toBigIntegerExact().longValueExact();
    } catch (ArithmeticException e) {
      if (minor.signum() != 0 && minor.stripTrailingZeros().scale() > 0) {
        throw new ArithmeticException(
            this + " is not a whole number of minor units (" + subunitToUnit + " per unit)");
      }
      throw new ArithmeticException(this + " does not fit in a long of minor units");
    }
  }

  /**
   * Compares amounts of the same currency by value.
   *
   * @throws IllegalArgumentException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("Cannot compare " + this + " with " + other);
    }
    return amount.compareTo(other.amount);
  }

  /** Equal when the currencies are equal and the amounts are numerically equal (3.2 = 3.20). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Money other
        && currency.equals(other.currency)
        && amount.compareTo(other.amount) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * currency.hashCode() + amount.stripTrailingZeros().hashCode();
  }

  /** {@code "10.50 USD"}: the plain amount as given, a space, and the currency code. */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + currencyCode();
  }

  private static Currency currency(String code) {
    Objects.requireNonNull(code, "currencyCode");
    try {
      return Currency.getInstance(code.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown currency code: '" + code + "'", e);
    }
  }

  private static int powerOfTen(long n) {
    int digits = 0;
    while (n % 10 == 0) {
      n /= 10;
      digits++;
    }
    return n == 1 ? digits : -1;
  }

  private static BigDecimal exactQuotient(BigDecimal dividend, BigDecimal divisor) {
    try {
      return dividend.divide(divisor);
    } catch (ArithmeticException nonTerminating) {
      // e.g. 1 khoum = 1/5 ouguiya = 0.2 terminates; any factor 2^a·5^b terminates. Others: refuse.
      throw new IllegalArgumentException(
          "minor units / " + divisor + " has no exact decimal representation", nonTerminating);
    }
  }
}
