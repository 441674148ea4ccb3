package io.payclient.lago;

import io.payclient.core.Money;
import io.payclient.core.RequestValidationException;
import io.payclient.core.internal.Violations;
import io.payclient.core.internal.WireName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Lago's create-payment input ({@code POST /payments}): records a manual payment against an
 * invoice. Immutable; {@link Builder#build()} checks every rule before anything is sent.
 *
 * <pre>{@code
 * LagoPaymentCreateRequest request = LagoPaymentCreateRequest.builder()
 *     .invoiceId("486b147a-02a1-4ccf-8603-f3541fc25e7a")
 *     .amount(Money.of("10.99", "USD"))        // or .amountCents(1099)
 *     .reference("order-1042")
 *     .paidAt(LocalDate.of(2025, 2, 20))
 *     .build();
 * }</pre>
 *
 * <p><b>The reference is Lago's de-duplication key.</b> Lago has no idempotency: two identical
 * posts create two payments. After an ambiguous failure the SDK looks for a payment on the same
 * invoice with the same reference and amount before it sends again, so use a reference that is
 * unique per intended payment.
 */
public final class LagoPaymentCreateRequest {
  /** Lago's limit on {@code reference}. */
  public static final int MAX_REFERENCE_LENGTH = 40;

  @WireName("invoice_id")
  @NotBlank
  private final @Nullable String invoiceId;

  @WireName("amount_cents")
  @Positive
  private final long amountCents;

  @WireName("reference")
  @NotNull
  @Size(min = 1, max = MAX_REFERENCE_LENGTH, message = "must be 1 to {max} characters")
  private final @Nullable String reference;

  private final @Nullable LocalDate paidAt;
  private final @Nullable Money amount;

  private LagoPaymentCreateRequest(Builder b, long amountCents) {
    this.invoiceId = b.invoiceId;
    this.amountCents = amountCents;
    this.reference = b.reference;
    this.paidAt = b.paidAt;
    this.amount = b.amount;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder with this request's fields. */
  public Builder toBuilder() {
    Builder b = new Builder().invoiceId(invoiceId).reference(reference).paidAt(paidAt);
    return amount != null ? b.amount(amount) : b.amountCents(amountCents);
  }

  /** {@code invoice_id}: the Lago id of the invoice being paid. */
  public String invoiceId() {
    return Objects.requireNonNull(invoiceId);
  }

  /** {@code amount_cents}: the amount in the invoice currency's Lago minor units. */
  public long amountCents() {
    return amountCents;
  }

  /** {@code reference}: 1 to 40 characters; Lago's de-duplication key for this SDK. */
  public String reference() {
    return Objects.requireNonNull(reference);
  }

  /** {@code paid_at}: the date the payment was made, if given. */
  public Optional<LocalDate> paidAt() {
    return Optional.ofNullable(paidAt);
  }

  /** The money the amount was given as, if it was given with {@link Builder#amount(Money)}. */
  public Optional<Money> amount() {
    return Optional.ofNullable(amount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LagoPaymentCreateRequest r
        && amountCents == r.amountCents
        && Objects.equals(invoiceId, r.invoiceId)
        && Objects.equals(reference, r.reference)
        && Objects.equals(paidAt, r.paidAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(invoiceId, amountCents, reference, paidAt);
  }

  @Override
  public String toString() {
    return "LagoPaymentCreateRequest{invoiceId="
        + invoiceId
        + ", amountCents="
        + amountCents
        + (amount != null ? " (" + amount + ")" : "")
        + ", reference="
        + reference
        + ", paidAt="
        + paidAt
        + '}';
  }

  /** Builds a {@link LagoPaymentCreateRequest}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String invoiceId;
    private @Nullable Long amountCents;
    private @Nullable Money amount;
    private @Nullable String reference;
    private @Nullable LocalDate paidAt;

    private Builder() {}

    /** Required: the Lago id of the invoice. */
    public Builder invoiceId(@Nullable String invoiceId) {
      this.invoiceId = invoiceId;
      return this;
    }

    /**
     * The amount in Lago minor units of the invoice currency (Lago's {@code amount_cents}: cents
     * for USD, whole yen for JPY, whole forints for HUF). Replaces an {@link #amount(Money)}.
     */
    public Builder amountCents(long amountCents) {
      this.amountCents = amountCents;
      this.amount = null;
      return this;
    }

    /**
     * The amount as money; converted exactly with {@link LagoCurrencies}. Its currency must be the
     * invoice's: Lago takes the currency from the invoice and the SDK cannot check it without an
     * extra request. Replaces an {@link #amountCents(long)}.
     */
    public Builder amount(@Nullable Money amount) {
      this.amount = amount;
      this.amountCents = null;
      return this;
    }

    /** Required: 1 to 40 characters, unique per intended payment. */
    public Builder reference(@Nullable String reference) {
      this.reference = reference;
      return this;
    }

    /** The date the payment was made. */
    public Builder paidAt(@Nullable LocalDate paidAt) {
      this.paidAt = paidAt;
      return this;
    }

    /**
     * Checks every rule and returns the request.
     *
     * @throws RequestValidationException listing every broken rule by wire field: {@code
     *     invoice_id} missing, {@code amount_cents} missing, not positive or not a whole number of
     *     minor units, {@code reference} missing or longer than 40 characters
     */
    public LagoPaymentCreateRequest build() {
      String amountError = null;
      long cents = 0;
      if (amount != null) {
        try {
          cents = LagoCurrencies.toAmountCents(amount);
        } catch (IllegalArgumentException e) {
          amountError = e.getMessage();
        } catch (ArithmeticException e) {
          amountError =
              amount
                  + " is not a whole number of Lago minor units ("
                  + LagoCurrencies.subunitToUnit(amount.currencyCode()).orElse(0)
                  + " per "
                  + amount.currencyCode()
                  + "); PayClient never rounds";
        }
      } else if (amountCents != null) {
        cents = amountCents;
      } else {
        amountError = "is required: set amountCents(...) or amount(Money)";
      }
      LagoPaymentCreateRequest request = new LagoPaymentCreateRequest(this, cents);
      Violations v = new Violations(LagoClient.VENDOR);
      if (amountError != null) {
        v.add("amount_cents", amountError).validate(request, "amount_cents");
      } else {
        v.validate(request);
      }
      v.throwIfAny();
      return request;
    }
  }
}
