package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomKeysTest {
  @Test
  void eachThreadIdHasAGeneratorAndConsecutiveIdsSpreadOverAll() {
    for (int n : new int[] {8, 12, 48, 64}) {
      int[] hits = new int[n];
      for (long id = 1; id <= 16L * n; id++) {
        int slot = RandomKeys.slot(id, n);
        assertThat(slot).isBetween(0, n - 1);
        hits[slot]++;
      }
      for (int h : hits) {
        assertThat(h).as("pool of %d: every generator is used", n).isBetween(8, 24);
      }
    }
    // ids a stride apart too (a plain id % n would send them all to one generator)
    Set<Integer> strided = new HashSet<>();
    for (long id = 7; id < 7 + 64L * 64; id += 64) {
      strided.add(RandomKeys.slot(id, 64));
    }
    assertThat(strided).hasSizeGreaterThan(32);
    assertThat(RandomKeys.slot(Long.MAX_VALUE, 64)).isBetween(0, 63);
    assertThat(RandomKeys.slot(-1, 64)).isBetween(0, 63);
  }

  @Test
  void keysAreDistinctVersion4UuidsFromOneThread() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String key = RandomKeys.uuid();
      UUID parsed = UUID.fromString(key);
      assertThat(parsed.version()).isEqualTo(4);
      assertThat(parsed.variant()).isEqualTo(2);
      assertThat(parsed.toString()).isEqualTo(key);
      assertThat(seen.add(key)).as("a repeated key").isTrue();
    }
  }
}
