package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * F9: keys that all share one hash code must not turn the map into a list. Work is counted as
 * key comparisons ({@code equals} plus {@code compareTo}), not time, so the test is exact;
 * {@code HashFloodingBenchmark} measures the time ratio with real colliding strings.
 */
class HashFloodingTest {
  private static final int KEYS = 32_768;

  @Test
  void collidingKeys_costAtMostTenTimesHashMap() {
    long hashMap = comparisons(HashMap::new);
    long bounded = comparisons(() -> SafeMaps.bounded(2 * KEYS));
    long bytes = comparisons(() -> SafeMaps.builder().maximumBytes(1L << 30).build());
    long expiring = comparisons(
        () -> SafeMaps.expiring(java.time.Duration.ofHours(1), 2 * KEYS));
    System.out.printf("comparisons for %,d colliding keys (put + get each): HashMap %,d, "
        + "bounded %,d (%.2fx), maximumBytes %,d, expiring %,d; a linear chain needs ~%,d%n",
        KEYS, hashMap, bounded, (double) bounded / hashMap, bytes, expiring,
        (long) KEYS * KEYS);
    assertTrue(bounded <= 10 * hashMap, "bounded " + bounded + " vs HashMap " + hashMap);
    assertTrue(bytes <= 10 * hashMap, "maximumBytes " + bytes + " vs HashMap " + hashMap);
    assertTrue(expiring <= 10 * hashMap, "expiring " + expiring + " vs HashMap " + hashMap);
  }

  private static long comparisons(Supplier<Map<CollidingKey, Integer>> factory) {
    Map<CollidingKey, Integer> map = factory.get();
    CollidingKey[] keys = new CollidingKey[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = new CollidingKey(i);
    }
    CollidingKey.comparisons = 0;
    for (CollidingKey key : keys) {
      map.put(key, key.id);
    }
    for (CollidingKey key : keys) {
      assertEquals(key.id, map.get(key));
    }
    return CollidingKey.comparisons;
  }

  /** Every instance hashes alike; counts how often the map compares keys. Single-threaded. */
  static final class CollidingKey implements Comparable<CollidingKey> {
    static long comparisons;
    final int id;

    CollidingKey(int id) {
      this.id = id;
    }

    @Override
    public int hashCode() {
      return 42;
    }

    @Override
    public boolean equals(Object o) {
      comparisons++;
      return o instanceof CollidingKey && ((CollidingKey) o).id == id;
    }

    @Override
    public int compareTo(CollidingKey other) {
      comparisons++;
      return Integer.compare(id, other.id);
    }
  }
}
