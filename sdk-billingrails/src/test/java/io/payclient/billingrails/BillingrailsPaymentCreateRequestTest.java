package io.payclient.billingrails;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.FieldError;
import io.payclient.core.RequestValidationException;
import io.payclient.core.internal.Validation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BillingrailsPaymentCreateRequestTest {
  private static final Instant PAID = Instant.parse("2025-02-14T17:33:40Z");

  private static BillingrailsPaymentCreateRequest.Builder valid() {
    return BillingrailsPaymentCreateRequest.builder()
        .accountId("acc_1")
        .referenceId("PAY-REF-001")
        .invoiceId("inv_1");
  }

  private static BillingrailsPaymentCreateRequest.Builder online() {
    return valid().mode(BillingrailsPaymentMode.ONLINE);
  }

  static RequestValidationException invalid(BillingrailsPaymentCreateRequest.Builder b) {
    try {
      b.build();
    } catch (RequestValidationException e) {
      assertThat(e.vendor()).isEqualTo("billingrails");
      assertThat(e.attempts()).isZero();
      assertThat(e.outcomeUnknown()).isFalse();
      assertThat(e.getMessage()).contains("nothing was sent");
      return e;
    }
    throw new AssertionError("expected a RequestValidationException");
  }

  @Test
  void buildsAValidOfflineRequestWithDefaults() {
    BillingrailsPaymentCreateRequest r = valid().succeededAt(PAID).build();
    assertThat(r.mode()).isEqualTo(BillingrailsPaymentMode.OFFLINE);
    assertThat(r.accountId()).isEqualTo("acc_1");
    assertThat(r.referenceId()).isEqualTo("PAY-REF-001");
    assertThat(r.invoiceId()).contains("inv_1");
    assertThat(r.succeededAt()).contains(PAID);
    assertThat(r.integrationId()).isEmpty();
    assertThat(r.paymentMethodId()).isEmpty();
    assertThat(r.paymentRequestId()).isEmpty();
    assertThat(r.creditGrantId()).isEmpty();
    assertThat(r.orderId()).isEmpty();
    assertThat(r.idempotencyKey()).isEmpty();
    assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
    assertThat(r.toString()).contains("mode=offline", "accountId=acc_1", "invoiceId=inv_1");
  }

  @Test
  void eachTargetKindIsAccepted() {
    BillingrailsPaymentCreateRequest.Builder base =
        BillingrailsPaymentCreateRequest.builder().accountId("a").referenceId("r");
    assertThat(base.invoiceId(null).paymentRequestId("preq_1").build().paymentRequestId())
        .contains("preq_1");
    assertThat(base.paymentRequestId(null).creditGrantId("cg_1").build().creditGrantId())
        .contains("cg_1");
    assertThat(base.creditGrantId(null).orderId("ord_1").build().orderId()).contains("ord_1");
  }

  @Test
  void onlineNeedsAnIntegrationOrAPaymentMethod() {
    assertThat(online().integrationId("int_1").build().integrationId()).contains("int_1");
    assertThat(online().paymentMethodId("pm_1").build().paymentMethodId()).contains("pm_1");
    RequestValidationException e = invalid(online());
    assertThat(e.violations())
        .containsExactly(
            FieldError.of(
                "integration_id", "an online payment needs integration_id or payment_method_id"));
  }

  @Test
  void succeededAtIsForOfflineOnly() {
    RequestValidationException e = invalid(online().integrationId("int_1").succeededAt(PAID));
    assertThat(e.violations()).extracting(FieldError::field).containsExactly("succeeded_at");
    assertThat(e.violations().get(0).message()).contains("offline payments only");
  }

  @Test
  void accountAndReferenceAreRequired() {
    RequestValidationException missing = invalid(valid().accountId(null).referenceId(null));
    assertThat(missing.violations())
        .containsExactly(
            FieldError.of("account_id", "must not be blank"),
            FieldError.of("reference_id", "must not be blank"));
    assertThat(invalid(valid().accountId("  ")).violations())
        .extracting(FieldError::field)
        .containsExactly("account_id");
    assertThat(invalid(valid().referenceId("")).violations())
        .extracting(FieldError::field)
        .containsExactly("reference_id");
  }

  @Test
  void exactlyOneTarget() {
    RequestValidationException none = invalid(valid().invoiceId(null));
    assertThat(none.violations()).extracting(FieldError::field).containsExactly("invoice_id");
    assertThat(none.violations().get(0).message())
        .contains("invoice_id, payment_request_id, credit_grant_id or order_id is required");

    RequestValidationException two = invalid(valid().creditGrantId("cg_1"));
    assertThat(two.violations())
        .extracting(FieldError::field)
        .containsExactly("invoice_id", "credit_grant_id");
    assertThat(two.violations().get(0).message())
        .contains("exactly one")
        .contains("got invoice_id, credit_grant_id");

    assertThat(invalid(valid().paymentRequestId("p").orderId("o")).violations())
        .extracting(FieldError::field)
        .containsExactly("invoice_id", "payment_request_id", "order_id");
  }

  @Test
  void idsMustNotBeBlank() {
    assertThat(invalid(valid().invoiceId(" ")).violations())
        .containsExactly(FieldError.of("invoice_id", "must not be blank"));
    assertThat(invalid(valid().invoiceId(null).paymentRequestId("")).violations())
        .containsExactly(FieldError.of("payment_request_id", "must not be blank"));
    assertThat(invalid(valid().invoiceId(null).creditGrantId("")).violations())
        .containsExactly(FieldError.of("credit_grant_id", "must not be blank"));
    assertThat(invalid(valid().invoiceId(null).orderId("\t")).violations())
        .containsExactly(FieldError.of("order_id", "must not be blank"));
    assertThat(invalid(online().integrationId(" ")).violations())
        .containsExactly(FieldError.of("integration_id", "must not be blank"));
    assertThat(invalid(online().paymentMethodId("")).violations())
        .containsExactly(FieldError.of("payment_method_id", "must not be blank"));
  }

  @Test
  void idempotencyKeyRules() {
    assertThat(valid().idempotencyKey("k".repeat(180)).build().idempotencyKey()).isPresent();
    assertThat(invalid(valid().idempotencyKey("k".repeat(181))).violations())
        .containsExactly(FieldError.of("Idempotency-Key", "must be at most 180 characters"));
    assertThat(invalid(valid().idempotencyKey("a\r\nX-Evil: 1")).hasViolation("Idempotency-Key"))
        .isTrue();
    assertThat(invalid(valid().idempotencyKey("clé")).hasViolation("Idempotency-Key")).isTrue();
    assertThat(invalid(valid().idempotencyKey(" ")).violations())
        .containsExactly(FieldError.of("Idempotency-Key", "must not be blank"));
  }

  @Test
  void everyViolationIsReportedAtOnce() {
    RequestValidationException e =
        invalid(
            BillingrailsPaymentCreateRequest.builder()
                .mode(BillingrailsPaymentMode.ONLINE)
                .succeededAt(PAID)
                .idempotencyKey("x".repeat(200)));
    assertThat(e.violations())
        .extracting(FieldError::field)
        .containsExactly(
            "account_id",
            "reference_id",
            "invoice_id",
            "succeeded_at",
            "integration_id",
            "Idempotency-Key");
    assertThat(e.getMessage()).contains("account_id: must not be blank");
  }

  @Test
  void constraintsAreCheckedWithoutBootstrappingHibernateValidator() {
    // The first build() must not pay Hibernate Validator's bootstrap (cold start, issue 8).
    assertThat(Validation.checkedWithoutBootstrap(BillingrailsPaymentCreateRequest.class)).isTrue();
  }
}
