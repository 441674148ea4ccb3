package io.payclient.benchmarks;

import io.payclient.core.RequestOptions;
import io.payclient.core.internal.RandomKeys;
import io.payclient.core.internal.VendorSupport;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The generated idempotency key (a random UUID v4 string), alone and with 16 callers: the figures
 * behind the choice of a pool of {@code SHA1PRNG} generators in {@code RandomKeys} (issue 19).
 *
 * <ul>
 *   <li>{@code payclient}: the key a create generates when none is given ({@code
 *       VendorSupport.idempotencyKey} with no key: the pool, the calling thread's id picking its
 *       generator);
 *   <li>{@code randomPick}: a pool of the same size, one generator picked at random per key
 *       (PayClient's choice before: a thread's next key mostly comes from a generator whose state
 *       another core touched last);
 *   <li>{@code jdkUuid}: {@link UUID#randomUUID()}, one shared {@code NativePRNG} behind one lock;
 *   <li>{@code sharedSha1prng}: the same UUID as {@code payclient} drawn from a single shared
 *       {@code SHA1PRNG} (whose {@code nextBytes} is synchronized): what the pool avoids.
 * </ul>
 *
 * Each at 1 thread ({@code ...1}) and at 16 threads ({@code ...16}, JMH {@link Threads}); on 2
 * cores the 16-thread score is the time per key of each caller, so the CPU per key is about score ×
 * 2 / 16.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KeyBenchmark {
  /** The methods, in the order the report shows them. */
  static final String[] METHODS = {
    "payclient1",
    "payclient16",
    "randomPick1",
    "randomPick16",
    "jdkUuid1",
    "jdkUuid16",
    "sharedSha1prng1",
    "sharedSha1prng16"
  };

  private final RequestOptions none = RequestOptions.none();
  private SecureRandom shared;
  private SecureRandom[] pool;

  @Setup(Level.Trial)
  public void setUp() throws NoSuchAlgorithmException {
    SecureRandom seeder = new SecureRandom();
    shared = RandomKeys.generator(seeder);
    pool = new SecureRandom[RandomKeys.poolSize()];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = RandomKeys.generator(seeder);
    }
  }

  private String randomPick() {
    return RandomKeys.uuid(pool[ThreadLocalRandom.current().nextInt(pool.length)]);
  }

  private String payclient() {
    return VendorSupport.idempotencyKey("bench", "idempotencyKey", null, none, 255);
  }

  private String sharedSha1prng() {
    return RandomKeys.uuid(shared); // PayClient's UUID, from one generator for every caller
  }

  @Benchmark
  @Threads(1)
  public String payclient1() {
    return payclient();
  }

  @Benchmark
  @Threads(16)
  public String payclient16() {
    return payclient();
  }

  @Benchmark
  @Threads(1)
  public String randomPick1() {
    return randomPick();
  }

  @Benchmark
  @Threads(16)
  public String randomPick16() {
    return randomPick();
  }

  @Benchmark
  @Threads(1)
  public String jdkUuid1() {
    return UUID.randomUUID().toString();
  }

  @Benchmark
  @Threads(16)
  public String jdkUuid16() {
    return UUID.randomUUID().toString();
  }

  @Benchmark
  @Threads(1)
  public String sharedSha1prng1() {
    return sharedSha1prng();
  }

  @Benchmark
  @Threads(16)
  public String sharedSha1prng16() {
    return sharedSha1prng();
  }
}
