package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.internal.ObjectSizeEstimator;
import dev.safecollections.testing.Gc;
import dev.safecollections.testing.Seeds;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Shared budgets: the budget invariant (used bytes within the limit, and equal to what the
 * members hold) under random operations over several members, fair shares, minimum and
 * maximum shares, REJECT, members that become unreachable, metrics and bad settings.
 */
class MemoryBudgetTest {
  private static final Weigher<Object, Object> WEIGHER = Weigher.estimatingRetainedBytes();
  private static final int LIMIT = 64 << 10;

  /** The kinds of member the invariant is checked on. */
  enum Kind {
    CONCURRENT {
      @Override
      Map<Long, byte[]> build(MemoryBudget budget, String name) {
        return SafeMaps.builder().budget(budget).name(name).recordMetrics().build();
      }
    },
    CONCURRENT_SIZED {
      @Override
      Map<Long, byte[]> build(MemoryBudget budget, String name) {
        return SafeMaps.builder().budget(budget).maximumSize(12).name(name).build();
      }
    },
    CONCURRENT_SHARES {
      @Override
      Map<Long, byte[]> build(MemoryBudget budget, String name) {
        return SafeMaps.builder().budget(budget).budgetShares(0.1, 0.5).name(name).build();
      }
    },
    SINGLE_THREADED {
      @Override
      Map<Long, byte[]> build(MemoryBudget budget, String name) {
        return SafeMaps.builder().budget(budget).name(name).recordMetrics().singleThreaded()
            .build();
      }
    },
    SINGLE_THREADED_FIFO_SHARES {
      @Override
      Map<Long, byte[]> build(MemoryBudget budget, String name) {
        return SafeMaps.builder().budget(budget).budgetShares(0.1, 0.5).maximumSize(12)
            .name(name).singleThreaded().evictionOrder(EvictionOrder.FIFO).build();
      }
    },
    LOCK_FREE {
      @Override
      Map<Long, byte[]> build(MemoryBudget budget, String name) {
        return SafeMaps.builder().budget(budget).name(name).recordMetrics()
            .buildConcurrentLongToObject();
      }
    },
    LOCK_FREE_SIZED_SHARES {
      @Override
      Map<Long, byte[]> build(MemoryBudget budget, String name) {
        return SafeMaps.builder().budget(budget).budgetShares(0.1, 0.5).maximumSize(12)
            .name(name).buildConcurrentLongToObject();
      }
    },
    LONG_TO_OBJECT {
      @Override
      Map<Long, byte[]> build(MemoryBudget budget, String name) {
        return SafeMaps.builder().budget(budget).name(name).recordMetrics().singleThreaded()
            .buildLongToObject();
      }
    },
    /** Members of every kind above, in turn. */
    MIXED {
      @Override
      Map<Long, byte[]> build(MemoryBudget budget, String name) {
        Kind[] kinds = values();
        return kinds[Math.floorMod(name.hashCode(), kinds.length - 1)].build(budget, name);
      }
    };

    abstract Map<Long, byte[]> build(MemoryBudget budget, String name);
  }

  // ---------------------------------------------------------------- the invariant

