/**
 * PayClient core: the vendor-neutral payments API, money, transport, retries, errors and
 * validation.
 */
module io.payclient.core {
  requires transitive okhttp3; // ClientOptions takes an OkHttpClient
  requires okio;
  requires com.squareup.moshi;
  requires jakarta.validation;
  requires org.hibernate.validator;
  requires java.logging; // only to quiet Hibernate Validator's start-up banner
  requires static transitive org.jspecify;

  exports io.payclient.core;
  exports io.payclient.core.spi;
  exports io.payclient.core.internal to
      io.payclient.lago,
      io.payclient.billingrails,
      io.payclient.paygentic,
      io.payclient.testkit;

  uses io.payclient.core.spi.PaymentsClientProvider;
}
