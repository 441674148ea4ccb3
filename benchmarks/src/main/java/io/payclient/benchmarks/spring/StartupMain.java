package io.payclient.benchmarks.spring;

import java.util.function.Consumer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * The {@code main} of every start-up child ({@link SpringStartup}): runs one Spring Boot
 * application, then prints one line, {@code startup main_ms=... refreshed_ms=... ready_ms=...}, the
 * milliseconds from the driver's launch of this JVM (its {@link System#nanoTime()}, passed as the
 * first argument: on Linux both JVMs read the same monotonic clock) to {@code main}, to the context
 * refreshed and to {@link ApplicationReadyEvent}; then closes the context and halts. Uses Spring
 * only, so that the application without PayClient runs without any PayClient jar.
 */
public final class StartupMain {
  private static final String MARKER = "startup ";

  private StartupMain() {}

  /**
   * Runs {@code application}; {@code args[0]} is the launch time, the rest go to Spring.
   *
   * @param check runs on the started context before the line is printed; throws if the application
   *     is not what the variant claims (for example a PayClient class on the plain app's class
   *     path)
   */
  public static void run(
      Class<?> application, String[] args, Consumer<ConfigurableApplicationContext> check) {
    long main = System.nanoTime();
    long launched = Long.parseLong(args[0]);
    String[] springArgs = new String[args.length - 1];
    System.arraycopy(args, 1, springArgs, 0, springArgs.length);
    long[] refreshed = new long[1];
    long[] ready = new long[1];
    SpringApplication app = new SpringApplication(application);
    app.addListeners(
        event -> {
          if (event instanceof ContextRefreshedEvent && refreshed[0] == 0) {
            refreshed[0] = System.nanoTime();
          } else if (event instanceof ApplicationReadyEvent) {
            ready[0] = System.nanoTime();
          }
        });
    ConfigurableApplicationContext context = app.run(springArgs);
    check.accept(context);
    System.out.println(
        MARKER
            + "main_ms="
            + ms(main - launched)
            + " refreshed_ms="
            + ms(refreshed[0] - launched)
            + " ready_ms="
            + ms(ready[0] - launched)
            + " beans="
            + context.getBeanDefinitionCount());
    System.out.flush();
    context.close();
    // Nothing may keep the JVM alive past the measurement (the driver times launch to exit).
    Runtime.getRuntime().halt(0);
  }

  private static String ms(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
  }
}
