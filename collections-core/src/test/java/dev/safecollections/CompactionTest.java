package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.safecollections.testing.ValidateMapsAfterEach;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * Invariant I2: storage follows content. Footprints are measured with JOL over everything the
 * map reaches; the figures for raw Caffeine and {@code HashMap} are printed beside ours.
 */
class CompactionTest {
  private static final int ENTRIES = 1_000_000;
  private static final long BOUND = 2_000_000;
  private static final long ONE_MEGABYTE = 1 << 20;

  @Test
  void removeAll_afterMillionEntries_retainsAtMostOneMegabyte() {
    ConcurrentBoundedMap<Long, Long> ours =
        SafeMaps.builder().maximumSize(BOUND).recordMetrics().build();
    Cache<Long, Long> caffeine =
        Caffeine.newBuilder().maximumSize(BOUND).executor(Runnable::run).build();
    Map<Long, Long> hashMap = new HashMap<>();

    long oursRetained = fillAndEmpty(ours, false);
    long caffeineRetained = fillAndEmpty(caffeine.asMap(), false);
    long hashMapRetained = fillAndEmpty(hashMap, false);
    System.out.printf("retained after removing %,d entries: ours %,d B, Caffeine %,d B, "
        + "HashMap %,d B%n", ENTRIES, oursRetained, caffeineRetained, hashMapRetained);
    assertTrue(oursRetained <= ONE_MEGABYTE, "retained " + oursRetained);
    assertTrue(ours.metrics().shrinkCount() > 0);
  }

  @Test
  void clear_afterMillionEntries_returnsToFreshFootprint() {
    ConcurrentBoundedMap<Long, Long> ours = SafeMaps.bounded(BOUND);
    long fresh = GraphLayout.parseInstance(SafeMaps.bounded(BOUND)).totalSize();
    long retained = fillAndEmpty(ours, true);
    System.out.printf("retained after clear() of %,d entries: %,d B (fresh map %,d B)%n",
        ENTRIES, retained, fresh);
    assertTrue(retained <= 2 * fresh, "retained " + retained + ", fresh " + fresh);
  }

  private static long fillAndEmpty(Map<Long, Long> map, boolean clear) {
    for (long i = 0; i < ENTRIES; i++) {
      map.put(i, i);
    }
    assertEquals(ENTRIES, map.size());
    if (clear) {
      map.clear();
    } else {
      for (long i = 0; i < ENTRIES; i++) {
        map.remove(i);
      }
    }
    assertTrue(map.isEmpty());
    return GraphLayout.parseInstance(map).totalSize();
  }

  @Test
  void compaction_keepsEveryLiveEntry() {
    ConcurrentBoundedMap<Integer, String> map =
        SafeMaps.builder().maximumSize(100_000).recordMetrics().build();
    Map<Integer, String> model = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      map.put(i, "v" + i);
      model.put(i, "v" + i);
    }
    for (int i = 0; i < 50_000; i++) {
      if (i % 10 != 0) {
        map.remove(i);
        model.remove(i);
      }
    }
    assertTrue(map.metrics().shrinkCount() >= 1, map.metrics().toString());
    assertEquals(model, map);
    ValidateMapsAfterEach.validate(map);
  }

  @Test
  void alternatingGrowthAndShrinkage_doesNotThrash() {
    ConcurrentBoundedMap<Integer, Integer> map =
        SafeMaps.builder().maximumSize(1_000_000).recordMetrics().build();
    for (int i = 0; i < 40_000; i++) {
      map.put(i, i);
    }
    for (int i = 5_000; i < 40_000; i++) {
      map.remove(i);
    }
    assertEquals(1, map.metrics().shrinkCount());
    // Swinging between 5,000 and 15,000 entries never falls to a quarter of the high water.
    for (int cycle = 0; cycle < 50; cycle++) {
      for (int i = 5_000; i < 15_000; i++) {
        map.put(i, i);
      }
      for (int i = 5_000; i < 15_000; i++) {
        map.remove(i);
      }
    }
    assertEquals(1, map.metrics().shrinkCount(), "shrinks under oscillation");
  }

  @Test
  void hugeBoundOrPresize_allocatesNothingUpFront() {
    long small = GraphLayout.parseInstance(SafeMaps.bounded(16)).totalSize();
    long huge = GraphLayout.parseInstance(SafeMaps.bounded(Long.MAX_VALUE)).totalSize();
    long presized = GraphLayout.parseInstance(
        SafeMaps.builder().maximumSize(16).initialCapacity(1 << 24).build()).totalSize();
    System.out.printf("empty map footprint: bound 16 %,d B, bound Long.MAX_VALUE %,d B, "
        + "bound 16 presized for 16M %,d B%n", small, huge, presized);
    assertTrue(huge <= 2 * small, "Long.MAX_VALUE bound allocated " + huge);
    assertTrue(presized <= 2 * small, "presize beyond the bound allocated " + presized);
  }

  @Test
  void expiringMap_storageFollowsContentToo() {
    ConcurrentMap<Long, Long> map = SafeMaps.expiring(java.time.Duration.ofHours(1), BOUND);
    long fresh = GraphLayout.parseInstance(SafeMaps.expiring(java.time.Duration.ofHours(1), BOUND))
        .totalSize();
    for (long i = 0; i < 200_000; i++) {
      map.put(i, i);
    }
    for (long i = 0; i < 200_000; i++) {
      map.remove(i);
    }
    long retained = GraphLayout.parseInstance(map).totalSize();
    assertTrue(retained <= 2 * fresh + ONE_MEGABYTE / 4, "retained " + retained + ", fresh " + fresh);
  }
}
