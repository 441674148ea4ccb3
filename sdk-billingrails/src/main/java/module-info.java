/** PayClient for Billingrails: typed client, create request, payment and listing. */
module io.payclient.billingrails {
  requires transitive io.payclient.core;
  requires com.squareup.moshi;
  requires jakarta.validation;

  exports io.payclient.billingrails;

  // Hibernate Validator reads the constraint-annotated fields of the request types.
  opens io.payclient.billingrails to
      org.hibernate.validator;

  provides io.payclient.core.spi.PaymentsClientProvider with
      io.payclient.billingrails.internal.BillingrailsProvider;
}
