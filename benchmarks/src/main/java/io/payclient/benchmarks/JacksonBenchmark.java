package io.payclient.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The create of each vendor as an application writes it without PayClient ({@link
 * JacksonIntegration}: OkHttp and Jackson databind POJOs), on the same canned transport as {@link
 * CreateBenchmark#create}, which is what it is compared with (issue 19: PayClient's time per create
 * ≤ 1.0× and its allocation ≤ 0.5× of this).
 *
 * <p>Set-up checks that the hand-written create sends what the SDK sends: the same URL, an {@code
 * Authorization} header, and the same JSON body (member order aside; a generated idempotency key
 * compared only for its presence), so both do the same work on the wire.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JacksonBenchmark {
  /** The vendors measured. */
  static final String[] TARGETS = {"lago", "billingrails", "paygentic"};

  @Param({"lago", "billingrails", "paygentic"})
  public String target;

  private JacksonIntegration integration;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    integration = JacksonIntegration.of(target);
    Canned.Sent mine = integration.canned.capture(integration::create);
    Canned.Sent sdk;
    try (Contender c = Contender.of(target)) {
      sdk = c.canned.capture(c::create);
    }
    if (!mine.url().equals(sdk.url())) {
      throw new IllegalStateException(
          target + ": posts to " + mine.url() + ", the SDK to " + sdk.url());
    }
    if (mine.headers().get("Authorization") == null) {
      throw new IllegalStateException(target + ": no Authorization header");
    }
    if (sdk.headers().get("Idempotency-Key") != null
        && mine.headers().get("Idempotency-Key") == null) {
      throw new IllegalStateException(target + ": no Idempotency-Key header");
    }
    if (!JacksonIntegration.sameBody(sdk.body(), mine.body())) {
      throw new IllegalStateException(
          target
              + ": the hand-written body "
              + new String(mine.body(), java.nio.charset.StandardCharsets.UTF_8)
              + " is not the SDK's "
              + new String(sdk.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Benchmark
  public Object jacksonCreate() throws Exception {
    return integration.create();
  }
}
