package io.payclient.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsListener;
import io.payclient.micrometer.DefaultPayClientObservationConvention;
import io.payclient.micrometer.ObservationPaymentsListener;
import io.payclient.micrometer.PayClientObservationConvention;
import io.payclient.testkit.FakeLago;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** With sdk-micrometer and an ObservationRegistry bean, every call becomes an Observation. */
class ObservationAutoConfigurationTest {
  private final FakeLago lago = FakeLago.start();
  private final TestObservationRegistry registry = TestObservationRegistry.create();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(PayClientAutoConfiguration.class))
          .withPropertyValues(
              "payclient.lago.api-key=" + lago.apiKey(),
              "payclient.lago.base-url=" + lago.baseUrl());

  @AfterEach
  void stop() {
    lago.close();
  }

  @Test
  void aRegistryGivesTheClientsTheObservationListener() {
    runner
        .withBean(ObservationRegistry.class, () -> registry)
        .run(
            context -> {
              assertThat(context).hasSingleBean(ObservationPaymentsListener.class);
              context.getBean(PaymentsClient.class).list(io.payclient.core.PaymentListParams.all());
              TestObservationRegistryAssert.assertThat(registry)
                  .hasObservationWithNameEqualTo(DefaultPayClientObservationConvention.DEFAULT_NAME)
                  .that()
                  .hasBeenStopped()
                  .hasLowCardinalityKeyValue("vendor", "lago");
            });
  }

  @Test
  void springBootsOwnRegistryIsFoundWhateverTheOrderGiven() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                PayClientAutoConfiguration.class,
                org.springframework.boot.micrometer.observation.autoconfigure
                    .ObservationAutoConfiguration.class))
        .withPropertyValues("payclient.lago.api-key=k")
        .run(
            context -> {
              assertThat(context).hasSingleBean(ObservationRegistry.class);
              assertThat(context).hasSingleBean(ObservationPaymentsListener.class);
            });
  }

  @Test
  void theApplicationsConventionIsUsed() {
    runner
        .withBean(ObservationRegistry.class, () -> registry)
        .withBean(
            PayClientObservationConvention.class,
            () -> new DefaultPayClientObservationConvention("shop.payments"))
        .run(
            context -> {
              context.getBean(PaymentsClient.class).list(io.payclient.core.PaymentListParams.all());
              TestObservationRegistryAssert.assertThat(registry)
                  .hasObservationWithNameEqualTo("shop.payments");
            });
  }

  @Test
  void noRegistryOrNoModuleMeansNoObservationListener() {
    runner.run(
        context ->
            assertThat(context)
                .doesNotHaveBean(ObservationPaymentsListener.class)
                .doesNotHaveBean(PaymentsListener.class));
    runner
        .withBean(ObservationRegistry.class, () -> registry)
        .withClassLoader(new FilteredClassLoader(ObservationPaymentsListener.class))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(PaymentsListener.class)
                    .hasSingleBean(PaymentsClient.class));
  }
}
