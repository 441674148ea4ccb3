package io.payclient.testkit.junit;

import io.payclient.testkit.FakeBillingrails;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link FakeBillingrails} that is a JUnit 5 extension: registered on a {@code static} field it
 * starts before the class's first test and closes after its last; on an instance field it is fresh
 * for each test. Everything else (seeding accounts and invoices, fault injection, counters) is the
 * {@link FakeBillingrails}'s.
 *
 * <pre>{@code
 * @RegisterExtension final FakeBillingrailsExtension fake = new FakeBillingrailsExtension();
 * }</pre>
 *
 * <p>Works with JUnit Jupiter 5.10 and later (it uses only the lifecycle callbacks). Failure
 * behaviour: if the server cannot bind, {@code beforeAll}/{@code beforeEach} throw {@link
 * java.io.UncheckedIOException} and JUnit reports the test as failed.
 */
public class FakeBillingrailsExtension extends FakeBillingrails
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private volatile boolean startedForClass;

  /** A fake that accepts {@link FakeBillingrails#DEFAULT_API_KEY}. */
  public FakeBillingrailsExtension() {
    super();
  }

  /**
   * A fake that accepts only the given key.
   *
   * @param apiKey the bearer key the fake accepts
   * @throws NullPointerException if {@code apiKey} is null
   */
  public FakeBillingrailsExtension(String apiKey) {
    super(apiKey);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startedForClass = true;
    startServer();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    startServer();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!startedForClass) {
      close();
    }
  }
}
