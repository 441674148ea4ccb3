/** PayClient for Lago: typed client, create request, payment and listing. */
module io.payclient.lago {
  requires transitive io.payclient.core;
  requires com.squareup.moshi;
  requires jakarta.validation;

  exports io.payclient.lago;

  // The constraint-annotated fields of the request types are read by sdk-core's compiled checks
  // and, for constraints those do not cover, by Hibernate Validator.
  opens io.payclient.lago to
      io.payclient.core,
      org.hibernate.validator;

  provides io.payclient.core.spi.PaymentsClientProvider with
      io.payclient.lago.internal.LagoProvider;
}
