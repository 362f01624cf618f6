package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.internal.Sweeper;
import dev.safecollections.testing.FakeTicker;
import dev.safecollections.testing.Gc;
import dev.safecollections.testing.Seeds;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * The lock-free long-key map from {@link SafeMaps#concurrentLongToObject(long)}: a seeded
 * model-based test against {@code HashMap} across table moves (I6), the bound under eviction
 * and REJECT (I1), storage after removals and under churn (I2), release (I3), expiry with an
 * injected ticker, metrics (I5), bad input (I7), and the concurrency targets: no lost
 * merge, the bound and the counters at quiescence with writers racing each other and moves.
 */
class ConcurrentLongMapTest {
  private static final Long ONE = 1L;

  @Test
  void randomOperations_matchHashMap_acrossMoves() {
    Seeds.forEach(20, random -> {
      ConcurrentBoundedLong2ObjectMap<Integer> map =
          ConcurrentLongMapConformanceTest.movingEveryFewWrites(1_000);
      Map<Long, Integer> model = new HashMap<>();
      for (int step = 0; step < 3_000; step++) {
        long key = random.nextInt(40) - 5;
        int value = random.nextInt(5);
        String op;
        switch (random.nextInt(12)) {
          case 0:
            op = "put";
            assertEquals(model.put(key, value), map.put(key, (Integer) value), op);
            break;
          case 1:
            op = "putIfAbsent";
            assertEquals(model.putIfAbsent(key, value), map.putIfAbsent(key, (Integer) value), op);
            break;
          case 2:
            op = "remove";
            assertEquals(model.remove(key), map.remove(key), op);
            break;
          case 3:
            op = "removeValue";
            assertEquals(model.remove(key, value), map.remove(key, (Object) value), op);
            break;
          case 4:
            op = "replace";
            assertEquals(model.replace(key, value), map.replace(key, (Integer) value), op);
            break;
          case 5:
            op = "replaceValue";
            assertEquals(model.replace(key, value, value + 1),
                map.replace(key, (Integer) value, (Integer) (value + 1)), op);
            break;
          case 6:
            op = "merge";
            assertEquals(model.merge(key, value, (a, b) -> (a + b) % 7 == 0 ? null : a + b),
                map.merge(key, (Integer) value, (a, b) -> (a + b) % 7 == 0 ? null : a + b), op);
            break;
          case 7:
            op = "compute";
            Integer boxed = value;
            assertEquals(model.compute(key, (k, v) -> v == null ? boxed : v == value ? null : v),
                map.compute(key, (k, v) -> v == null ? boxed : v == value ? null : v), op);
            break;
          case 8:
            op = "computeIfAbsent";
            assertEquals(model.computeIfAbsent(key, k -> value),
                map.computeIfAbsent(key, (java.util.function.LongFunction<Integer>) k -> value), op);
            break;
          case 9:
            op = "iteratorRemove";
            Iterator<Long> it = map.keySet().iterator();
            if (it.hasNext()) {
              Long first = it.next();
              it.remove();
              model.remove(first);
            }
            break;
          case 10:
            op = (random.nextInt(20) == 0) ? "clear" : "get";
            if (op.equals("clear")) {
              map.clear();
              model.clear();
            } else {
              assertEquals(model.get(key), map.get(key), op);
              assertEquals(model.containsKey(key), map.containsKey(key), op);
            }
            break;
          default:
            op = "removeMany";
            for (long k = -5; k < 35; k += 2) {
              assertEquals(model.remove(k), map.remove(k), op);
            }
            break;
        }
        assertEquals(model.size(), map.size(), () -> "size after " + op);
        if (step % 50 == 0) {
          assertEquals(model, new HashMap<>(map), "contents after " + op);
          assertEquals(model.hashCode(), map.hashCode());
        }
      }
      assertTrue(map.metrics().shrinkCount() > 0, "the test never moved the table");
    });
  }

  @Test
  void put_pastTheBound_evictsDownToIt_afterEveryInsertion() {
    ConcurrentBoundedLong2ObjectMap<String> map = SafeMaps.builder().maximumSize(1_000)
        .recordMetrics().buildConcurrentLongToObject();
    for (long k = 0; k < 10_000; k++) {
      map.put(k, "v");
      assertEquals(Math.min(k + 1, 1_000), map.size());
    }
    assertEquals(1_000, map.keySet().size());
    int iterated = 0;
    for (Iterator<Long> it = map.keySet().iterator(); it.hasNext(); it.next()) {
      iterated++;
    }
    assertEquals(1_000, iterated);
    CollectionMetrics m = map.metrics();
    assertEquals(9_000, m.evictionCount());
    assertEquals(1_000, m.peakSize());
    assertEquals(m.size(), m.insertionCount() - m.evictionCount() - m.removalCount());
  }

  @Test
  void eviction_keepsRecentlyReadEntries() {
    ConcurrentBoundedLong2ObjectMap<String> map = SafeMaps.concurrentLongToObject(1_000);
    for (long hot = 0; hot < 100; hot++) {
      map.put(hot, "hot");
    }
    for (long cold = 1_000; cold < 50_000; cold++) {
      map.put(cold, "cold");
      map.get(cold % 100);
    }
    int survivors = 0;
    for (long hot = 0; hot < 100; hot++) {
      survivors += map.containsKey(hot) ? 1 : 0;
    }
    // Random eviction would keep each hot key through 49,000 evictions with a chance of
    // (999/1000)^49000, about 5e-22; sampled LRU keeps nearly all of them.
    assertTrue(survivors >= 90, "hot keys kept: " + survivors);
  }

  @Test
  void reject_atTheBound_throwsAndChangesNothing_updatesStillWork() {
    ConcurrentBoundedLong2ObjectMap<String> map = SafeMaps.builder().maximumSize(3)
        .overflowPolicy(OverflowPolicy.REJECT).name("orders").recordMetrics()
        .buildConcurrentLongToObject();
    map.put(1, "a");
    map.put(2, "b");
    map.put(3, "c");
    CapacityExceededException e =
        assertThrows(CapacityExceededException.class, () -> map.put(4, "d"));
    assertEquals("orders is full: maximum size is 3", e.getMessage());
    assertThrows(CapacityExceededException.class, () -> map.merge(5L, "e", String::concat));
    assertThrows(CapacityExceededException.class, () -> map.putIfAbsent(6, "f"));
    assertEquals(Map.of(1L, "a", 2L, "b", 3L, "c"), new HashMap<>(map));
    assertEquals("b", map.put(2, "B"));
    assertEquals("aa", map.merge(1L, "a", String::concat));
    map.remove(3);
    map.put(4, "d");
    assertEquals(3, map.size());
    assertEquals(3, map.metrics().rejectionCount());
  }

  @Test
  void removingEverything_fromAMillion_retainsUnderOneMegabyte() {
    ConcurrentBoundedLong2ObjectMap<Long> map = SafeMaps.concurrentLongToObject(2_000_000);
    Long value = 42L;
    for (long k = 0; k < 1_000_000; k++) {
      map.put(k * 7, value);
    }
    long full = GraphLayout.parseInstance(map).totalSize();
    for (long k = 0; k < 1_000_000; k++) {
      assertEquals(value, map.remove(k * 7));
    }
    long empty = GraphLayout.parseInstance(map).totalSize();
    System.out.printf("lock-free long map: %,d B with 1M entries, %,d B retained after removing "
        + "them all%n", full, empty);
    assertTrue(map.isEmpty());
    assertTrue(empty <= 1 << 20, "retained after removing 1M: " + empty + " bytes (full: " + full
        + ")");
  }

  @Test
  void removingEverything_afterEvictions_retainsUnderOneMegabyte() {
    ConcurrentBoundedLong2ObjectMap<Long> map = SafeMaps.concurrentLongToObject(1_000_000);
    Long value = 42L;
    for (long k = 0; k < 1_200_000; k++) {
      map.put(k, value);
    }
    assertEquals(1_000_000, map.size());
    for (long k = 0; k < 1_200_000; k++) {
      map.remove(k);
    }
    long empty = GraphLayout.parseInstance(map).totalSize();
    assertTrue(map.isEmpty());
    assertTrue(empty <= 1 << 20, "retained after evicting and removing: " + empty + " bytes");
  }

  @Test
  void removals_keepStorageProportional_andEntriesIntact() {
    ConcurrentBoundedLong2ObjectMap<String> map = SafeMaps.concurrentLongToObject(200_000);
    for (long k = 0; k < 100_000; k++) {
      map.put(k, Long.toString(k));
    }
    for (long k = 0; k < 100_000; k++) {
      if (k % 10 != 0) {
        map.remove(k);
      }
    }
    ConcurrentBoundedLong2ObjectMap<String> fresh = SafeMaps.concurrentLongToObject(200_000);
    for (long k = 0; k < 100_000; k += 10) {
      assertEquals(Long.toString(k), map.get(k));
      fresh.put(k, Long.toString(k));
    }
    assertEquals(10_000, map.size());
    long shrunk = GraphLayout.parseInstance(map).totalSize();
    long grown = GraphLayout.parseInstance(fresh).totalSize();
    System.out.printf("lock-free long map: %,d B after removing 90%% of 100,000 entries, %,d B "
        + "for the same 10,000 entries grown fresh%n", shrunk, grown);
    assertTrue(shrunk <= 2 * grown, "after removals " + shrunk + " bytes, fresh " + grown);
  }

  @Test
  void churnOfNewKeys_atTheBound_keepsTheTableSmall() {
    // A raw NonBlockingHashMapLong holding 1,000 entries under this churn grows past 200 MB.
    ConcurrentBoundedLong2ObjectMap<String> map = SafeMaps.concurrentLongToObject(1_000);
    ConcurrentBoundedLong2ObjectMap<String> fresh = SafeMaps.concurrentLongToObject(1_000);
    for (long k = 0; k < 1_000; k++) {
      fresh.put(k, "v");
    }
    long peak = 0;
    for (long k = 0; k < 3_000_000; k++) {
      map.put(k, "v");
      if (k % 500_000 == 0) {
        peak = Math.max(peak, GraphLayout.parseInstance(map).totalSize());
      }
    }
    long base = GraphLayout.parseInstance(fresh).totalSize();
    System.out.printf("lock-free long map under churn at a bound of 1,000: at most %,d B "
        + "(a fresh map at the bound: %,d B)%n", peak, base);
    assertTrue(peak <= 16 * base, "under churn " + peak + " bytes, fresh at the bound " + base);
  }

  @Test
  void removedReplacedEvictedAndExpiredValues_areReleased() {
    FakeTicker ticker = new FakeTicker();
    ConcurrentBoundedLong2ObjectMap<Object> map = SafeMaps.builder().maximumSize(2)
        .expireAfterWrite(Duration.ofMinutes(1)).ticker(ticker).buildConcurrentLongToObject();
    List<WeakReference<Object>> gone = new ArrayList<>();
    Object removed = new Object();
    Object replaced = new Object();
    map.put(1, removed);
    map.put(2, replaced);
    gone.add(new WeakReference<>(map.remove(1)));
    gone.add(new WeakReference<>(map.put(2, new Object())));
    Object evicted = new Object();
    map.put(3, evicted);
    map.put(4, new Object());
    map.put(5, new Object());
    gone.add(new WeakReference<>(evicted));
    Object expired = map.get(5);
    gone.add(new WeakReference<>(expired));
    ticker.advance(Duration.ofMinutes(2));
    map.cleanUp();
    removed = null;
    replaced = null;
    evicted = null;
    expired = null;
    assertEquals(0, Gc.stillReachable(gone), "values still reachable from the map");
    assertTrue(map.isEmpty());
  }

  @Test
  void expiry_withAnInjectedTicker() {
    FakeTicker ticker = new FakeTicker();
    ConcurrentBoundedLong2ObjectMap<String> map = SafeMaps.builder().maximumSize(10)
        .expireAfterWrite(Duration.ofMinutes(1)).ticker(ticker).recordMetrics()
        .buildConcurrentLongToObject();
    map.put(1, "a");
    map.put(2, "b");
    ticker.advance(Duration.ofSeconds(59));
    map.put(2, "B");
    assertEquals("a", map.get(1));
    ticker.advance(Duration.ofSeconds(1));
    assertNull(map.get(1));
    assertFalse(map.containsKey(1));
    assertEquals("B", map.get(2), "a rewrite restarts the clock");
    assertEquals(Map.of(2L, "B"), new HashMap<>(map));
    ticker.advance(Duration.ofMinutes(1));
    assertEquals(1, map.size(), "not yet reclaimed");
    map.cleanUp();
    assertEquals(0, map.size());
    assertEquals(2, map.metrics().expirationCount());
  }

  @Test
  void writeOverAnExpiredEntry_insertsAfresh() {
    FakeTicker ticker = new FakeTicker();
    ConcurrentBoundedLong2ObjectMap<String> map = SafeMaps.builder().maximumSize(10)
        .expireAfterWrite(Duration.ofMinutes(1)).ticker(ticker).recordMetrics()
        .buildConcurrentLongToObject();
    map.put(1, "a");
    map.put(2, "b");
    ticker.advance(Duration.ofMinutes(1));
    assertNull(map.put(1, "A"), "an expired value is not a previous value");
    assertNull(map.replace(2, "B"), "nor is it there to replace");
    assertEquals("A", map.get(1));
    ticker.advance(Duration.ofSeconds(59));
    assertEquals("A", map.get(1), "the new entry has a fresh ttl");
    CollectionMetrics m = map.metrics();
    assertEquals(2, m.expirationCount());
    assertEquals(0, m.replacementCount());
    assertEquals(1, m.size());
  }

  @Test
  void idleMap_isSweptByTheSharedThread() throws InterruptedException {
    CountDownLatch swept = new CountDownLatch(1);
    ConcurrentBoundedLong2ObjectMap<String> map = SafeMaps.builder().maximumSize(10)
        .expireAfterWrite(Duration.ofMillis(10))
        .removalListener((k, v, cause) -> {
          if (cause == RemovalCause.EXPIRED
              && Thread.currentThread().getName().equals(Sweeper.THREAD_NAME)) {
            swept.countDown();
          }
        })
        .buildConcurrentLongToObject();
    map.put(1, "a");
    assertTrue(swept.await(60, TimeUnit.SECONDS), "no expiry on the sweeper thread");
    assertTrue(map.isEmpty());
  }

  @Test
  void listener_hearsEveryRemovalWithItsCause() {
    List<String> heard = new ArrayList<>();
    ConcurrentBoundedLong2ObjectMap<String> map = SafeMaps.builder().maximumSize(2)
        .<Long, String>removalListener((k, v, cause) -> heard.add(k + "=" + v + ":" + cause))
        .buildConcurrentLongToObject();
    map.put(1, "a");
    map.put(1, "b");
    map.remove(1);
    map.put(2, "c");
    map.put(3, "d");
    map.put(4, "e");
    assertEquals(List.of("1=a:REPLACED", "1=b:EXPLICIT"), heard.subList(0, 2));
    assertEquals(3, heard.size());
    assertTrue(heard.get(2).endsWith(":SIZE"), heard::toString);
  }

  @Test
  @SuppressWarnings("deprecation") // the boxed put is the ConcurrentMap contract under test
  void badInput_failsNamingTheArgument() {
    ConcurrentBoundedLong2ObjectMap<String> map = SafeMaps.concurrentLongToObject(10);
    assertEquals("value", assertThrows(NullPointerException.class, () -> map.put(1, null))
        .getMessage());
    assertEquals("key", assertThrows(NullPointerException.class,
        () -> map.put((Long) null, "a")).getMessage());
    assertEquals("remappingFunction", assertThrows(NullPointerException.class,
        () -> map.merge(1L, "a", null)).getMessage());
    assertThrows(UnsupportedOperationException.class, () -> map.defaultReturnValue("x"));
    assertNull(map.get(1), "absent is still null");
    assertTrue(map.isEmpty());
    assertEquals("maximum size must be positive: 0", assertThrows(
        IllegalArgumentException.class, () -> SafeMaps.concurrentLongToObject(0)).getMessage());
    assertEquals("a lock-free map is bounded by maximumSize(long) or a budget, not maximum bytes (100)",
        assertThrows(IllegalStateException.class,
            () -> SafeMaps.builder().maximumBytes(100).buildConcurrentLongToObject()).getMessage());
    assertTrue(assertThrows(IllegalStateException.class,
        () -> SafeMaps.builder().buildConcurrentLongToObject()).getMessage()
        .startsWith("no bound was set"));
    assertThrows(IllegalStateException.class, () -> SafeMaps.builder().maximumSize(10)
        .expireAfterAccess(Duration.ofMinutes(1)).buildConcurrentLongToObject());
    assertThrows(IllegalStateException.class, () -> SafeMaps.builder().maximumSize(10)
        .weakValues().buildConcurrentLongToObject());
  }

  @Test
  void throwingListener_neverCorruptsTheMap() {
    ConcurrentBoundedLong2ObjectMap<String> map = SafeMaps.builder().maximumSize(2)
        .removalListener((k, v, cause) -> {
          throw new IllegalStateException("listener failed");
        })
        .buildConcurrentLongToObject();
    for (long k = 0; k < 10; k++) {
      map.put(k, "v");
      map.put(k, "w");
    }
    map.remove(9);
    assertEquals(1, map.size());
    assertEquals(Map.of(8L, "w"), new HashMap<>(map));
  }

  @Test
  void twoThreadsMerging_loseNoUpdate() throws Exception {
    ConcurrentBoundedLong2ObjectMap<Long> map = SafeMaps.concurrentLongToObject(10_000);
    runConcurrently(2, thread -> {
      for (int i = 0; i < 200_000; i++) {
        map.merge(i % 1_000, 1L, Long::sum);
      }
    });
    long total = 0;
    for (long v : map.values()) {
      total += v;
    }
    assertEquals(400_000, total);
    assertEquals(1_000, map.size());
  }

  @Test
  void concurrentWritersAndMoves_keepCountersExact_andTheBoundAtQuiescence() throws Exception {
    Seeds.forEach(3, random -> {
      long seed = random.nextLong();
      ConcurrentBoundedLong2ObjectMap<Long> map =
          ConcurrentLongMapConformanceTest.movingEveryFewWrites(500);
      try {
        runConcurrently(2, thread -> {
          Random r = new Random(seed + thread);
          for (int i = 0; i < 100_000; i++) {
            long churn = 10_000 + r.nextInt(5_000);
            map.put(churn, ONE);
            if (r.nextBoolean()) {
              map.remove(churn);
            }
            map.merge(thread * 100 + r.nextInt(100), 1L, Long::sum);
          }
        });
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      assertTrue(map.size() <= 500, "size at quiescence " + map.size());
      assertEquals(map.size(), new HashMap<>(map).size(), "size agrees with the entries");
    });
  }

  @Test
  void rejectUnderThreads_acceptsExactlyTheBound_andNeverPassesIt() throws Exception {
    ConcurrentBoundedLong2ObjectMap<Long> map = SafeMaps.builder().maximumSize(1_000)
        .overflowPolicy(OverflowPolicy.REJECT).recordMetrics().buildConcurrentLongToObject();
    AtomicLong accepted = new AtomicLong();
    AtomicLong largest = new AtomicLong();
    runConcurrently(3, thread -> {
      if (thread == 2) {
        while (accepted.get() + map.metrics().rejectionCount() < 20_000) {
          largest.accumulateAndGet(map.size(), Math::max);
        }
        return;
      }
      for (long k = thread; k < 20_000; k += 2) {
        try {
          map.put(k, ONE);
          accepted.incrementAndGet();
        } catch (CapacityExceededException e) {
          // the bound was reached
        }
      }
    });
    assertEquals(1_000, accepted.get());
    assertEquals(1_000, map.size());
    assertEquals(19_000, map.metrics().rejectionCount());
    assertTrue(largest.get() <= 1_000, "observed size " + largest.get());
  }

  @Test
  void evictionUnderThreads_keepsTheCountersInStepWithTheEntries() throws Exception {
    AtomicLong evictedByListener = new AtomicLong();
    ConcurrentBoundedLong2ObjectMap<Long> map = SafeMaps.builder().maximumSize(1_000)
        .recordMetrics()
        .removalListener((k, v, cause) -> {
          if (cause == RemovalCause.SIZE) {
            evictedByListener.incrementAndGet();
          }
        })
        .buildConcurrentLongToObject();
    runConcurrently(2, thread -> {
      for (long k = thread; k < 200_000; k += 2) {
        map.put(k, ONE);
        map.get(k / 2);
      }
    });
    CollectionMetrics m = map.metrics();
    assertEquals(200_000, m.insertionCount());
    assertEquals(m.evictionCount(), evictedByListener.get());
    assertEquals(m.size(), m.insertionCount() - m.evictionCount(), m::toString);
    assertEquals(1_000, m.size());
    assertEquals(1_000, new HashMap<>(map).size());
  }

  @Test
  void concurrentMergesAcrossMoves_loseNoUpdate() throws Exception {
    ConcurrentBoundedLong2ObjectMap<Long> map =
        ConcurrentLongMapConformanceTest.movingEveryFewWrites(100_000);
    runConcurrently(2, thread -> {
      Random r = new Random(thread);
      for (int i = 0; i < 200_000; i++) {
        map.merge(i % 100, 1L, Long::sum);
        long churn = 1_000 + thread * 10_000 + r.nextInt(1_000);
        map.put(churn, ONE);
        map.remove(churn);
      }
    });
    long total = 0;
    for (long k = 0; k < 100; k++) {
      total += map.get(k);
    }
    assertEquals(400_000, total);
    assertTrue(map.metrics().shrinkCount() > 100, map.metrics()::toString);
  }

  interface ThreadBody {
    void run(int thread) throws Exception;
  }

  static void runConcurrently(int threads, ThreadBody body) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread th = new Thread(() -> {
        try {
          start.await();
          body.run(thread);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      });
      th.start();
      started.add(th);
    }
    start.countDown();
    for (Thread th : started) {
      th.join(120_000);
      assertFalse(th.isAlive(), "a thread did not finish");
    }
    if (failure.get() != null) {
      throw new AssertionError("a thread failed", failure.get());
    }
  }
}
