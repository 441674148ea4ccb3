/** PayClient for Paygentic: typed client, create request, payment and listing. */
module io.payclient.paygentic {
  requires transitive io.payclient.core;
  requires com.squareup.moshi;
  requires jakarta.validation;

  exports io.payclient.paygentic;

  // Hibernate Validator reads the constraint-annotated fields of the request types.
  opens io.payclient.paygentic to
      org.hibernate.validator;

  provides io.payclient.core.spi.PaymentsClientProvider with
      io.payclient.paygentic.internal.PaygenticProvider;
}
