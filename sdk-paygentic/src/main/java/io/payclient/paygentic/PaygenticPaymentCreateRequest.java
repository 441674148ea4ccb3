package io.payclient.paygentic;

import io.payclient.core.Money;
import io.payclient.core.RequestValidationException;
import io.payclient.core.internal.Json;
import io.payclient.core.internal.Secrets;
import io.payclient.core.internal.Violations;
import io.payclient.core.internal.WireName;
import io.payclient.paygentic.internal.PaygenticJson;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Paygentic's create-payment input ({@code POST /v0/payments}): a one-off charge the customer pays
 * at the returned {@code paymentUrl}. Immutable; {@link Builder#build()} checks every documented
 * rule before anything is sent.
 *
 * <pre>{@code
 * PaygenticPaymentCreateRequest request = PaygenticPaymentCreateRequest.builder()
 *     .amount(Money.of("49.99", "USD"))            // or .amount("49.99").currency("USD")
 *     .reference("ORD-12345")
 *     .successRedirectUrl(URI.create("https://yourapp.com/success"))
 *     .expiresIn(Duration.ofDays(7))               // sent as "P7D"
 *     .addLineItem(PaygenticLineItem.of("Pro Widget", "39.99", 1))
 *     .addLineItem(PaygenticLineItem.of("Shipping", "10.00", 1))
 *     .build();
 * }</pre>
 *
 * <p><b>Amounts.</b> A string amount is sent exactly as given and must match {@code
 * ^\d+(\.\d{1,2})?$}. A {@link Money} amount is sent with exactly two decimals ({@code 10.5 USD} →
 * {@code "10.50"}, {@code 10 USD} → {@code "10.00"}), the form of Paygentic's examples; a Money
 * with a fraction of a cent ({@code 10.505}) is refused, never rounded.
 *
 * <p><b>Idempotency.</b> Every create carries an {@code idempotencyKey}: the one in {@link
 * io.payclient.core.RequestOptions} wins over this request's, and when neither is set the SDK
 * generates a UUID. Paygentic answers a repeated key with the existing payment (HTTP 200, {@link
 * PaygenticPayment#replayed()} true).
 */
public final class PaygenticPaymentCreateRequest {
  /** The currencies Paygentic accepts. */
  public static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "AUD");

  /** The smallest amount Paygentic accepts, {@code 1.00}. */
  public static final BigDecimal MIN_AMOUNT = new BigDecimal("1.00");

  /** The largest amount Paygentic accepts without a raised limit, {@code 5000.00}. */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("5000.00");

  /** Paygentic's limit on {@code idempotencyKey}. */
  public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

  /** Paygentic's limit on {@code reference}. */
  public static final int MAX_REFERENCE_LENGTH = 255;

  /** Paygentic's limit on the number of {@code lineItems}. */
  public static final int MAX_LINE_ITEMS = 100;

  /** The longest {@code expiresIn} Paygentic accepts, {@code P31D}. */
  public static final Duration MAX_EXPIRES_IN = Duration.ofDays(31);

  /** The wire format of {@code amount} and line item amounts. */
  static final Pattern DECIMAL = Pattern.compile("^\\d+(\\.\\d{1,2})?$");

  /**
   * Whether {@code text} matches {@link #DECIMAL} (ASCII digits, then at most one dot and one or
   * two digits), without running the regular expression on every build.
   */
  static boolean isDecimal(String text) {
    int n = text.length();
    int i = 0;
    while (i < n && isAsciiDigit(text.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    if (i == n) {
      return true;
    }
    int fraction = n - i - 1;
    if (text.charAt(i) != '.' || fraction < 1 || fraction > 2) {
      return false;
    }
    for (int j = i + 1; j < n; j++) {
      if (!isAsciiDigit(text.charAt(j))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private final String amount;
  private final @Nullable Money money;
  private final String currency;
  private final @Nullable String merchantId;
  private final @Nullable String customerId;

  @WireName("idempotencyKey")
  @Size(max = MAX_IDEMPOTENCY_KEY_LENGTH, message = "must be at most {max} characters")
  private final @Nullable String idempotencyKey;

  @WireName("reference")
  @Size(max = MAX_REFERENCE_LENGTH, message = "must be at most {max} characters")
  private final @Nullable String reference;

  private final Map<String, String> metadata;

  @WireName("lineItems")
  @Size(max = MAX_LINE_ITEMS, message = "must have at most {max} items")
  private final List<PaygenticLineItem> lineItems;

  private final @Nullable URI successRedirectUrl;
  private final @Nullable URI failureRedirectUrl;
  private final @Nullable Boolean savePaymentMethod;
  private final @Nullable Duration expiresIn;

  private PaygenticPaymentCreateRequest(Builder b, String amount, String currency) {
    this.amount = amount;
    this.money = b.money;
    this.currency = currency;
    this.merchantId = b.merchantId;
    this.customerId = b.customerId;
    this.idempotencyKey = b.idempotencyKey;
    this.reference = b.reference;
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    this.lineItems = List.copyOf(b.lineItems);
    this.successRedirectUrl = b.successRedirectUrl;
    this.failureRedirectUrl = b.failureRedirectUrl;
    this.savePaymentMethod = b.savePaymentMethod;
    this.expiresIn = b.expiresIn;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder with this request's fields. */
  public Builder toBuilder() {
    Builder b = new Builder();
    if (money != null) {
      b.amount(money);
    } else {
      b.amount(amount).currency(currency);
    }
    return b.merchantId(merchantId)
        .customerId(customerId)
        .idempotencyKey(idempotencyKey)
        .reference(reference)
        .metadata(metadata)
        .lineItems(lineItems)
        .successRedirectUrl(successRedirectUrl)
        .failureRedirectUrl(failureRedirectUrl)
        .savePaymentMethod(savePaymentMethod)
        .expiresIn(expiresIn);
  }

  /** {@code amount}: the decimal string sent, such as {@code "10.50"}. */
  public String amount() {
    return amount;
  }

  /** The amount and currency as money (exact). */
  public Money money() {
    return money != null ? money : Money.of(amount, currency);
  }

  /** {@code currency}: USD, EUR, GBP or AUD. */
  public String currency() {
    return currency;
  }

  /** {@code merchantId}; when absent the client's default merchant id, if any, is sent. */
  public Optional<String> merchantId() {
    return Optional.ofNullable(merchantId);
  }

  /** {@code customerId}. */
  public Optional<String> customerId() {
    return Optional.ofNullable(customerId);
  }

  /** {@code idempotencyKey}; when absent the SDK generates one per create. */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /** {@code reference}. */
  public Optional<String> reference() {
    return Optional.ofNullable(reference);
  }

  /** {@code metadata}; empty when none (and then not sent). */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** {@code lineItems}; empty when none (and then not sent). */
  public List<PaygenticLineItem> lineItems() {
    return lineItems;
  }

  /** {@code successRedirectUrl}. */
  public Optional<URI> successRedirectUrl() {
    return Optional.ofNullable(successRedirectUrl);
  }

  /** {@code failureRedirectUrl}. */
  public Optional<URI> failureRedirectUrl() {
    return Optional.ofNullable(failureRedirectUrl);
  }

  /** {@code savePaymentMethod}; sent only when set (Paygentic's default is {@code false}). */
  public Optional<Boolean> savePaymentMethod() {
    return Optional.ofNullable(savePaymentMethod);
  }

  /** {@code expiresIn}; sent as ISO-8601 ({@code P7D}, {@code PT1H}); Paygentic's default P30D. */
  public Optional<Duration> expiresIn() {
    return Optional.ofNullable(expiresIn);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaygenticPaymentCreateRequest r
        && amount.equals(r.amount)
        && currency.equals(r.currency)
        && Objects.equals(merchantId, r.merchantId)
        && Objects.equals(customerId, r.customerId)
        && Objects.equals(idempotencyKey, r.idempotencyKey)
        && Objects.equals(reference, r.reference)
        && metadata.equals(r.metadata)
        && lineItems.equals(r.lineItems)
        && Objects.equals(successRedirectUrl, r.successRedirectUrl)
        && Objects.equals(failureRedirectUrl, r.failureRedirectUrl)
        && Objects.equals(savePaymentMethod, r.savePaymentMethod)
        && Objects.equals(expiresIn, r.expiresIn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        amount,
        currency,
        merchantId,
        customerId,
        idempotencyKey,
        reference,
        metadata,
        lineItems,
        successRedirectUrl,
        failureRedirectUrl,
        savePaymentMethod,
        expiresIn);
  }

  @Override
  public String toString() {
    return "PaygenticPaymentCreateRequest{amount="
        + amount
        + ", currency="
        + currency
        + ", merchantId="
        + merchantId
        + ", customerId="
        + customerId
        + ", idempotencyKey="
        + idempotencyKey
        + ", reference="
        + reference
        + ", metadata="
        + metadata
        + ", lineItems="
        + lineItems
        + ", successRedirectUrl="
        + successRedirectUrl
        + ", failureRedirectUrl="
        + failureRedirectUrl
        + ", savePaymentMethod="
        + savePaymentMethod
        + ", expiresIn="
        + expiresIn
        + '}';
  }

  /** Builds a {@link PaygenticPaymentCreateRequest}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String amount;
    private @Nullable Money money;
    private @Nullable String currency;
    private @Nullable String merchantId;
    private @Nullable String customerId;
    private @Nullable String idempotencyKey;
    private @Nullable String reference;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<PaygenticLineItem> lineItems = new ArrayList<>();
    private @Nullable URI successRedirectUrl;
    private @Nullable URI failureRedirectUrl;
    private @Nullable Boolean savePaymentMethod;
    private @Nullable Duration expiresIn;

    private Builder() {}

    /**
     * Required (or {@link #amount(String)}): the amount as money. Its currency is the request's
     * {@code currency} unless {@link #currency(String)} is also set (then they must agree). Sent
     * with exactly two decimals ({@code 10.5} → {@code "10.50"}); a fraction of a cent is refused
     * by {@link #build()}, never rounded. Replaces an {@link #amount(String)}.
     */
    public Builder amount(@Nullable Money amount) {
      this.money = amount;
      this.amount = null;
      return this;
    }

    /**
     * Required (or {@link #amount(Money)}): the amount as Paygentic's decimal string, sent exactly
     * as given: {@code "10.50"}, {@code "10.5"} or {@code "10"}, between 1.00 and 5000.00. Needs
     * {@link #currency(String)}. Replaces an {@link #amount(Money)}.
     */
    public Builder amount(@Nullable String amount) {
      this.amount = amount;
      this.money = null;
      return this;
    }

    /** {@code currency}: USD, EUR, GBP or AUD; taken from the Money amount when not set. */
    public Builder currency(@Nullable String currency) {
      this.currency = currency;
      return this;
    }

    /**
     * {@code merchantId}: the merchant organisation; required by Paygentic when the key is not
     * scoped to one merchant. When not set, the client's default ({@link
     * PaygenticClient.Builder#merchantId(String)}) is sent.
     */
    public Builder merchantId(@Nullable String merchantId) {
      this.merchantId = merchantId;
      return this;
    }

    /** {@code customerId}: a customer of this merchant; required to save the payment method. */
    public Builder customerId(@Nullable String customerId) {
      this.customerId = customerId;
      return this;
    }

    /**
     * {@code idempotencyKey}: at most 255 printable ASCII characters. A {@link
     * io.payclient.core.RequestOptions} key wins over it; when neither is set a UUID is generated.
     */
    public Builder idempotencyKey(@Nullable String idempotencyKey) {
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /** {@code reference}: your reference (order id, invoice number), at most 255 characters. */
    public Builder reference(@Nullable String reference) {
      this.reference = reference;
      return this;
    }

    /**
     * Adds one {@code metadata} entry.
     *
     * @throws NullPointerException if the key or value is null
     */
    public Builder putMetadata(String key, String value) {
      metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Replaces all {@code metadata}; {@code null} clears it.
     *
     * @throws NullPointerException if a key or value is null
     */
    public Builder metadata(@Nullable Map<String, String> metadata) {
      this.metadata.clear();
      if (metadata != null) {
        metadata.forEach(this::putMetadata);
      }
      return this;
    }

    /**
     * Adds one of the {@code lineItems} (at most 100).
     *
     * @throws NullPointerException if the item is null
     */
    public Builder addLineItem(PaygenticLineItem item) {
      lineItems.add(Objects.requireNonNull(item, "lineItem"));
      return this;
    }

    /**
     * Replaces all {@code lineItems}; {@code null} clears them.
     *
     * @throws NullPointerException if an item is null
     */
    public Builder lineItems(@Nullable List<PaygenticLineItem> items) {
      lineItems.clear();
      if (items != null) {
        items.forEach(this::addLineItem);
      }
      return this;
    }

    /** {@code successRedirectUrl}: an absolute http(s) URL. */
    public Builder successRedirectUrl(@Nullable URI url) {
      this.successRedirectUrl = url;
      return this;
    }

    /** {@code failureRedirectUrl}: an absolute http(s) URL. */
    public Builder failureRedirectUrl(@Nullable URI url) {
      this.failureRedirectUrl = url;
      return this;
    }

    /** {@code savePaymentMethod}: {@code true} needs a {@code customerId}. Sent only when set. */
    public Builder savePaymentMethod(@Nullable Boolean save) {
      this.savePaymentMethod = save;
      return this;
    }

    /**
     * {@code expiresIn}: how long the payment can be paid; positive, whole seconds, at most 31
     * days. Written in ISO-8601 with whole days as days: 7 days → {@code P7D}, 1 hour → {@code
     * PT1H}, 1 day 2 hours → {@code P1DT2H}.
     */
    public Builder expiresIn(@Nullable Duration expiresIn) {
      this.expiresIn = expiresIn;
      return this;
    }

    /**
     * Checks every rule and returns the request.
     *
     * @throws RequestValidationException listing every broken rule by wire field: {@code amount}
     *     missing, not matching {@code ^\d+(\.\d{1,2})?$} or outside 1.00–5000.00; {@code currency}
     *     missing, not USD/EUR/GBP/AUD or different from the Money's; {@code merchantId}/{@code
     *     customerId} blank; {@code idempotencyKey} blank, over 255 characters or not printable
     *     ASCII; {@code reference} over 255 characters; over 100 {@code lineItems}, or {@code
     *     lineItems[i].description}/{@code .amount}/{@code .quantity} broken; a redirect URL not
     *     absolute http(s); {@code savePaymentMethod} true without {@code customerId}; {@code
     *     expiresIn} not positive, not whole seconds or over P31D
     */
    public PaygenticPaymentCreateRequest build() {
      Violations v = new Violations(PaygenticClient.VENDOR);
      String wireAmount = amount;
      BigDecimal exact = null; // the amount's value, when Money gave it (not parsed again)
      if (money != null) {
        try {
          exact = money.amount().setScale(2, RoundingMode.UNNECESSARY);
          wireAmount = exact.toPlainString();
        } catch (ArithmeticException e) {
          wireAmount = null;
          v.add("amount", money + " has a fraction of a cent; PayClient never rounds");
        }
      } else if (amount == null) {
        v.add("amount", "is required: set amount(Money) or amount(\"10.50\") with currency(...)");
      }
      if (wireAmount != null) {
        checkDecimal(v, "amount", wireAmount, exact, true);
      }

      String wireCurrency =
          currency != null ? currency : money != null ? money.currencyCode() : null;
      if (wireCurrency == null) {
        v.add("currency", "is required: set currency(\"USD\") or give the amount as Money");
      } else if (!CURRENCIES.contains(wireCurrency)) {
        v.add(
            "currency",
            "must be one of "
                + String.join(", ", CURRENCIES)
                + " (was "
                + clip(wireCurrency)
                + ")");
      } else if (money != null && !wireCurrency.equals(money.currencyCode())) {
        v.add("currency", "is " + wireCurrency + " but the amount is " + money);
      }

      notBlank(v, "merchantId", merchantId);
      notBlank(v, "customerId", customerId);
      if (idempotencyKey != null) {
        v.require(!idempotencyKey.isBlank(), "idempotencyKey", "must not be blank");
        v.require(
            Secrets.isPrintableAscii(idempotencyKey),
            "idempotencyKey",
            "must contain only printable ASCII characters (no control characters)");
      }

      for (int i = 0; i < lineItems.size(); i++) {
        PaygenticLineItem item = lineItems.get(i);
        String at = "lineItems[" + i + "].";
        if (item.description() == null || item.description().isBlank()) {
          v.add(at + "description", "is required");
        }
        if (item.amount() == null) {
          v.add(at + "amount", "is required");
        } else {
          checkDecimal(v, at + "amount", item.amount(), null, false);
        }
        if (item.quantity() != null && item.quantity() < 1) {
          v.add(at + "quantity", "must be at least 1 (was " + item.quantity() + ")");
        }
      }

      checkUrl(v, "successRedirectUrl", successRedirectUrl);
      checkUrl(v, "failureRedirectUrl", failureRedirectUrl);
      v.require(
          !Boolean.TRUE.equals(savePaymentMethod) || (customerId != null && !customerId.isBlank()),
          "savePaymentMethod",
          "true requires customerId: Paygentic saves the payment method on a customer");

      if (expiresIn != null) {
        if (expiresIn.isNegative() || expiresIn.isZero()) {
          v.add("expiresIn", "must be positive (was " + expiresIn + ")");
        } else if (expiresIn.compareTo(MAX_EXPIRES_IN) > 0) {
          v.add(
              "expiresIn",
              "must be at most P31D (31 days) (was " + PaygenticJson.isoDuration(expiresIn) + ")");
        } else if (expiresIn.toNanosPart() != 0) {
          v.add("expiresIn", "must be a whole number of seconds (was " + expiresIn + ")");
        }
      }

      PaygenticPaymentCreateRequest request =
          new PaygenticPaymentCreateRequest(
              this, wireAmount == null ? "" : wireAmount, wireCurrency == null ? "" : wireCurrency);
      v.validate(request);
      v.throwIfAny();
      return request;
    }

    /** Longer decimal strings are refused before they are parsed. */
    private static final int MAX_DECIMAL_CHARS = 32;

    /**
     * Checks a decimal's text, and with {@code range} its value (taken from {@code value} when the
     * caller has it, else parsed from the text once the text is known to be a decimal).
     */
    private static void checkDecimal(
        Violations v, String field, String text, @Nullable BigDecimal value, boolean range) {
      if (text.length() > MAX_DECIMAL_CHARS) {
        v.add(
            field,
            "must be at most " + MAX_DECIMAL_CHARS + " characters; was \"" + clip(text) + "\"");
        return;
      }
      if (!isDecimal(text)) {
        v.add(
            field,
            "must be a decimal string with at most 2 decimal places, like \"10.50\" (pattern"
                + " ^\\d+(\\.\\d{1,2})?$); was \""
                + clip(text)
                + "\"; PayClient never rounds");
        return;
      }
      if (!range) {
        return;
      }
      BigDecimal amount = value != null ? value : Json.decimal(text);
      if (amount.compareTo(MIN_AMOUNT) < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
        v.add(field, "must be between 1.00 and 5000.00 (was " + text + ")");
      }
    }

    private static void checkUrl(Violations v, String field, @Nullable URI url) {
      if (url == null) {
        return;
      }
      String scheme = url.getScheme() == null ? "" : url.getScheme();
      if (!url.isAbsolute()
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || url.getHost() == null) {
        v.add(field, "must be an absolute http(s) URL (was " + clip(url.toString()) + ")");
      }
    }

    private static void notBlank(Violations v, String field, @Nullable String value) {
      v.require(value == null || !value.isBlank(), field, "must not be blank when set");
    }

    private static String clip(String s) {
      return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
  }
}