  @ParameterizedTest
  @EnumSource(Kind.class)
  void randomOperations_keepTheBudgetInvariant(Kind kind) {
    Seeds.forEach(12, random -> {
      MemoryBudget budget = MemoryBudget.of("test", LIMIT);
      List<Map<Long, byte[]>> members = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        members.add(kind.build(budget, "m" + i));
      }
      for (int step = 0; step < 600; step++) {
        String op;
        if (step == 300) {
          members.remove(0); // nothing else refers to it
          Gc.eventually(() -> budget.usedBytes() == held(members));
          op = "dropping a member";
        } else {
          op = apply(members.get(random.nextInt(members.size())), random);
        }
        checkInvariant(budget, members, "after " + op + " at step " + step);
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void writesOfTheSameInstance_chargeOnce(Kind kind) {
    MemoryBudget budget = MemoryBudget.of(LIMIT);
    Map<Long, byte[]> m = kind.build(budget, "m");
    byte[] v = new byte[1000];
    m.put(1L, v);
    long once = budget.usedBytes();
    assertEquals(WEIGHER.weigh(1L, v), once);
    m.put(1L, v);
    m.replace(1L, v);
    m.replace(1L, v, v);
    m.putIfAbsent(1L, new byte[5]);
    m.compute(1L, (k, old) -> old);
    m.merge(1L, new byte[5], (a, b) -> a);
    assertEquals(once, budget.usedBytes());
    m.replace(1L, v, new byte[10]);
    assertEquals(WEIGHER.weigh(1L, new byte[10]), budget.usedBytes());
    m.remove(1L);
    assertEquals(0, budget.usedBytes());
  }

  /** Applies one random operation; returns its name for failure messages. */
  private static String apply(Map<Long, byte[]> m, Random random) {
    long key = random.nextInt(24);
    byte[] value = new byte[1 + random.nextInt(LIMIT / 8)];
    switch (random.nextInt(10)) {
      case 0:
      case 1:
      case 2:
        m.put(key, value);
        return "put";
      case 3:
        m.remove(key);
        return "remove";
      case 4:
        if (random.nextInt(8) == 0) {
          m.clear();
          return "clear";
        }
        m.putIfAbsent(key, value);
        return "putIfAbsent";
      case 5: {
        byte[] old = m.get(key);
        if (old != null) {
          m.replace(key, new byte[old.length * 2]);
        }
        return "replace with a larger value";
      }
      case 6:
        m.compute(key, (k, v) -> (v == null || random.nextBoolean()) ? value : null);
        return "compute";
      case 7:
        m.merge(key, value, (a, b) -> new byte[a.length + b.length / 2]);
        return "merge";
      case 8: {
        Iterator<Long> it = m.keySet().iterator();
        if (it.hasNext()) {
          it.next();
          it.remove();
        }
        return "iterator remove";
      }
      default:
        m.computeIfAbsent(key, k -> value);
        return "computeIfAbsent";
    }
  }

  private static void checkInvariant(MemoryBudget budget, List<Map<Long, byte[]>> members,
      String when) {
    long used = budget.usedBytes();
    assertTrue(used <= budget.limit(), "budget used " + used + " bytes of " + budget.limit()
        + " " + when);
    assertEquals(held(members), used, "budget used bytes " + when);
    for (Map<Long, byte[]> m : members) {
      CollectionMetrics metrics = ((SafeCollection) m).metrics();
      long weighed = weighed(m);
      assertEquals(weighed, metrics.estimatedBytes(),
          ((SafeCollection) m).name() + "'s estimated bytes " + when);
      assertTrue(weighed <= metrics.maximumBytes().orElseThrow(),
          ((SafeCollection) m).name() + " holds " + weighed + " bytes, above its maximum share "
              + metrics.maximumBytes().orElseThrow() + " " + when);
    }
  }

  private static long held(List<Map<Long, byte[]>> members) {
    long sum = 0;
    for (Map<Long, byte[]> m : members) {
      sum += weighed(m);
    }
    return sum;
  }

  private static long weighed(Map<Long, byte[]> m) {
    long sum = 0;
    for (Map.Entry<Long, byte[]> e : m.entrySet()) {
      sum += WEIGHER.weigh(e.getKey(), e.getValue());
    }
    return sum;
  }

  @Test
  void listsAndMaps_keepTheBudgetInvariant() {
    Seeds.forEach(12, random -> {
      MemoryBudget budget = MemoryBudget.of("test", LIMIT);
      List<BoundedList<byte[]>> lists = new ArrayList<>();
      lists.add(SafeLists.builder().budget(budget).name("list").recordMetrics().build());
      lists.add(SafeLists.builder().budget(budget).budgetShares(0.1, 0.4).maximumSize(20)
          .name("capped list").build());
      List<Map<Long, byte[]>> maps = new ArrayList<>();
      maps.add(Kind.CONCURRENT.build(budget, "map"));
      for (int step = 0; step < 800; step++) {
        String op;
        if (random.nextInt(3) == 0) {
          op = apply(maps.get(0), random);
        } else {
          BoundedList<byte[]> list = lists.get(random.nextInt(lists.size()));
          byte[] value = new byte[1 + random.nextInt(LIMIT / 8)];
          int r = random.nextInt(10);
          if (r < 5) {
            list.add(value);
            op = "add";
          } else if (r < 6 && !list.isEmpty()) {
            list.add(random.nextInt(list.size()), value);
            op = "add at";
          } else if (r < 8 && !list.isEmpty()) {
            list.set(random.nextInt(list.size()), value);
            op = "set";
          } else if (r < 9 && !list.isEmpty()) {
            list.remove(random.nextInt(list.size()));
            op = "remove";
          } else {
            list.clear();
            op = "clear";
          }
        }
        long listBytes = 0;
        for (BoundedList<byte[]> list : lists) {
          long weighed = 0;
          for (byte[] e : list) {
            weighed += ObjectSizeEstimator.estimate(e) + 8;
          }
          assertEquals(weighed, list.metrics().estimatedBytes(),
              list.name() + "'s bytes after " + op + " at step " + step);
          assertTrue(weighed <= list.metrics().maximumBytes().orElseThrow());
          listBytes += weighed;
        }
        long used = budget.usedBytes();
        assertTrue(used <= LIMIT, "used " + used + " after " + op + " at step " + step);
        assertEquals(listBytes + held(maps), used, "used after " + op + " at step " + step);
      }
    });
  }

  @Test
  void primitiveMaps_chargeEachSlotAndRejectAtTheLimit() {
    MemoryBudget budget = MemoryBudget.of(LIMIT);
    BoundedLong2LongMap counts = SafeMaps.builder().budget(budget).singleThreaded()
        .buildLongToLong();
    BoundedObject2IntMap<String> ids = SafeMaps.builder().budget(budget)
        .overflowPolicy(OverflowPolicy.REJECT).singleThreaded().buildObjectToInt();
    for (long k = 0; k < 500; k++) {
      counts.put(k, k);
    }
    long slot = 8 + 8 + 4 + 4 + 8 + 4; // key, value, chain, bucket, order links, weight
    assertEquals(500 * slot, counts.metrics().estimatedBytes());
    int i = 0;
    CapacityExceededException full = null;
    while (full == null) {
      try {
        ids.put("id" + i, i);
        i++;
      } catch (CapacityExceededException e) {
        full = e;
      }
    }
    assertTrue(full.getMessage().contains("its budget"), full.getMessage());
    long idBytes = 0;
    for (String key : ids.keySet()) {
      idBytes += 8 + 4 + 4 + 4 + 8 + 4 + ObjectSizeEstimator.estimate(key);
    }
    assertEquals(idBytes, ids.metrics().estimatedBytes());
    assertEquals(counts.metrics().estimatedBytes() + idBytes, budget.usedBytes());
    assertTrue(budget.usedBytes() <= LIMIT);
    counts.clear();
    assertEquals(idBytes, budget.usedBytes());
  }

  @Test
  void sets_chargeTheirElements() {
    Seeds.forEach(8, random -> {
      MemoryBudget budget = MemoryBudget.of(LIMIT / 4);
      BoundedSet<String> concurrent = SafeSets.builder().budget(budget).build();
      BoundedSet<String> single = SafeSets.builder().budget(budget).singleThreaded().build();
      BoundedLongSet longs = SafeSets.builder().budget(budget).budgetShares(0, 0.3)
          .singleThreaded().buildLongs();
      for (int step = 0; step < 2000; step++) {
        int r = random.nextInt(10);
        String element = "e" + random.nextInt(400);
        if (r < 3) {
          concurrent.add(element);
        } else if (r < 6) {
          single.add(element);
        } else if (r < 8) {
          longs.add(random.nextInt(400));
        } else if (r < 9) {
          concurrent.remove(element);
          single.remove(element);
          longs.remove(random.nextInt(400));
        } else if (random.nextInt(20) == 0) {
          single.clear();
        }
        long concurrentBytes = 0;
        for (String e : concurrent) {
          concurrentBytes += WEIGHER.weigh(e, Boolean.TRUE);
        }
        long singleBytes = 0;
        for (String e : single) {
          singleBytes += 8 + 4 + 4 + 8 + 4 + ObjectSizeEstimator.estimate(e);
        }
        long longBytes = longs.size() * (8L + 4 + 4 + 8 + 4);
        assertEquals(concurrentBytes + singleBytes + longBytes, budget.usedBytes(),
            "used bytes at step " + step);
        assertTrue(budget.usedBytes() <= budget.limit(), "used " + budget.usedBytes());
        assertTrue(longBytes <= budget.limit() * 0.3);
      }
    });
  }

  // ---------------------------------------------------------------- sharing

  @Test
  void mapsFedOneAfterAnother_endNearTheirFairShares() {
    MemoryBudget budget = MemoryBudget.of(LIMIT * 4L);
    List<Map<Long, byte[]>> maps = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      maps.add(SafeMaps.builder().budget(budget).build());
    }
    for (Map<Long, byte[]> m : maps) {
      for (long k = 0; k < 200; k++) {
        m.put(k, new byte[1024]);
      }
    }
    long fair = budget.limit() / 4;
    for (Map<Long, byte[]> m : maps) {
      long bytes = ((SafeCollection) m).metrics().estimatedBytes();
      assertTrue(bytes >= fair * 3 / 4 && bytes <= fair * 5 / 4,
          "a map fed in turn holds " + bytes + " bytes, fair share " + fair);
    }
    assertTrue(budget.usedBytes() <= budget.limit());
  }

  @Test
  void minimumShare_isNeverEvictedByOthers() {
    MemoryBudget budget = MemoryBudget.of(LIMIT);
    Map<Long, byte[]> guarded = SafeMaps.builder().budget(budget).budgetShares(0.6, 1).build();
    Map<Long, byte[]> other = SafeMaps.builder().budget(budget).build();
    for (long k = 0; k < 36; k++) {
      guarded.put(k, new byte[1024]);
    }
    long before = weighed(guarded);
    for (long k = 0; k < 500; k++) {
      other.put(k, new byte[1024]);
    }
    long after = weighed(guarded);
    long entry = WEIGHER.weigh(0L, new byte[1024]);
    assertTrue(after > LIMIT * 0.6 - entry && after <= before,
        "guarded holds " + after + " of " + before + ", its minimum share is " + LIMIT * 0.6);
    assertTrue(weighed(other) > 0);
    assertTrue(budget.usedBytes() <= budget.limit());
  }

  @Test
  void maximumShare_capsAMemberAlone() {
    MemoryBudget budget = MemoryBudget.of(LIMIT);
    Map<Long, byte[]> capped = SafeMaps.builder().budget(budget).budgetShares(0, 0.25).build();
    for (long k = 0; k < 500; k++) {
      capped.put(k, new byte[1024]);
    }
    long bytes = weighed(capped);
    assertTrue(bytes <= LIMIT / 4 && bytes > LIMIT / 8, "capped map holds " + bytes);
  }

  @Test
  void reject_refusesAtTheLimitAndIsNeverEvictedForOthers() {
    MemoryBudget budget = MemoryBudget.of("shared", LIMIT);
    ConcurrentBoundedMap<Long, byte[]> rejecting = SafeMaps.builder().budget(budget)
        .overflowPolicy(OverflowPolicy.REJECT).name("rejecting").recordMetrics().build();
    long k = 0;
    CapacityExceededException full = null;
    while (full == null) {
      try {
        rejecting.put(k++, new byte[1024]);
      } catch (CapacityExceededException e) {
        full = e;
      }
    }
    assertTrue(full.getMessage().startsWith("rejecting is full: its budget shared has "),
        full.getMessage());
    assertNull(rejecting.get(k - 1), "a refused put left its entry");
    int held = rejecting.size();
    assertEquals(1, rejecting.metrics().rejectionCount());
    Map<Long, byte[]> evicting = SafeMaps.builder().budget(budget).build();
    for (long i = 0; i < 100; i++) {
      evicting.put(i, new byte[512]);
    }
    assertEquals(held, rejecting.size(), "entries of a REJECT member were evicted for another");
    assertTrue(budget.usedBytes() <= budget.limit());
    rejecting.remove(0L);
    rejecting.put(0L, new byte[100]);
  }

  // ---------------------------------------------------------------- threads

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"CONCURRENT", "CONCURRENT_SHARES", "LOCK_FREE",
      "LOCK_FREE_SIZED_SHARES"})
  void concurrentWriters_leaveTheBudgetWithinItsLimitAndExact(Kind kind) throws Exception {
    MemoryBudget budget = MemoryBudget.of(LIMIT * 4L);
    List<Map<Long, byte[]>> maps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      maps.add(kind.build(budget, "m" + i));
    }
    int threads = 4;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> writers = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long seed = t;
      Thread w = new Thread(() -> {
        Random random = new Random(seed);
        try {
          start.await();
          for (int i = 0; i < 20_000; i++) {
            Map<Long, byte[]> m = maps.get(random.nextInt(maps.size()));
            long key = random.nextInt(400);
            if (random.nextInt(5) == 0) {
              m.remove(key);
            } else {
              m.put(key, new byte[random.nextInt(2048)]);
            }
          }
        } catch (Throwable e) {
          synchronized (failures) {
            failures.add(e);
          }
        }
      });
      writers.add(w);
      w.start();
    }
    start.countDown();
    for (Thread w : writers) {
      w.join(TimeUnit.MINUTES.toMillis(2));
    }
    if (!failures.isEmpty()) {
      throw new AssertionError("writers failed: " + failures, failures.get(0));
    }
    assertEquals(held(maps), budget.usedBytes(), "used bytes at quiescence");
    assertTrue(budget.usedBytes() <= budget.limit(),
        "used " + budget.usedBytes() + " of " + budget.limit() + " at quiescence");
  }

  // ---------------------------------------------------------------- reachability

  @Test
  void unreachableMember_givesItsBytesBack() {
    MemoryBudget budget = MemoryBudget.of(LIMIT);
    Map<Long, byte[]> kept = SafeMaps.builder().budget(budget).build();
    kept.put(1L, new byte[1000]);
    WeakReference<Map<Long, byte[]>> dropped = fill(budget);
    assertTrue(budget.usedBytes() > weighed(kept));
    assertTrue(Gc.cleared(dropped), "the budget kept an unreachable member alive");
    assertTrue(Gc.eventually(() -> budget.usedBytes() == weighed(kept)),
        "used " + budget.usedBytes() + ", the live member holds " + weighed(kept));
    assertEquals(1, budget.metrics().memberCount());
  }

  private static WeakReference<Map<Long, byte[]>> fill(MemoryBudget budget) {
    Map<Long, byte[]> m = SafeMaps.builder().budget(budget).build();
    for (long k = 0; k < 20; k++) {
      m.put(k, new byte[1000]);
    }
    return new WeakReference<>(m);
  }

  // ---------------------------------------------------------------- metrics

  @Test
  void metrics_reportTheBudgetAndEvictionsPerMember() {
    MemoryBudget budget = MemoryBudget.of("caches", LIMIT);
    ConcurrentBoundedMap<Long, byte[]> first = SafeMaps.builder().budget(budget).name("first")
        .recordMetrics().build();
    ConcurrentBoundedMap<Long, byte[]> second = SafeMaps.builder().budget(budget).name("second")
        .build();
    for (long k = 0; k < 100; k++) {
      first.put(k, new byte[1024]);
    }
    for (long k = 0; k < 100; k++) {
      second.put(k, new byte[1024]);
    }
    BudgetMetrics b = budget.metrics();
    assertEquals("caches", b.name());
    assertEquals(LIMIT, b.limit());
    assertEquals(2, b.memberCount());
    assertEquals(weighed(first) + weighed(second), b.usedBytes());
    assertEquals("first", b.members().get(0).name());
    long firstEvictions = b.members().get(0).evictionCount();
    assertEquals(100 - first.size(), firstEvictions);
    assertEquals(firstEvictions, first.metrics().evictionCount());
    assertEquals(100 - second.size(), b.members().get(1).evictionCount());
    assertEquals(firstEvictions + b.members().get(1).evictionCount(), b.evictionCount());
    CollectionMetrics m = first.metrics();
    assertEquals(b, m.budget().orElseThrow());
    assertEquals(weighed(first), m.estimatedBytes());
    assertEquals(LIMIT, m.maximumBytes().orElseThrow());
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void badSettings_failAtBuildTimeNamingTheValue() {
    assertEquals("bytes must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> MemoryBudget.of(0)).getMessage());
    assertEquals("name", assertThrows(NullPointerException.class,
        () -> MemoryBudget.of(null, 1)).getMessage());
    MemoryBudget budget = MemoryBudget.of("b", LIMIT);
    assertEquals("budget was already set to " + budget, assertThrows(
        IllegalStateException.class, () -> SafeMaps.builder().budget(budget).budget(budget))
        .getMessage());
    assertEquals("minimum share must be between 0 and 1: -0.1", assertThrows(
        IllegalArgumentException.class, () -> SafeMaps.builder().budgetShares(-0.1, 1))
        .getMessage());
    assertEquals("maximum share must be above 0 and at most 1: 0.0", assertThrows(
        IllegalArgumentException.class, () -> SafeMaps.builder().budgetShares(0, 0))
        .getMessage());
    assertEquals("minimum share (0.5) must not exceed maximum share: 0.25", assertThrows(
        IllegalArgumentException.class, () -> SafeMaps.builder().budgetShares(0.5, 0.25))
        .getMessage());
    assertTrue(assertThrows(IllegalStateException.class,
        () -> SafeMaps.builder().budget(budget).maximumBytes(10).build()).getMessage()
        .startsWith("maximum bytes (10) and a budget (MemoryBudget{name=b"));
    assertEquals("budget shares need budget(MemoryBudget) to share", assertThrows(
        IllegalStateException.class,
        () -> SafeMaps.builder().maximumSize(1).budgetShares(0, 1).build()).getMessage());
    assertTrue(assertThrows(IllegalStateException.class,
        () -> SafeMaps.builder().budget(budget).weakValues().build()).getMessage()
        .startsWith("a budget needs strong keys and values"));
    SafeMaps.builder().budget(budget).budgetShares(0.75, 1).build();
    assertEquals("minimum shares of b would add up to " + (LIMIT / 2 + LIMIT * 3 / 4)
            + " bytes, more than its limit of " + LIMIT + ": SafeMap@x asks for " + LIMIT / 2,
        assertThrows(IllegalStateException.class,
            () -> SafeMaps.builder().budget(budget).budgetShares(0.5, 1).build()).getMessage()
            .replaceAll("SafeMap@[0-9a-f]+", "SafeMap@x"));
  }

  @Test
  void budgetAlone_isABound() {
    ConcurrentBoundedMap<String, String> m = SafeMaps.builder().budget(MemoryBudget.of(4096))
        .build();
    for (int i = 0; i < 1000; i++) {
      m.put("k" + i, "v" + i);
    }
    assertTrue(m.metrics().estimatedBytes() <= 4096);
    assertTrue(m.size() > 0 && m.size() < 1000, "size " + m.size());
  }
}
