package dev.safecollections.benchmarks;

import dev.safecollections.SafeMaps;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * The main job until the full leak demo exists: the same "cache" workload against a plain
 * {@link HashMap} and {@link SafeMaps#bounded(long)}, printing the heap each one keeps.
 *
 * <p>Run with {@code mvn -B -q -DskipTests package exec:java -pl benchmarks -am}.
 */
public final class LeakDemo {
  private static final int REQUESTS = 200_000;
  private static final int VALUE_BYTES = 1_024;
  private static final long BOUND = 10_000;

  private LeakDemo() {}

  public static void main(String[] args) {
    System.out.printf("%d requests, each caching a %d-byte value under a new key%n%n",
        REQUESTS, VALUE_BYTES);
    System.out.printf("%-28s %10s %14s%n", "map", "size", "retained MB");
    report("new HashMap<>()", new HashMap<>());
    report("SafeMaps.bounded(" + BOUND + ")", SafeMaps.bounded(BOUND));
  }

  private static void report(String label, Map<Long, byte[]> cache) {
    long before = usedHeap();
    for (long request = 0; request < REQUESTS; request++) {
      cache.put(request, new byte[VALUE_BYTES]);
    }
    long retained = usedHeap() - before;
    System.out.printf("%-28s %10d %14.1f%n", label, cache.size(), retained / 1e6);
  }

  private static long usedHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
