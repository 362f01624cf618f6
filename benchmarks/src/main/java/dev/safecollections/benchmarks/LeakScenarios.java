package dev.safecollections.benchmarks;

import dev.safecollections.MemoryBudget;
import dev.safecollections.SafeLists;
import dev.safecollections.SafeMaps;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The leak demo's failure scenarios, and the child JVM that runs one of them: each scenario
 * is the same workload run against the collection people write today and against
 * safe-collections, in a JVM of its own with a small heap, so that one variant's garbage or
 * OutOfMemoryError cannot touch the other.
 *
 * <p>The child runs the workload in steps and after each one prints a line {@code S <elapsed
 * ms> <used heap after GC> <entries> <phase>}; it ends with {@code END ok} or {@code END oom}.
 * "Used heap after GC" is the heap in use right after {@code System.gc()} (a full collection
 * under G1), that is, what the program keeps reachable. {@link LeakDemo} starts the children
 * and draws the report.
 */
final class LeakScenarios {
  private LeakScenarios() {}

  /** A workload run in steps; the child samples the heap after each one. */
  interface Workload {
    default int steps() {
      return 40;
    }

    void step(int step) throws InterruptedException;

    /** The entries the workload's collections hold now. */
    long size();

    default String phase(int step) {
      return "run";
    }
  }

  /**
   * One way to run a scenario: which collection, under what label, and whether it is the code
   * people write today (drawn in red) or the fix.
   */
  static final class Variant {
    final String id;
    final String label;
    final boolean today;
    final Supplier<Workload> workload;

    Variant(String id, String label, boolean today, Supplier<Workload> workload) {
      this.id = id;
      this.label = label;
      this.today = today;
      this.workload = workload;
    }
  }

  /** One failure from DESIGN.md, with the variants that show it and the fix. */
  static final class Scenario {
    final String id;
    final String title;
    final String story;
    final List<Variant> variants;

    Scenario(String id, String title, String story, Variant... variants) {
      this.id = id;
      this.title = title;
      this.story = story;
      this.variants = List.of(variants);
    }
  }

  static final int VALUE_MIN = 2_048;
  static final int VALUE_SPREAD = 4_096;

  static List<Scenario> all() {
    return List.of(
        new Scenario("F1", "A cache that is only ever written",
            "Every request caches a 2-6 KB value under a new key, 2,000 requests per step. The"
                + " HashMap keeps every one; the bounded maps keep at most 10,000 entries or"
                + " 32 MiB of estimated entry weight.",
            new Variant("hashmap", "new HashMap<>()", true, () -> cache(new HashMap<>())),
            new Variant("bounded", "SafeMaps.bounded(10_000)", false,
                () -> cache(SafeMaps.bounded(10_000))),
            new Variant("bytes", "SafeMaps.builder().maximumBytes(32 MiB)", false,
                () -> cache(SafeMaps.builder().maximumBytes(32L << 20).build()))),
        new Scenario("F2", "Tables that never shrink",
            "Each step, two new long-lived tenants take a burst of 200,000 entries into an index"
                + " map and a log list, then drain both to empty. Nothing is held, yet HashMap"
                + " keeps its 2^19-slot table and ArrayList its backing array after the drain;"
                + " ours give storage back as they empty.",
            new Variant("jdk", "HashMap + ArrayList", true,
                () -> churn(HashMap::new, ArrayList::new)),
            new Variant("safe", "singleThreaded() map + SafeLists.bounded", false,
                () -> churn(() -> SafeMaps.builder().maximumSize(1_000_000).singleThreaded()
                        .<Long, Long>build(),
                    () -> SafeLists.<Long>bounded(1_000_000)))),
        new Scenario("F4", "Entries that expire but are never reclaimed",
            "Sessions of 1 KB with a 1 s time to live are written for 6 s (6,000 every 250 ms),"
                + " then the map sits idle for 4 s. The hand-rolled TTL map only drops an"
                + " expired session when someone reads it, and nobody does; ours reclaims"
                + " expired entries while the map is idle.",
            new Variant("jdk", "ConcurrentHashMap + deadline on read", true,
                () -> idleExpiry(new HandRolledTtlMap(Duration.ofSeconds(1)))),
            new Variant("safe", "SafeMaps.expiring(1 s, 1_000_000)", false,
                () -> idleExpiry(SafeMaps.expiring(Duration.ofSeconds(1), 1_000_000)))),
        new Scenario("F7", "Boxed Map<Long, Long>",
            "150,000 new long keys per step. HashMap<Long, Long> pays a node and two boxes per"
                + " entry and grows until the heap is gone; the primitive map stores keys and"
                + " values unboxed in arrays and stays at its bound of 1,000,000 entries.",
            new Variant("jdk", "HashMap<Long, Long>", true, () -> boxed(new HashMap<>())),
            new Variant("safe", "SafeMaps.boundedLongToLong(1_000_000)", false,
                () -> boxed(SafeMaps.boundedLongToLong(1_000_000)))),
        new Scenario("F5", "Limits that do not add up",
            "Four caches of 2-6 KB values and a map of tenants, each holding its own map of"
                + " 256-byte entries. Per map, each limit looks reasonable (20,000 values per"
                + " cache, 2,000 tenants of 1,000 entries), but together they exceed the heap."
                + " Under one 96 MiB MemoryBudget the maps share what there is, and nested"
                + " tenant maps count toward it.",
            new Variant("jdk", "per-map limits: SafeMaps.bounded(n) each", true,
                () -> sharedLimits(null)),
            new Variant("safe", "one MemoryBudget.of(96 MiB) for all", false,
                () -> sharedLimits(MemoryBudget.of("demo", 96L << 20)))));
  }

