package io.payclient.lago;

import io.payclient.core.Money;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The currencies Lago accepts and how many {@code amount_cents} make one unit of each.
 *
 * <p>Lago follows the Ruby {@code money} gem's table (version 7.0.2), which differs from ISO 4217
 * and {@link Currency#getDefaultFractionDigits()} for three codes: <b>HUF</b> counts whole forints
 * (factor 1, ISO says 2 digits), <b>MGA</b> whole ariary (factor 1), and <b>MRO</b> counts khoums,
 * five to the ouguiya (factor 5, not a power of ten). {@code 3.2 MRO} is 16 {@code amount_cents}.
 */
public final class LagoCurrencies {
  private static final Map<String, Long> SUBUNIT_TO_UNIT =
      parse(
          ""
              + "AED:100,AFN:100,ALL:100,AMD:100,ANG:100,AOA:100,ARS:100,AUD:100,AWG:100,AZN:100,"
              + "BAM:100,BBD:100,BDT:100,BGN:100,BIF:1,BMD:100,BND:100,BOB:100,BRL:100,BSD:100,"
              + "BWP:100,BYN:100,BZD:100,CAD:100,CDF:100,CHF:100,CLF:10000,CLP:1,CNY:100,COP:100,"
              + "CRC:100,CVE:100,CZK:100,DJF:1,DKK:100,DOP:100,DZD:100,EGP:100,ETB:100,EUR:100,"
              + "FJD:100,FKP:100,GBP:100,GEL:100,GHS:100,GIP:100,GMD:100,GNF:1,GTQ:100,GYD:100,"
              + "HKD:100,HNL:100,HRK:100,HTG:100,HUF:1,IDR:100,ILS:100,INR:100,ISK:1,JMD:100,"
              + "JPY:1,KES:100,KGS:100,KHR:100,KMF:1,KRW:1,KYD:100,KZT:100,LAK:100,LBP:100,"
              + "LKR:100,LRD:100,LSL:100,MAD:100,MDL:100,MGA:1,MKD:100,MMK:100,MNT:100,MOP:100,"
              + "MRO:5,MUR:100,MVR:100,MWK:100,MXN:100,MYR:100,MZN:100,NAD:100,NGN:100,NIO:100,"
              + "NOK:100,NPR:100,NZD:100,PAB:100,PEN:100,PGK:100,PHP:100,PKR:100,PLN:100,PYG:1,"
              + "QAR:100,RON:100,RSD:100,RUB:100,RWF:1,SAR:100,SBD:100,SCR:100,SEK:100,SGD:100,"
              + "SHP:100,SLL:100,SOS:100,SRD:100,STD:100,SZL:100,THB:100,TJS:100,TOP:100,TRY:100,"
              + "TTD:100,TWD:100,TZS:100,UAH:100,UGX:1,USD:100,UYU:100,UZS:100,VND:1,VUV:1,"
              + "WST:100,XAF:1,XCD:100,XOF:1,XPF:1,YER:100,ZAR:100,ZMW:100,BHD:1000,IRR:100,"
              + "JOD:1000,KWD:1000");

  private LagoCurrencies() {}

  /** The codes Lago accepts (the OpenAPI enum plus BHD, IRR, JOD, KWD, which the server takes). */
  public static Set<String> codes() {
    return SUBUNIT_TO_UNIT.keySet();
  }

  /** How many {@code amount_cents} make one unit of the currency, if Lago accepts it. */
  public static OptionalLong subunitToUnit(String currencyCode) {
    Long f = SUBUNIT_TO_UNIT.get(currencyCode);
    return f == null ? OptionalLong.empty() : OptionalLong.of(f);
  }

  /**
   * Converts money to Lago's {@code amount_cents}, exactly.
   *
   * @throws IllegalArgumentException if Lago does not accept the currency
   * @throws ArithmeticException if the amount is not a whole number of Lago minor units (10.005
   *     USD, 1.5 HUF, 3.1 MRO) or does not fit a {@code long}; never rounds
   */
  public static long toAmountCents(Money money) {
    OptionalLong f = subunitToUnit(money.currencyCode());
    if (f.isEmpty()) {
      throw new IllegalArgumentException("Lago does not accept currency " + money.currencyCode());
    }
    return money.toMinorUnits(f.getAsLong());
  }

  /**
   * Converts Lago's {@code amount_cents} to money.
   *
   * @throws IllegalArgumentException if the currency is unknown to Lago or to Java
   */
  public static Money fromAmountCents(long amountCents, String currencyCode) {
    OptionalLong f = subunitToUnit(currencyCode);
    if (f.isEmpty()) {
      throw new IllegalArgumentException("Lago does not accept currency " + currencyCode);
    }
    return Money.ofMinor(amountCents, Currency.getInstance(currencyCode), f.getAsLong());
  }

  private static Map<String, Long> parse(String table) {
    Map<String, Long> map = new HashMap<>();
    for (String entry : table.split(",")) {
      int colon = entry.indexOf(':');
      map.put(entry.substring(0, colon), Long.parseLong(entry.substring(colon + 1)));
    }
    return Map.copyOf(map);
  }
}
