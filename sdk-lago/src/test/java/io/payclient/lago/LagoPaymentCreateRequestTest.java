package io.payclient.lago;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.FieldError;
import io.payclient.core.Money;
import io.payclient.core.RequestValidationException;
import io.payclient.core.internal.Validation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LagoPaymentCreateRequestTest {
  private static final String INVOICE = "486b147a-02a1-4ccf-8603-f3541fc25e7a";

  private static LagoPaymentCreateRequest.Builder valid() {
    return LagoPaymentCreateRequest.builder().invoiceId(INVOICE).amountCents(100).reference("ref1");
  }

  private static RequestValidationException invalid(LagoPaymentCreateRequest.Builder b) {
    try {
      b.build();
    } catch (RequestValidationException e) {
      assertThat(e.vendor()).isEqualTo("lago");
      assertThat(e.attempts()).isZero();
      assertThat(e.getMessage()).contains("nothing was sent");
      return e;
    }
    throw new AssertionError("expected a RequestValidationException");
  }

  @Test
  void buildsAValidRequest() {
    LagoPaymentCreateRequest r = valid().paidAt(LocalDate.of(2025, 2, 20)).build();
    assertThat(r.invoiceId()).isEqualTo(INVOICE);
    assertThat(r.amountCents()).isEqualTo(100);
    assertThat(r.reference()).isEqualTo("ref1");
    assertThat(r.paidAt()).contains(LocalDate.of(2025, 2, 20));
    assertThat(r.toBuilder().build()).isEqualTo(r);
  }

  @Test
  void referenceOfFortyOneCharactersIsRefused() {
    assertThat(valid().reference("x".repeat(40)).build().reference()).hasSize(40);
    RequestValidationException e = invalid(valid().reference("x".repeat(41)));
    assertThat(e.violations())
        .containsExactly(FieldError.of("reference", "must be 1 to 40 characters"));
  }

  @Test
  void emptyOrMissingReference() {
    assertThat(invalid(valid().reference("")).hasViolation("reference")).isTrue();
    assertThat(invalid(valid().reference(null)).violations())
        .extracting(FieldError::field)
        .containsOnly("reference");
  }

  @Test
  void zeroAndNegativeAmounts() {
    assertThat(invalid(valid().amountCents(0)).violations())
        .containsExactly(FieldError.of("amount_cents", "must be greater than 0"));
    assertThat(invalid(valid().amountCents(-5)).hasViolation("amount_cents")).isTrue();
    assertThat(invalid(valid().amount(Money.of("-1.00", "USD"))).hasViolation("amount_cents"))
        .isTrue();
  }

  @Test
  void fractionsOfTheMinorUnitAreNeverRounded() {
    RequestValidationException usd = invalid(valid().amount(Money.of("10.005", "USD")));
    assertThat(usd.violations()).hasSize(1);
    assertThat(usd.violations().get(0).field()).isEqualTo("amount_cents");
    assertThat(usd.violations().get(0).message())
        .contains("10.005 USD")
        .contains("100 per USD")
        .contains("never rounds");
    RequestValidationException huf = invalid(valid().amount(Money.of("1.5", "HUF")));
    assertThat(huf.violations().get(0).message()).contains("1 per HUF");
  }

  @Test
  void moneyIsConvertedWithLagosTable() {
    assertThat(
            valid()
                .amount(Money.of("1.5", "HUF"))
                .amount(Money.of("15", "HUF"))
                .build()
                .amountCents())
        .isEqualTo(15);
    assertThat(valid().amount(Money.of("3.2", "MRO")).build().amountCents()).isEqualTo(16);
    assertThat(valid().amount(Money.of("10.99", "USD")).build().amount())
        .contains(Money.of("10.99", "USD"));
  }

  @Test
  void currencyLagoDoesNotAccept() {
    assertThat(invalid(valid().amount(Money.of("1", "XTS"))).violations().get(0).message())
        .contains("XTS");
  }

  @Test
  void missingInvoiceAndAmountAreAllReportedAtOnce() {
    RequestValidationException e =
        invalid(LagoPaymentCreateRequest.builder().reference("x".repeat(41)));
    assertThat(e.violations())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("amount_cents", "invoice_id", "reference");
    assertThat(e.getMessage()).contains("invoice_id: must not be blank");
  }

  @Test
  void constraintsAreCheckedWithoutBootstrappingHibernateValidator() {
    // The first build() must not pay Hibernate Validator's bootstrap (cold start, issue 8).
    assertThat(Validation.checkedWithoutBootstrap(LagoPaymentCreateRequest.class)).isTrue();
  }
}