  static Workload cache(Map<Long, byte[]> map) {
    SplittableRandom random = new SplittableRandom(42);
    return new Workload() {
      long key;

      @Override
      public void step(int step) {
        for (int i = 0; i < 2_000; i++) {
          map.put(key++, new byte[VALUE_MIN + random.nextInt(VALUE_SPREAD)]);
        }
      }

      @Override
      public long size() {
        return map.size();
      }
    };
  }

  static Workload churn(Supplier<Map<Long, Long>> maps, Supplier<List<Long>> lists) {
    List<Map<Long, Long>> indexes = new ArrayList<>();
    List<List<Long>> logs = new ArrayList<>();
    return new Workload() {
      @Override
      public void step(int step) {
        for (int tenant = 0; tenant < 2; tenant++) {
          Map<Long, Long> index = maps.get();
          List<Long> log = lists.get();
          indexes.add(index);
          logs.add(log);
          for (long i = 0; i < 200_000; i++) {
            index.put(i, i);
            log.add(i);
          }
          for (long i = 0; i < 200_000; i++) {
            index.remove(i);
          }
          log.clear();
        }
      }

      @Override
      public long size() {
        long size = 0;
        for (int i = 0; i < indexes.size(); i++) {
          size += indexes.get(i).size() + logs.get(i).size();
        }
        return size;
      }
    };
  }

  /**
   * What people write before they find a cache library: a map of values with deadlines, where
   * a read drops an expired entry. Entries nobody reads again stay forever.
   */
  static final class HandRolledTtlMap extends java.util.AbstractMap<Long, byte[]> {
    private final Map<Long, Object[]> map = new ConcurrentHashMap<>();
    private final long ttlNanos;

    HandRolledTtlMap(Duration ttl) {
      this.ttlNanos = ttl.toNanos();
    }

    @Override
    public byte[] put(Long key, byte[] value) {
      Object[] old = map.put(key, new Object[] {value, System.nanoTime() + ttlNanos});
      return old == null ? null : (byte[]) old[0];
    }

    @Override
    public byte[] get(Object key) {
      Object[] entry = map.get(key);
      if (entry == null) {
        return null;
      }
      if (System.nanoTime() - (long) entry[1] > 0) {
        map.remove(key, entry);
        return null;
      }
      return (byte[]) entry[0];
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public java.util.Set<Entry<Long, byte[]>> entrySet() {
      throw new UnsupportedOperationException("not needed by the demo");
    }
  }

