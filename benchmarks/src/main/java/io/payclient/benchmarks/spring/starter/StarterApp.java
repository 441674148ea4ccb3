package io.payclient.benchmarks.spring.starter;

import io.payclient.benchmarks.spring.StartupMain;
import io.payclient.core.PaymentsClient;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Start-up variants C and D: the same application with {@code sdk-spring-boot-starter} and the same
 * {@code payclient.*} properties, no PayClient code of its own (class path: variant B's + the
 * starter). D adds {@code spring.main.lazy-initialization=true}.
 */
@SpringBootApplication
public class StarterApp {
  /** Created by Spring. */
  public StarterApp() {}

  /**
   * Runs the application (see {@link StartupMain}).
   *
   * @param args the launch time, then Spring's arguments
   */
  public static void main(String[] args) {
    StartupMain.run(
        StarterApp.class,
        args,
        context -> {
          // names only: with lazy initialization nothing is created by the check
          int clients = context.getBeanNamesForType(PaymentsClient.class).length;
          if (clients != 3) {
            throw new IllegalStateException(clients + " PaymentsClient beans, expected 3");
          }
          if (!context.containsBean("lagoWebhooks")) {
            throw new IllegalStateException("no lagoWebhooks bean");
          }
        });
  }
}
