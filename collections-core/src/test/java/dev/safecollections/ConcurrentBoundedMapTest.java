package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.testing.FakeTicker;
import dev.safecollections.testing.Gc;
import dev.safecollections.testing.MapConfig;
import dev.safecollections.testing.Seeds;
import dev.safecollections.testing.ValidateMapsAfterEach;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Invariants I1, I3, I5, I6 and I7 over every map configuration; every map is also validated
 * after its test by {@link ValidateMapsAfterEach}.
 */
@ExtendWith(ValidateMapsAfterEach.class)
class ConcurrentBoundedMapTest {
  private static final int BOUND = MapConfig.BOUND;

  // ---------------------------------------------------------------- I1 bound

  @ParameterizedTest
  @EnumSource(MapConfig.class)
  void put_beyondBound_neverExceedsBound(MapConfig config) {
    ConcurrentBoundedMap<Integer, String> map = config.create();
    for (int i = 0; i < 10 * BOUND; i++) {
      try {
        map.put(i, "v" + i);
      } catch (CapacityExceededException e) {
        assertTrue(config.rejects(), "only REJECT maps throw");
      }
      assertTrue(map.size() <= BOUND, "size " + map.size() + " after put " + i);
      CollectionMetrics m = map.metrics();
      m.maximumBytes().ifPresent(max -> assertTrue(
          m.estimatedBytes() <= BOUND * MapConfig.ENTRY_BYTES, "bytes " + m.estimatedBytes()));
    }
    assertEquals(BOUND, map.size(), "a full map stays full");
    assertEquals(BOUND, map.metrics().peakSize());
  }

  @ParameterizedTest
  @EnumSource(value = MapConfig.class, names = {"REJECT", "REJECT_BYTES"})
  void insert_atBound_rejectsAndChangesNothing(MapConfig config) {
    ConcurrentBoundedMap<Integer, String> map = config.create();
    for (int i = 0; i < BOUND; i++) {
      map.put(i, "v" + i);
    }
    Map<Integer, String> before = new HashMap<>(map);
    assertThrows(CapacityExceededException.class, () -> map.put(-1, "x"));
    assertThrows(CapacityExceededException.class, () -> map.putIfAbsent(-1, "x"));
    assertThrows(CapacityExceededException.class, () -> map.computeIfAbsent(-1, k -> "x"));
    assertThrows(CapacityExceededException.class, () -> map.compute(-1, (k, v) -> "x"));
    assertThrows(CapacityExceededException.class, () -> map.merge(-1, "x", (a, b) -> a + b));
    assertThrows(CapacityExceededException.class, () -> map.putAll(Map.of(-1, "x")));
    assertEquals(before, map);
    assertEquals(6, map.metrics().rejectionCount());

    assertEquals("v0", map.put(0, "w0"), "replacing a present key is not an insertion");
    assertEquals("v1", map.remove(1));
    assertNull(map.put(-1, "x"), "a removal makes room");
    assertEquals(BOUND, map.size());
  }

