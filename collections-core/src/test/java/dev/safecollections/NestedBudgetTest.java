package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.internal.ObjectSizeEstimator;
import dev.safecollections.testing.Seeds;
import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Maps of maps in a budget: the outer entry is re-weighed as its inner map grows and shrinks,
 * and leaving the outer map gives the inner map's bytes back.
 */
class NestedBudgetTest {
  private static final Weigher<Object, Object> WEIGHER = Weigher.estimatingRetainedBytes();
  private static final int LIMIT = 256 << 10;

  /** Which kind of map the outer and the inner maps are. */
  enum Nest {
    CONCURRENT_IN_CONCURRENT(false, false),
    SINGLE_THREADED_IN_CONCURRENT(false, true),
    CONCURRENT_IN_SINGLE_THREADED(true, false),
    SINGLE_THREADED_IN_SINGLE_THREADED(true, true);

    final boolean singleThreadedOuter;
    final boolean singleThreadedInner;

    Nest(boolean singleThreadedOuter, boolean singleThreadedInner) {
      this.singleThreadedOuter = singleThreadedOuter;
      this.singleThreadedInner = singleThreadedInner;
    }

    Map<String, Map<String, byte[]>> outer(MemoryBudget budget) {
      SafeMapBuilder<Object, Object> b = SafeMaps.builder().budget(budget).recordMetrics();
      return singleThreadedOuter ? b.singleThreaded().build() : b.build();
    }

    Map<String, byte[]> inner() {
      SafeMapBuilder<Object, Object> b = SafeMaps.builder().maximumSize(50);
      return singleThreadedInner ? b.singleThreaded().build() : b.build();
    }

    long shell() {
      return singleThreadedInner ? 550 : 2400;
    }
  }

  @ParameterizedTest
  @EnumSource(Nest.class)
  void innerGrowth_isChargedToTheOuterEntry_andRemovalReleasesIt(Nest nest) {
    MemoryBudget budget = MemoryBudget.of(LIMIT);
    Map<String, Map<String, byte[]>> tenants = nest.outer(budget);
    Map<String, byte[]> acme = tenants.computeIfAbsent("acme", t -> nest.inner());
    long empty = budget.usedBytes();
    assertEquals(shell(nest, "acme"), empty);
    acme.put("a", new byte[1000]);
    acme.put("b", new byte[2000]);
    assertEquals(empty + WEIGHER.weigh("a", new byte[1000]) + WEIGHER.weigh("b", new byte[2000]),
        budget.usedBytes());
    acme.remove("a");
    assertEquals(empty + WEIGHER.weigh("b", new byte[2000]), budget.usedBytes());
    tenants.remove("acme");
    assertEquals(0, budget.usedBytes());
    acme.put("c", new byte[3000]);
    assertEquals(0, budget.usedBytes(), "a detached inner map is still charged");
  }

  @ParameterizedTest
  @EnumSource(Nest.class)
  void innerMapUnderTwoKeys_isCountedOnce(Nest nest) {
    MemoryBudget budget = MemoryBudget.of(LIMIT);
    Map<String, Map<String, byte[]>> tenants = nest.outer(budget);
    Map<String, byte[]> shared = nest.inner();
    shared.put("x", new byte[4000]);
    tenants.put("first", shared);
    tenants.put("second", shared);
    long content = WEIGHER.weigh("x", new byte[4000]);
    assertEquals(shell(nest, "first") + shell(nest, "second") + content, budget.usedBytes());
    tenants.remove("second");
    assertEquals(shell(nest, "first") + content, budget.usedBytes(),
        "the second key owned nothing");
    tenants.put("first", nest.inner());
    assertEquals(shell(nest, "first"), budget.usedBytes(), "replacing released the content");
  }

  @ParameterizedTest
  @EnumSource(Nest.class)
  void innerGrowthPastTheLimit_evictsTheColdestTenants(Nest nest) {
    MemoryBudget budget = MemoryBudget.of(LIMIT);
    Map<String, Map<String, byte[]>> tenants = nest.outer(budget);
    for (int t = 0; t < 40; t++) {
      Map<String, byte[]> m = tenants.computeIfAbsent("t" + t, k -> nest.inner());
      for (int k = 0; k < 20; k++) {
        m.put("k" + k, new byte[1024]);
      }
    }
    assertTrue(budget.usedBytes() <= LIMIT);
    assertEquals(expected(nest, tenants), budget.usedBytes());
    assertTrue(((SafeCollection) tenants).metrics().evictionCount() > 0);
  }

  @ParameterizedTest
  @EnumSource(Nest.class)
  void randomOperations_keepOuterBytesEqualToShellsPlusContent(Nest nest) {
    Seeds.forEach(8, random -> {
      MemoryBudget budget = MemoryBudget.of(LIMIT);
      Map<String, Map<String, byte[]>> tenants = nest.outer(budget);
      for (int step = 0; step < 1500; step++) {
        String op = apply(nest, tenants, random);
        assertTrue(budget.usedBytes() <= LIMIT, "over the limit after " + op);
        assertEquals(expected(nest, tenants), budget.usedBytes(), "used bytes after " + op
            + " at step " + step);
      }
    });
  }

