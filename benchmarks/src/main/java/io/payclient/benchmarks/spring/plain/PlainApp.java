package io.payclient.benchmarks.spring.plain;

import io.payclient.benchmarks.spring.StartupMain;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.util.ClassUtils;

/**
 * Start-up variant A: the small non-web application without PayClient (class path: Spring Boot and
 * its logging only).
 */
@SpringBootApplication
public class PlainApp {
  /** Created by Spring. */
  public PlainApp() {}

  /**
   * Runs the application (see {@link StartupMain}).
   *
   * @param args the launch time, then Spring's arguments
   */
  public static void main(String[] args) {
    StartupMain.run(
        PlainApp.class,
        args,
        context -> {
          if (ClassUtils.isPresent("io.payclient.core.PaymentsClient", null)
              || ClassUtils.isPresent("okhttp3.OkHttpClient", null)) {
            throw new IllegalStateException("PayClient or OkHttp on the plain app's class path");
          }
          context.getBean(Checkout.class);
        });
  }
}