  static Workload idleExpiry(Map<Long, byte[]> sessions) {
    long stepNanos = TimeUnit.MILLISECONDS.toNanos(250);
    int busySteps = 24;
    return new Workload() {
      long next = System.nanoTime();
      long key;

      @Override
      public String phase(int step) {
        return step < busySteps ? "busy" : "idle";
      }

      @Override
      public void step(int step) throws InterruptedException {
        if (step < busySteps) {
          for (int i = 0; i < 6_000; i++) {
            sessions.put(key++, new byte[1_024]);
          }
        }
        // Paced in real time: the time to live and the idle sweep are what this shows.
        next += stepNanos;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }

      @Override
      public long size() {
        return sessions.size();
      }
    };
  }

  static Workload boxed(Map<Long, Long> map) {
    return new Workload() {
      long key;

      @Override
      public void step(int step) {
        for (int i = 0; i < 150_000; i++) {
          long k = key++ * 0x9E3779B97F4A7C15L;
          map.put(k, k);
        }
      }

      @Override
      public long size() {
        return map.size();
      }
    };
  }

  /** Four caches and a map of tenant maps, with per-map limits or under one budget. */
  static Workload sharedLimits(MemoryBudget budget) {
    List<Map<Long, byte[]>> caches = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      caches.add(budget == null ? SafeMaps.bounded(20_000)
          : SafeMaps.builder().budget(budget).name("cache-" + i).build());
    }
    Map<Integer, Map<Long, byte[]>> tenants = budget == null ? SafeMaps.bounded(2_000)
        : SafeMaps.builder().budget(budget).name("tenants").build();
    SplittableRandom random = new SplittableRandom(42);
    return new Workload() {
      long key;

      @Override
      public void step(int step) {
        for (Map<Long, byte[]> cache : caches) {
          for (int i = 0; i < 1_000; i++) {
            cache.put(key++, new byte[VALUE_MIN + random.nextInt(VALUE_SPREAD)]);
          }
        }
        for (int t = 0; t < 20; t++) {
          Map<Long, byte[]> inner =
              tenants.computeIfAbsent(random.nextInt(4_000), id -> SafeMaps.bounded(1_000));
          for (int i = 0; i < 250; i++) {
            inner.put(key++, new byte[256]);
          }
        }
      }

      @Override
      public long size() {
        long size = 0;
        for (Map<Long, byte[]> cache : caches) {
          size += cache.size();
        }
        for (Map<Long, byte[]> inner : tenants.values()) {
          size += inner.size();
        }
        return size;
      }
    };
  }

  /** Runs one scenario's variant: {@code <scenario id> <variant id>}. */
  public static void main(String[] args) throws InterruptedException {
    Variant variant = find(args[0], args[1]);
    PrintStream out = System.out;
    out.println("MAX " + Runtime.getRuntime().maxMemory());
    long start = System.nanoTime();
    Workload workload = variant.workload.get();
    int steps = workload.steps();
    long size = workload.size();
    sample(out, start, size, "start");
    int step = 0;
    try {
      for (; step < steps; step++) {
        workload.step(step);
        size = workload.size();
        sample(out, start, size, workload.phase(step));
      }
    } catch (OutOfMemoryError e) {
      workload = null; // let the heap go before printing; the size is the last one sampled
      out.println("END oom " + elapsedMillis(start) + " " + size + " " + step);
      out.flush();
      return;
    }
    out.println("END ok " + elapsedMillis(start) + " " + workload.size() + " " + step);
  }

  private static Variant find(String scenarioId, String variantId) {
    for (Scenario scenario : all()) {
      for (Variant variant : scenario.variants) {
        if (scenario.id.equals(scenarioId) && variant.id.equals(variantId)) {
          return variant;
        }
      }
    }
    throw new IllegalArgumentException("no such scenario and variant: " + scenarioId + " "
        + variantId);
  }

  private static void sample(PrintStream out, long start, long size, String phase) {
    System.gc();
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    out.println("S " + elapsedMillis(start) + " " + used + " " + size + " " + phase);
    out.flush();
  }

  private static long elapsedMillis(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