  @Test
  void lockFreeMaps_nestAndReleaseToo() {
    MemoryBudget budget = MemoryBudget.of(LIMIT);
    ConcurrentBoundedLong2ObjectMap<Map<Long, byte[]>> outer = SafeMaps.builder().budget(budget)
        .buildConcurrentLongToObject();
    Map<Long, byte[]> inner = outer.computeIfAbsent(1L,
        k -> SafeMaps.builder().maximumSize(50).buildConcurrentLongToObject());
    long shell = ObjectSizeEstimator.ENTRY_OVERHEAD + ObjectSizeEstimator.estimate(1L) + 1300;
    assertEquals(shell, budget.usedBytes());
    inner.put(7L, new byte[5000]);
    assertEquals(shell + WEIGHER.weigh(7L, new byte[5000]), budget.usedBytes());
    for (long t = 2; t < 200; t++) {
      outer.computeIfAbsent(t, k -> SafeMaps.builder().maximumSize(50).build())
          .put(t, new byte[3000]);
    }
    assertTrue(budget.usedBytes() <= LIMIT);
    long expected = 0;
    for (Long2ObjectMap.Entry<Map<Long, byte[]>> e : outer.long2ObjectEntrySet()) {
      expected += ObjectSizeEstimator.ENTRY_OVERHEAD + ObjectSizeEstimator.estimate(e.getLongKey())
          + ((e.getValue() == inner) ? 1300 : 2400);
      for (Map.Entry<Long, byte[]> i : e.getValue().entrySet()) {
        expected += WEIGHER.weigh(i.getKey(), i.getValue());
      }
    }
    assertEquals(expected, budget.usedBytes());
    outer.clear();
    assertEquals(0, budget.usedBytes());
  }

  @Test
  void primitiveInnerMaps_chargeTheirSlots() {
    MemoryBudget budget = MemoryBudget.of(LIMIT);
    ConcurrentBoundedMap<String, BoundedLong2LongMap> counters =
        SafeMaps.builder().budget(budget).build();
    BoundedLong2LongMap acme = counters.computeIfAbsent("acme",
        t -> SafeMaps.builder().maximumSize(1000).singleThreaded().buildLongToLong());
    long shell = budget.usedBytes();
    for (long k = 0; k < 100; k++) {
      acme.put(k, k);
    }
    assertEquals(shell + 100 * (8 + 8 + 4 + 4 + 8 + 4), budget.usedBytes());
    acme.remove(5L);
    assertEquals(shell + 99 * (8 + 8 + 4 + 4 + 8 + 4), budget.usedBytes());
    counters.remove("acme");
    assertEquals(0, budget.usedBytes());
  }

  @Test
  void concurrentWritersOnOuterAndInnerMaps_leaveExactBytes() throws Exception {
    for (boolean lockFreeOuter : new boolean[] {false, true}) {
      MemoryBudget budget = MemoryBudget.of(64L << 20);
      SafeMapBuilder<Object, Object> b = SafeMaps.builder().budget(budget);
      Map<Long, Map<Long, byte[]>> outer = lockFreeOuter
          ? b.<Map<Long, byte[]>>buildConcurrentLongToObject() : b.build();
      Thread[] writers = new Thread[2];
      Throwable[] failure = new Throwable[1];
      for (int t = 0; t < writers.length; t++) {
        long seed = t;
        writers[t] = new Thread(() -> {
          Random random = new Random(seed);
          try {
            for (int i = 0; i < 20_000; i++) {
              long tenant = random.nextInt(8);
              int r = random.nextInt(20);
              if (r == 0) {
                outer.remove(tenant);
              } else if (r == 1) {
                outer.put(tenant, SafeMaps.builder().maximumSize(100).build());
              } else {
                Map<Long, byte[]> inner = outer.computeIfAbsent(tenant,
                    k -> SafeMaps.builder().maximumSize(100).build());
                long key = random.nextInt(50);
                if (r < 6) {
                  inner.remove(key);
                } else {
                  inner.put(key, new byte[random.nextInt(300)]);
                }
              }
            }
          } catch (Throwable e) {
            failure[0] = e;
          }
        });
        writers[t].start();
      }
      for (Thread w : writers) {
        w.join();
      }
      assertEquals(null, failure[0]);
      long expected = 0;
      for (Map.Entry<Long, Map<Long, byte[]>> e : outer.entrySet()) {
        expected += ObjectSizeEstimator.ENTRY_OVERHEAD + ObjectSizeEstimator.estimate(e.getKey())
            + 2400;
        for (Map.Entry<Long, byte[]> i : e.getValue().entrySet()) {
          expected += WEIGHER.weigh(i.getKey(), i.getValue());
        }
      }
      assertEquals(expected, budget.usedBytes(), (lockFreeOuter ? "lock-free" : "Caffeine")
          + " outer map: used bytes at quiescence");
    }
  }

