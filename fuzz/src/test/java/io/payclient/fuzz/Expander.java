package io.payclient.fuzz;

import java.io.ByteArrayOutputStream;

/**
 * Lets a short fuzz input stand for a large body, so the fuzzer can reach size-driven defects (a
 * 700 000-digit number, 4 million field-error codes) without megabyte inputs. The bytes {@code 0xFF
 * 0xFE} followed by {@code n} and {@code k} repeat the {@code 1 + k % 16} bytes before them {@code
 * 2^(n % 19)} more times (at most 262 144). A two-byte marker keeps expansion rare in mutated
 * inputs (it costs time); the output is capped at {@link #MAX_BYTES}.
 */
final class Expander {
  static final int MAX_BYTES = 4 * 1024 * 1024;

  private Expander() {}

  static byte[] expand(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(in.length * 2, 1 << 16));
    for (int i = 0; i < in.length; i++) {
      int b = in[i] & 0xFF;
      if (b == 0xFF && i + 3 < in.length && (in[i + 1] & 0xFF) == 0xFE) {
        int times = 1 << ((in[i + 2] & 0xFF) % 19);
        int unit = 1 + (in[i + 3] & 0xFF) % 16;
        i += 3;
        byte[] sofar = out.toByteArray();
        if (sofar.length >= unit) {
          for (int t = 0; t < times && out.size() + unit <= MAX_BYTES; t++) {
            out.write(sofar, sofar.length - unit, unit);
          }
        }
        continue;
      }
      if (out.size() < MAX_BYTES) {
        out.write(b);
      }
    }
    return out.toByteArray();
  }
}
