package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.internal.table.TableBacked;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
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

  @Test
  void collidingKeys_onSingleThreadedMaps_costAtMostTenTimesHashMap() {
    long hashMap = comparisons(HashMap::new);
    long lru = comparisons(() -> SafeMaps.builder().maximumSize(2 * KEYS).singleThreaded().build());
    BoundedObject2IntMap<CollidingKey> toInt = SafeMaps.boundedObjectToInt(2 * KEYS);
    long objectToInt = comparisons((k, v) -> toInt.put(k, v.intValue()), toInt::getInt);
    BoundedObject2LongMap<CollidingKey> toLong = SafeMaps.boundedObjectToLong(2 * KEYS);
    long objectToLong = comparisons((k, v) -> toLong.put(k, v), k -> (int) toLong.getLong(k));
    System.out.printf("comparisons for %,d colliding keys (put + get each): HashMap %,d, "
        + "single-threaded %,d (%.2fx), objectToInt %,d (%.2fx), objectToLong %,d (%.2fx)%n",
        KEYS, hashMap, lru, (double) lru / hashMap, objectToInt, (double) objectToInt / hashMap,
        objectToLong, (double) objectToLong / hashMap);
    assertTrue(lru <= 10 * hashMap, "single-threaded " + lru + " vs HashMap " + hashMap);
    assertTrue(objectToInt <= 10 * hashMap, "objectToInt " + objectToInt + " vs " + hashMap);
    assertTrue(objectToLong <= 10 * hashMap, "objectToLong " + objectToLong + " vs " + hashMap);
    ((TableBacked) toInt).table().validate();
    toInt.clear();
    assertEquals(0, toInt.size());
  }

  private static long comparisons(Supplier<Map<CollidingKey, Integer>> factory) {
    Map<CollidingKey, Integer> map = factory.get();
    return comparisons(map::put, map::get);
  }

  private static long comparisons(BiConsumer<CollidingKey, Integer> put,
      ToIntFunction<CollidingKey> get) {
    CollidingKey[] keys = new CollidingKey[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = new CollidingKey(i);
    }
    CollidingKey.comparisons = 0;
    for (CollidingKey key : keys) {
      put.accept(key, key.id);
    }
    for (CollidingKey key : keys) {
      assertEquals(key.id, get.applyAsInt(key));
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
