package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.internal.Resizes;
import dev.safecollections.testing.FakeTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jol.info.GraphLayout;

/**
 * The metrics that describe a collection's storage: {@code estimatedBytes()} of its structure
 * against JOL's walk of everything it reaches less its keys and values, {@code capacity()}, and
 * exact grow and shrink counts, which also reach the resize observer. (Expiring maps are left
 * out of the JOL comparison: their walk reaches the shared sweeper thread and all it holds.)
 */
class MetricsEstimateTest {
  private static final int ENTRIES = 20_000;

  @AfterEach
  void removeObserver() {
    Resizes.observe(null);
  }

  static Stream<Arguments> collections() {
    return Stream.of(
        Arguments.of("bounded (Caffeine)", (Supplier<Object>) () -> SafeMaps.bounded(ENTRIES)),
        Arguments.of("single-threaded", (Supplier<Object>) () ->
            SafeMaps.builder().maximumSize(ENTRIES).singleThreaded().build()),
        Arguments.of("boundedLongToLong", (Supplier<Object>) () ->
            SafeMaps.boundedLongToLong(ENTRIES)),
        Arguments.of("concurrentLongToObject", (Supplier<Object>) () ->
            SafeMaps.concurrentLongToObject(ENTRIES)),
        Arguments.of("SafeSets.bounded", (Supplier<Object>) () -> SafeSets.bounded(ENTRIES)),
        Arguments.of("SafeLists.bounded", (Supplier<Object>) () -> SafeLists.bounded(ENTRIES)),
        Arguments.of("SafeLists.boundedLongs", (Supplier<Object>) () ->
            SafeLists.boundedLongs(ENTRIES)),
        Arguments.of("SafeQueues.bounded", (Supplier<Object>) () ->
            SafeQueues.bounded(ENTRIES)));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> fill(Object c, int n) {
    List<Object> content = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Long key = 1_000_000L + i;
      Long value = 2_000_000L + i;
      if (c instanceof BoundedLong2LongMap) {
        ((BoundedLong2LongMap) c).put(key.longValue(), value.longValue());
      } else if (c instanceof ConcurrentBoundedLong2ObjectMap) {    // the key is a long
        ((ConcurrentBoundedLong2ObjectMap<Object>) c).put(key.longValue(), value);
        content.add(value);
      } else if (c instanceof Map) {
        ((Map<Object, Object>) c).put(key, value);
        content.add(key);
        content.add(value);
      } else if (c instanceof BoundedLongList) {
        ((BoundedLongList) c).add(key.longValue());
      } else {
        ((Collection<Object>) c).add(key);
        content.add(key);
      }
    }
    return content;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("collections")
  void estimatedBytes_structureWithin15PercentOfJol(String name, Supplier<Object> factory) {
    for (int n : new int[] {0, ENTRIES / 3, ENTRIES}) {
      Object c = factory.get();
      List<Object> content = fill(c, n);
      ((SafeCollection) c).cleanUp();
      CollectionMetrics m = ((SafeCollection) c).metrics();
      // totals, not JOL's subtract, which matches objects by address and so fails when the
      // GC moves them between the two walks; each key and value is reached once from c
      Object[] array = content.toArray();
      long contentBytes = GraphLayout.parseInstance((Object) array).totalSize()
          - GraphLayout.parseInstance((Object) new Object[array.length]).totalSize();
      long jol = GraphLayout.parseInstance(c).totalSize() - contentBytes;
      System.out.printf("structure of %s at %,d entries: estimated %,d B, JOL %,d B (%.2fx),"
          + " capacity %s%n", name, n, m.estimatedBytes(), jol,
          (double) m.estimatedBytes() / jol, m.capacity());
      assertTrue(m.capacity().isPresent(), name + " reports its capacity");
      assertTrue(Math.abs(m.estimatedBytes() - jol) <= jol * 15 / 100,
          name + " at " + n + " entries: estimated " + m.estimatedBytes() + ", JOL " + jol);
    }
  }

  static Stream<Arguments> resizing() {
    return Stream.of(
        Arguments.of("bounded (Caffeine)", (Supplier<Object>) () ->
            SafeMaps.builder().maximumSize(100_000).recordMetrics().name("resizing").build()),
        Arguments.of("single-threaded", (Supplier<Object>) () -> SafeMaps.builder()
            .maximumSize(100_000).recordMetrics().name("resizing").singleThreaded().build()),
        Arguments.of("boundedLongToLong", (Supplier<Object>) () -> SafeMaps.builder()
            .maximumSize(100_000).recordMetrics().name("resizing").singleThreaded()
            .buildLongToLong()),
        Arguments.of("concurrentLongToObject", (Supplier<Object>) () -> SafeMaps.builder()
            .maximumSize(100_000).recordMetrics().name("resizing").buildConcurrentLongToObject()),
        Arguments.of("SafeLists.bounded", (Supplier<Object>) () -> SafeLists.builder()
            .maximumSize(100_000).recordMetrics().name("resizing").build()));
  }

  /**
   * Grows a collection to 50,000 entries and empties it but for 100, one operation at a time,
   * watching {@code capacity()} after each: every change it shows is one grow or shrink in the
   * counts and one call of the observer with the same capacities.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("resizing")
  @SuppressWarnings("unchecked")
  void growAndShrinkCounts_matchEveryCapacityChange(String name, Supplier<Object> factory) {
    List<String> heard = new ArrayList<>();
    Resizes.observe((n, from, to) -> {
      if (n.equals("resizing")) {
        heard.add(from + "->" + to);
      }
    });
    Object c = factory.get();
    SafeCollection sc = (SafeCollection) c;
    List<String> seen = new ArrayList<>();
    long grows = 0;
    long shrinks = 0;
    long capacity = sc.metrics().capacity().orElseThrow();
    int n = 50_000;
    for (int i = 0; i < 2 * n - 100; i++) {
      boolean add = i < n;
      int k = add ? i : i - n;
      if (c instanceof BoundedLong2LongMap) {
        if (add) {
          ((BoundedLong2LongMap) c).put(k, k);
        } else {
          ((BoundedLong2LongMap) c).remove(k);
        }
      } else if (c instanceof Map) {
        if (add) {
          ((Map<Object, Object>) c).put((long) k, "v");
        } else {
          ((Map<Object, Object>) c).remove((long) k);
        }
      } else if (add) {
        ((List<Object>) c).add("v");
      } else {
        ((List<Object>) c).remove(((List<Object>) c).size() - 1);
      }
      long now = sc.metrics().capacity().orElseThrow();
      if (now != capacity) {
        seen.add(capacity + "->" + now);
        if (now > capacity) {
          grows++;
        } else {
          shrinks++;
        }
        capacity = now;
      }
    }
    CollectionMetrics m = sc.metrics();
    System.out.printf("%s to %,d and back to 100: %d grows, %d shrinks, capacity %,d%n",
        name, n, m.growCount(), m.shrinkCount(), capacity);
    assertTrue(grows > 5, name + " grew " + grows + " times");
    assertTrue(shrinks > 0, name + " shrank " + shrinks + " times");
    assertEquals(grows, m.growCount(), name + ": " + seen);
    assertEquals(shrinks, m.shrinkCount(), name + ": " + seen);
    assertEquals(seen, heard, name);
  }

  @Test
  void removalCountByCause_andTotalEvictions_agreeWithTheAccessors() {
    FakeTicker ticker = new FakeTicker();
    BoundedMap<Integer, String> m = SafeMaps.builder().maximumSize(10)
        .expireAfterWrite(Duration.ofSeconds(1)).ticker(ticker).recordMetrics().singleThreaded()
        .build();
    for (int i = 0; i < 15; i++) {     // 5 evicted
      m.put(i, "v");
    }
    m.put(14, "again");                // 1 replaced
    m.remove(13);                      // 1 removed
    ticker.advance(Duration.ofSeconds(2));
    m.cleanUp();                       // the other 9 expired
    CollectionMetrics c = m.metrics();
    assertEquals(1, c.removalCount(RemovalCause.EXPLICIT));
    assertEquals(1, c.removalCount(RemovalCause.REPLACED));
    assertEquals(5, c.removalCount(RemovalCause.SIZE));
    assertEquals(9, c.removalCount(RemovalCause.EXPIRED));
    assertEquals(0, c.removalCount(RemovalCause.COLLECTED));
    assertEquals(14, c.totalEvictionCount());
  }
}
