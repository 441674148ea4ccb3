/** PayClient for Lago: typed client, create request, payment and listing. */
module io.payclient.lago {
  requires transitive io.payclient.core;
  requires com.squareup.moshi;
  requires jakarta.validation;

  exports io.payclient.lago;

  // Hibernate Validator reads the constraint-annotated fields of the request types.
  opens io.payclient.lago to
      org.hibernate.validator;

  provides io.payclient.core.spi.PaymentsClientProvider with
      io.payclient.lago.internal.LagoProvider;
}