  @Test
  void innerSets_chargeTheirElements() {
    MemoryBudget budget = MemoryBudget.of(LIMIT);
    ConcurrentBoundedMap<String, Set<String>> tags = SafeMaps.builder().budget(budget).build();
    Set<String> concurrent = tags.computeIfAbsent("a", t -> SafeSets.bounded(100));
    Set<String> single = tags.computeIfAbsent("b",
        t -> SafeSets.builder().maximumSize(100).singleThreaded().build());
    long shells = budget.usedBytes();
    concurrent.add("red");
    single.add("blue");
    assertEquals(shells + WEIGHER.weigh("red", Boolean.TRUE)
        + 8 + 4 + 4 + 8 + 4 + ObjectSizeEstimator.estimate("blue"), budget.usedBytes());
    tags.clear();
    assertEquals(0, budget.usedBytes());
  }

  @Test
  void innerLists_chargeTheirElements_andGrowthEvictsTenants() {
    MemoryBudget budget = MemoryBudget.of(LIMIT);
    ConcurrentBoundedMap<String, List<byte[]>> events = SafeMaps.builder().budget(budget)
        .recordMetrics().build();
    List<byte[]> ring = events.computeIfAbsent("ring", t -> SafeLists.bounded(100));
    List<byte[]> timed = events.computeIfAbsent("timed",
        t -> SafeLists.expiring(Duration.ofHours(1), 100));
    long shells = budget.usedBytes();
    ring.add(new byte[1000]);
    ring.add(0, new byte[500]);
    timed.add(new byte[2000]);
    long element = ObjectSizeEstimator.estimate(new byte[1000]) + 8;
    long half = ObjectSizeEstimator.estimate(new byte[500]) + 8;
    long big = ObjectSizeEstimator.estimate(new byte[2000]) + 8;
    assertEquals(shells + element + half + big, budget.usedBytes());
    ring.set(1, new byte[500]);
    ring.remove(0);
    assertEquals(shells + half + big, budget.usedBytes());
    events.remove("timed");
    assertEquals(shells - (ObjectSizeEstimator.ENTRY_OVERHEAD
        + ObjectSizeEstimator.estimate("timed") + 224) + half, budget.usedBytes());
    for (int t = 0; t < 50; t++) {
      List<byte[]> list = events.computeIfAbsent("t" + t, k -> SafeLists.bounded(1000));
      for (int i = 0; i < 20; i++) {
        list.add(new byte[1000]);
      }
    }
    assertTrue(budget.usedBytes() <= LIMIT);
    assertTrue(events.metrics().evictionCount() > 0);
    long expected = 0;
    for (Map.Entry<String, List<byte[]>> e : events.entrySet()) {
      expected += ObjectSizeEstimator.ENTRY_OVERHEAD + ObjectSizeEstimator.estimate(e.getKey())
          + 224;
      for (byte[] b : e.getValue()) {
        expected += ObjectSizeEstimator.estimate(b) + 8;
      }
    }
    assertEquals(expected, budget.usedBytes());
  }

  private static String apply(Nest nest, Map<String, Map<String, byte[]>> tenants,
      Random random) {
    String tenant = "t" + random.nextInt(12);
    switch (random.nextInt(12)) {
      case 0:
        tenants.remove(tenant);
        return "remove a tenant";
      case 1:
        tenants.put(tenant, nest.inner());
        return "replace a tenant's map";
      case 2:
        if (random.nextInt(10) == 0) {
          tenants.clear();
          return "clear the tenants";
        }
        return "nothing";
      default: {
        Map<String, byte[]> m = tenants.computeIfAbsent(tenant, t -> nest.inner());
        String key = "k" + random.nextInt(30);
        int r = random.nextInt(10);
        if (r < 6) {
          m.put(key, new byte[random.nextInt(6000)]);
          return "put into an inner map";
        } else if (r < 8) {
          m.remove(key);
          return "remove from an inner map";
        } else if (r < 9) {
          m.merge(key, new byte[100], (a, b) -> new byte[a.length + b.length]);
          return "merge into an inner map";
        }
        m.clear();
        return "clear an inner map";
      }
    }
  }

  /** Each tenant's shell plus its inner map's entries, as the outer map should have charged. */
  private static long expected(Nest nest, Map<String, Map<String, byte[]>> tenants) {
    long sum = 0;
    for (Map.Entry<String, Map<String, byte[]>> e : tenants.entrySet()) {
      sum += shell(nest, e.getKey());
      for (Map.Entry<String, byte[]> i : e.getValue().entrySet()) {
        sum += WEIGHER.weigh(i.getKey(), i.getValue());
      }
    }
    return sum;
  }

  private static long shell(Nest nest, String key) {
    return ObjectSizeEstimator.ENTRY_OVERHEAD + ObjectSizeEstimator.estimate(key) + nest.shell();
  }
}
