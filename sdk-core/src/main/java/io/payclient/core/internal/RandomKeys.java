package io.payclient.core.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Not API: random UUID v4 strings for generated idempotency keys.
 *
 * <p>{@link UUID#randomUUID()} draws from one shared {@code NativePRNG} that every thread enters
 * under one lock: with 16 callers on 2 cores a key cost 0.6–0.9 µs of CPU instead of 0.3 µs. Keys
 * here come from several {@code SHA1PRNG} generators (cryptographically strong, each seeded with 32
 * bytes from the platform's {@link SecureRandom}). A thread draws from the one its id hashes to, so
 * callers seldom meet on the same one, and a thread keeps finding its generator's state in its
 * core's cache: about 0.12 µs of CPU per key alone, and 0.19 µs with 16 callers on 2 cores (a
 * generator picked at random per key, as before, moved its state from core to core: 0.4 µs).
 * Nothing is kept per thread, so many short-lived (virtual) threads cost nothing extra. Where
 * {@code SHA1PRNG} is unavailable (a restricted security-provider setup), {@link UUID#randomUUID()}
 * is used.
 */
public final class RandomKeys {
  private static final SecureRandom @Nullable [] GENERATORS = generators();

  private RandomKeys() {}

  /** A random UUID v4 in its canonical 36-character form. */
  static String uuid() {
    SecureRandom[] generators = GENERATORS;
    if (generators == null) {
      return UUID.randomUUID().toString();
    }
    return uuid(generators[slot(Thread.currentThread().getId(), generators.length)]);
  }

  /**
   * The generator of the thread {@code threadId} among {@code n}: the id spread by Fibonacci
   * hashing (consecutive ids land far apart), its high 32 bits then scaled to {@code [0, n)}.
   */
  static int slot(long threadId, int n) {
    long spread = (threadId * 0x9E3779B97F4A7C15L) >>> 32;
    return (int) ((spread * n) >>> 32);
  }

  /** A random UUID v4 from {@code generator}, in its canonical form (the benchmarks use it too). */
  public static String uuid(SecureRandom generator) {
    byte[] b = new byte[16];
    generator.nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
    b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (b[i] & 0xff);
      lsb = (lsb << 8) | (b[i + 8] & 0xff);
    }
    return new UUID(msb, lsb).toString();
  }

  /** How many generators the pool holds: 4 per processor, at least 8 and at most 64. */
  public static int poolSize() {
    return Math.min(64, Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
  }

  private static SecureRandom @Nullable [] generators() {
    SecureRandom[] generators = new SecureRandom[poolSize()];
    SecureRandom seeder = new SecureRandom();
    try {
      for (int i = 0; i < generators.length; i++) {
        generators[i] = generator(seeder);
      }
    } catch (NoSuchAlgorithmException e) {
      return null;
    }
    return generators;
  }

  /**
   * A {@code SHA1PRNG} seeded with 32 bytes of {@code seeder}, before its first use: its only seed,
   * no self-seeding.
   *
   * @throws NoSuchAlgorithmException if this JDK's providers have no {@code SHA1PRNG}
   */
  public static SecureRandom generator(SecureRandom seeder) throws NoSuchAlgorithmException {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    byte[] seed = new byte[32];
    seeder.nextBytes(seed);
    random.setSeed(seed);
    return random;
  }
}
