package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.internal.table.TableBacked;
import it.unimi.dsi.fastutil.longs.Long2LongLinkedOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * Invariant I2 and the footprint targets of the single-threaded table, measured with JOL over
 * everything the map reaches; fastutil's figures are printed beside ours. {@code
 * FootprintReport} in {@code benchmarks/} prints the table for every primitive map with
 * {@code HashMap}'s beside it (too slow to walk here: three million objects).
 */
class TableFootprintTest {
  private static final int MILLION = 1_000_000;

  @Test
  void longToLong_filledToMillionBound_atMost48BytesPerEntry() {
    BoundedLong2LongMap ours = SafeMaps.boundedLongToLong(MILLION);
    Long2LongOpenHashMap fastutil = new Long2LongOpenHashMap();
    Long2LongLinkedOpenHashMap linked = new Long2LongLinkedOpenHashMap();
    for (long i = 0; i < MILLION; i++) {
      ours.put(i * 31, i);
      fastutil.put(i * 31, i);
      linked.put(i * 31, i);
    }
    assertEquals(MILLION, ours.size());
    double oursPerEntry = perEntry(ours);
    System.out.printf("bytes per entry at %,d entries: boundedLongToLong %.1f, fastutil "
            + "Long2LongOpenHashMap %.1f, Long2LongLinkedOpenHashMap %.1f%n",
        MILLION, oursPerEntry, perEntry(fastutil), perEntry(linked));
    assertTrue(oursPerEntry <= 48, "bytes per entry " + oursPerEntry);
  }

  @Test
  void longToLong_removeAll_retainsAtMost256Kilobytes() {
    BoundedLong2LongMap map =
        SafeMaps.builder().maximumSize(MILLION).recordMetrics().singleThreaded().buildLongToLong();
    for (long i = 0; i < MILLION; i++) {
      map.put(i, i);
    }
    long full = GraphLayout.parseInstance(map).totalSize();
    for (long i = 0; i < MILLION; i++) {
      map.remove(i);
    }
    long retained = GraphLayout.parseInstance(map).totalSize();
    System.out.printf("boundedLongToLong: %,d B full, %,d B after removing all %,d entries "
        + "(%d shrinks)%n", full, retained, MILLION, map.metrics().shrinkCount());
    assertTrue(retained <= 256 * 1024, "retained " + retained);
    assertTrue(map.metrics().shrinkCount() > 0, "shrank by compaction");
  }

  @Test
  void clear_afterMillionEntries_returnsToFreshFootprint() {
    BoundedLong2LongMap map = SafeMaps.boundedLongToLong(MILLION);
    long fresh = GraphLayout.parseInstance(SafeMaps.boundedLongToLong(MILLION)).totalSize();
    for (long i = 0; i < MILLION; i++) {
      map.put(i, i);
    }
    map.clear();
    long retained = GraphLayout.parseInstance(map).totalSize();
    System.out.printf("boundedLongToLong after clear(): %,d B (fresh %,d B)%n", retained, fresh);
    assertTrue(retained <= 2 * fresh, "retained " + retained + ", fresh " + fresh);
  }

  /** I2 with k = 4: once a removal settles, capacity is at most four times the size. */
  @Test
  void capacity_afterEveryRemoval_atMostFourTimesSize() {
    Random random = new Random(42);
    BoundedObject2IntMap<String> map = SafeMaps.boundedObjectToInt(100_000);
    int minimum = 16;
    for (int round = 0; round < 5; round++) {
      int fill = 1 + random.nextInt(100_000);
      for (int i = 0; i < fill; i++) {
        map.put("k" + i, i);
      }
      for (int i = 0; i < fill; i++) {
        map.removeInt("k" + i);
        int capacity = ((TableBacked) map).table().capacity();
        assertTrue(capacity <= Math.max(minimum, 4 * map.size()),
            "capacity " + capacity + " for size " + map.size() + " in round " + round);
      }
      assertEquals(0, ((TableBacked) map).table().capacity(), "an emptied table holds nothing");
    }
  }

  /** A table grows towards its bound but never allocates beyond it. */
  @Test
  void capacity_neverExceedsBound_evenWhenBoundIsNotAPowerOfTwo() {
    BoundedInt2IntMap map = SafeMaps.boundedIntToInt(1_000);
    for (int i = 0; i < 5_000; i++) {
      map.put(i, i);
      assertTrue(((TableBacked) map).table().capacity() <= 1_000);
    }
    assertEquals(1_000, ((TableBacked) map).table().capacity());
    BoundedInt2IntMap presized = SafeMaps.builder().maximumSize(10).initialCapacity(1 << 20)
        .singleThreaded().buildIntToInt();
    assertEquals(10, ((TableBacked) presized).table().capacity(), "presize clamped to bound");
  }

  private static double perEntry(Object map) {
    return (double) GraphLayout.parseInstance(map).totalSize() / MILLION;
  }
}
