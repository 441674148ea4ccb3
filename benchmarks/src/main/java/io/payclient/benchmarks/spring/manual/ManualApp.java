package io.payclient.benchmarks.spring.manual;

import io.payclient.benchmarks.spring.StartupMain;
import io.payclient.core.PaymentsClient;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.util.ClassUtils;

/**
 * Start-up variant B: the same application with hand-written {@code @Bean}s ({@link
 * PayClientBeans}) that build the clients the starter would build from the same {@code payclient.*}
 * properties (class path: variant A's + the three vendor modules and their dependencies; no
 * starter).
 */
@SpringBootApplication
public class ManualApp {
  /** Created by Spring. */
  public ManualApp() {}

  /**
   * Runs the application (see {@link StartupMain}).
   *
   * @param args the launch time, then Spring's arguments
   */
  public static void main(String[] args) {
    StartupMain.run(
        ManualApp.class,
        args,
        context -> {
          if (ClassUtils.isPresent("io.payclient.spring.boot.PayClientAutoConfiguration", null)) {
            throw new IllegalStateException("the starter on the hand-written app's class path");
          }
          int clients = context.getBeanNamesForType(PaymentsClient.class).length;
          if (clients != 3) {
            throw new IllegalStateException(clients + " PaymentsClient beans, expected 3");
          }
          context.getBean(Checkout.class);
        });
  }
}