  /**
   * Many short rounds of concurrent writers, counting the entries at every point where all have
   * returned: an eviction left pending by a writer that lost the race for Caffeine's lock shows
   * up only at such a moment, so one long run would check it only once.
   */
  @ParameterizedTest
  @EnumSource(MapConfig.class)
  void concurrentWriters_atQuiescence_sizeWithinBoundWithoutCleanUp(MapConfig config)
      throws Exception {
    ConcurrentBoundedMap<Integer, Integer> map = config.create();
    int threads = 3;
    int rounds = Seeds.tries(1_000);
    int perRound = 8;
    CyclicBarrier barrier = new CyclicBarrier(threads + 1);
    AtomicInteger rejected = new AtomicInteger();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread writer = new Thread(() -> {
        try {
          for (int round = 0; round < rounds; round++) {
            barrier.await();
            for (int i = 0; i < perRound; i++) {
              try {
                map.put((round * threads + id) * perRound + i, i);
              } catch (CapacityExceededException e) {
                rejected.incrementAndGet();
              }
            }
            barrier.await();
          }
        } catch (Exception e) {
          failures.add(e);
        }
      });
      writer.start();
      writers.add(writer);
    }
    try {
      for (int round = 0; round < rounds; round++) {
        barrier.await(10, TimeUnit.SECONDS);
        barrier.await(10, TimeUnit.SECONDS);
        int size = map.size();
        int entries = countByIterating(map);
        assertTrue(size <= BOUND && entries <= BOUND,
            "size " + size + ", " + entries + " entries after round " + round);
      }
    } finally {
      for (Thread writer : writers) {
        writer.interrupt();
        writer.join();
      }
    }
    assertTrue(failures.isEmpty(), failures.toString());
    ValidateMapsAfterEach.validate(map);
    if (config.rejects()) {
      assertEquals(BOUND, map.size());
      assertEquals((long) threads * perRound * rounds - BOUND, rejected.get());
      assertEquals(rejected.get(), map.metrics().rejectionCount());
    }
  }

  /** Exact at quiescence, and independent of how {@code size()} is computed. */
  private static int countByIterating(Map<?, ?> map) {
    int count = 0;
    for (Iterator<?> it = map.keySet().iterator(); it.hasNext(); it.next()) {
      count++;
    }
    return count;
  }

  // ---------------------------------------------------------------- I3 release

  @ParameterizedTest
  @EnumSource(MapConfig.class)
  void removedReplacedAndEvictedValues_areUnreachable(MapConfig config) {
    ConcurrentBoundedMap<Integer, Object> map = config.create();
    WeakReference<Object> removed = putValue(map, 1);
    WeakReference<Object> replaced = putValue(map, 2);
    WeakReference<Object> computedAway = putValue(map, 3);
    WeakReference<Object> iteratedAway = putValue(map, 4);
    map.remove(1);
    map.put(2, new Object());
    map.compute(3, (k, v) -> null);
    removeWithIterator(map, 4);
    assertTrue(Gc.cleared(removed), "removed value still reachable");
    assertTrue(Gc.cleared(replaced), "replaced value still reachable");
    assertTrue(Gc.cleared(computedAway), "value computed to null still reachable");
    assertTrue(Gc.cleared(iteratedAway), "value removed by iterator still reachable");

    WeakReference<Object> cleared = putValue(map, 5);
    map.clear();
    assertTrue(Gc.cleared(cleared), "cleared value still reachable");
  }

  @ParameterizedTest
  @EnumSource(value = MapConfig.class, names = {"REJECT", "REJECT_BYTES"}, mode = EnumSource.Mode.EXCLUDE)
  void evictedValues_areUnreachable(MapConfig config) {
    ConcurrentBoundedMap<Integer, Object> map = config.create();
    List<WeakReference<Object>> refs = new ArrayList<>();
    for (int i = 0; i < 20 * BOUND; i++) {
      refs.add(putValue(map, i));
    }
    long reachable = Gc.stillReachable(refs);
    assertTrue(reachable <= map.size(),
        reachable + " values reachable but only " + map.size() + " entries present");
  }

  /** In its own frame, so that the caller's stack holds no iterator (which may hold an entry). */
  private static void removeWithIterator(Map<Integer, ?> map, int key) {
    for (Iterator<Integer> it = map.keySet().iterator(); it.hasNext(); ) {
      if (it.next() == key) {
        it.remove();
      }
    }
  }

  private static WeakReference<Object> putValue(Map<Integer, Object> map, int key) {
    Object value = new byte[1024];
    map.put(key, value);
    return new WeakReference<>(value);
  }

  // ---------------------------------------------------------------- listener and weigher

  @ParameterizedTest
  @EnumSource(MapConfig.class)
  void listener_reportsEveryRemovalWithItsCause(MapConfig config) {
    List<String> events = new CopyOnWriteArrayList<>();
    ConcurrentBoundedMap<String, String> map = config.create(new FakeTicker(),
        (k, v, cause) -> events.add(k + "=" + v + ":" + cause));
    map.put("a", "1");
    map.put("a", "2");
    map.remove("a");
    assertEquals(List.of("a=1:REPLACED", "a=2:EXPLICIT"), events);
    if (!config.rejects()) {
      for (int i = 0; i < 2 * BOUND; i++) {
        map.put("k" + i, "v");
      }
      assertEquals(BOUND, events.stream().filter(e -> e.endsWith(":SIZE")).count());
    }
  }

  @ParameterizedTest
  @EnumSource(MapConfig.class)
  void throwingListener_neverCorruptsTheMap(MapConfig config) {
    AtomicInteger calls = new AtomicInteger();
    ConcurrentBoundedMap<Integer, String> map = config.create(new FakeTicker(), (k, v, cause) -> {
      calls.incrementAndGet();
      throw new IllegalStateException("listener failure");
    });
    Map<Integer, String> model = new HashMap<>();
    for (int i = 0; i < BOUND; i++) {
      map.put(i, "v" + i);
      model.put(i, "v" + i);
    }
    map.put(0, "replaced");
    model.put(0, "replaced");
    map.remove(1);
    model.remove(1);
    assertEquals(model, map);
    assertEquals(2, calls.get());
    ValidateMapsAfterEach.validate(map);
  }

  @ParameterizedTest
  @EnumSource(OverflowPolicy.class)
  void throwingWeigher_propagatesAndLeavesMapUnchanged(OverflowPolicy policy) {
    ConcurrentBoundedMap<String, String> map = SafeMaps.builder()
        .maximumBytes(10_000)
        .overflowPolicy(policy)
        .weigher((String k, String v) -> {
          if (v.equals("poison")) {
            throw new ArithmeticException("weigher failure");
          }
          return v.equals("negative") ? -1 : 10;
        })
        .recordMetrics()
        .build();
    map.put("a", "1");
    assertThrows(ArithmeticException.class, () -> map.put("b", "poison"));
    assertThrows(ArithmeticException.class, () -> map.put("a", "poison"));
    assertThrows(ArithmeticException.class, () -> map.compute("c", (k, v) -> "poison"));
    assertEquals("weight must not be negative: -1",
        assertThrows(IllegalArgumentException.class, () -> map.put("d", "negative")).getMessage());
    assertEquals(Map.of("a", "1"), map);
    assertEquals(10, map.metrics().estimatedBytes());
    map.put("b", "2");
    assertEquals(Map.of("a", "1", "b", "2"), map);
    assertEquals(20, map.metrics().estimatedBytes());
  }

  /**
   * A listener that writes back into its own full REJECT map runs while its caller's
   * reservation is still pending; it must be refused at once, not wait for its own caller.
   * The timeout only guards against a hang; nothing here measures speed.
   */
  @org.junit.jupiter.api.Test
  void listenerWritingIntoItsOwnFullMap_isRejectedNotHung() {
    List<Throwable> seenByListener = new CopyOnWriteArrayList<>();
    AtomicReference<ConcurrentBoundedMap<String, String>> self = new AtomicReference<>();
    ConcurrentBoundedMap<String, String> map = SafeMaps.builder()
        .maximumBytes(30)
        .weigher((String k, String v) -> v.length())
        .overflowPolicy(OverflowPolicy.REJECT)
        .removalListener((String k, String v, RemovalCause cause) -> {
          try {
            self.get().put("from-listener", "0123456789");
          } catch (CapacityExceededException e) {
            seenByListener.add(e);
          }
        })
        .build();
    self.set(map);
    map.put("a", "0123456789");
    map.put("b", "0123456789");
    map.put("c", "012345678");
    assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
        () -> assertEquals("0123456789", map.put("b", "01234567")));
    assertEquals(1, seenByListener.size(), "the nested write was refused");
    assertEquals(Map.of("a", "0123456789", "b", "01234567", "c", "012345678"), map);
  }

  // ---------------------------------------------------------------- I7 nulls

  @ParameterizedTest
  @EnumSource(MapConfig.class)
  void nulls_throwNpeNamingTheArgument(MapConfig config) {
    ConcurrentBoundedMap<String, String> map = config.create();
    assertEquals("key", assertThrows(NullPointerException.class, () -> map.put(null, "v")).getMessage());
    assertEquals("value", assertThrows(NullPointerException.class, () -> map.put("k", null)).getMessage());
    assertEquals("key", assertThrows(NullPointerException.class, () -> map.get(null)).getMessage());
    assertEquals("key", assertThrows(NullPointerException.class, () -> map.remove(null)).getMessage());
    assertEquals("remappingFunction",
        assertThrows(NullPointerException.class, () -> map.compute("k", null)).getMessage());
    assertEquals("mappingFunction",
        assertThrows(NullPointerException.class, () -> map.computeIfAbsent("k", null)).getMessage());
    assertEquals("value", assertThrows(NullPointerException.class,
        () -> map.merge("k", null, (a, b) -> a)).getMessage());
    assertTrue(map.isEmpty());
  }

  // ---------------------------------------------------------------- I5, I6 random operations

  @ParameterizedTest
  @EnumSource(MapConfig.class)
  void randomOperations_withinBound_matchHashMap(MapConfig config) {
    Seeds.forEach(20, random -> {
      ConcurrentBoundedMap<Integer, Integer> map = config.create();
      Map<Integer, Integer> model = new HashMap<>();
      for (int op = 0; op < 2_000; op++) {
        applyRandom(random, map, model);
      }
      assertEquals(model, map);
      assertEquals(model.hashCode(), map.hashCode());
      ValidateMapsAfterEach.validate(map);
    });
  }

  /** One random operation on both maps; keys stay below half the bound, so nothing evicts. */
  private static final Integer[] VALUES = new Integer[100_000];

  static {
    for (int i = 0; i < VALUES.length; i++) {
      VALUES[i] = Integer.valueOf(i);
    }
  }

  /** The one Integer instance for {@code v}, held strongly by this class. */
  private static Integer canonical(int v) {
    return VALUES[v];
  }

  private static void applyRandom(Random random, Map<Integer, Integer> map, Map<Integer, Integer> model) {
    Integer key = random.nextInt(BOUND / 2);
    // Every value comes from VALUES, so equal values are identical (weak-value maps compare by
    // ==) and strongly reachable (a weakly held value must not be collected mid-test).
    Integer value = canonical(random.nextInt(100));
    int op = random.nextInt(15);
    String what = "op " + op + " key " + key + " value " + value;
    switch (op) {
      case 0: assertEquals(model.put(key, value), map.put(key, value), what); break;
      case 1: assertEquals(model.putIfAbsent(key, value), map.putIfAbsent(key, value), what); break;
      case 2: assertEquals(model.remove(key), map.remove(key), what); break;
      case 3: assertEquals(model.remove(key, value), map.remove(key, value), what); break;
      case 4: assertEquals(model.replace(key, value), map.replace(key, value), what); break;
      case 5: assertEquals(model.replace(key, value, canonical(value + 1)), map.replace(key, value, canonical(value + 1)), what); break;
      case 6: assertEquals(model.get(key), map.get(key), what); break;
      case 7: assertEquals(model.containsKey(key), map.containsKey(key), what); break;
      case 8: assertEquals(model.compute(key, (k, v) -> v == null ? value : (v % 3 == 0 ? null : canonical(v + 1))),
          map.compute(key, (k, v) -> v == null ? value : (v % 3 == 0 ? null : canonical(v + 1))), what); break;
      case 9: assertEquals(model.computeIfAbsent(key, k -> value), map.computeIfAbsent(key, k -> value), what); break;
      case 10: assertEquals(model.computeIfPresent(key, (k, v) -> v % 2 == 0 ? null : canonical(v + 1)),
          map.computeIfPresent(key, (k, v) -> v % 2 == 0 ? null : canonical(v + 1)), what); break;
      case 11: assertEquals(model.merge(key, value, (a, b) -> a > 50 ? null : canonical(a + b)),
          map.merge(key, value, (a, b) -> a > 50 ? null : canonical(a + b)), what); break;
      case 12: assertEquals(model.size(), map.size(), what); break;
      case 13:
        if (random.nextInt(20) == 0) {
          model.clear();
          map.clear();
        }
        break;
      default:
        for (Iterator<Map.Entry<Integer, Integer>> it = map.entrySet().iterator(); it.hasNext(); ) {
          Map.Entry<Integer, Integer> e = it.next();
          if (e.getValue() % 7 == 0) {
            it.remove();
            model.remove(e.getKey());
          } else if (e.getValue() % 5 == 0) {
            e.setValue(canonical(e.getValue() + 1));
            model.put(e.getKey(), e.getValue());
          }
        }
    }
  }

  @ParameterizedTest
  @EnumSource(MapConfig.class)
  void hitsAndMisses_areCounted(MapConfig config) {
    ConcurrentBoundedMap<String, String> map = config.create();
    map.put("a", "1");
    map.get("a");
    map.get("a");
    map.get("b");
    assertEquals(2, map.metrics().hitCount());
    assertEquals(1, map.metrics().missCount());
  }
}
