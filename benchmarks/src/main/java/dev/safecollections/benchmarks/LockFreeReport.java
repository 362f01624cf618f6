package dev.safecollections.benchmarks;

import dev.safecollections.CollectionMetrics;
import dev.safecollections.ConcurrentBoundedLong2ObjectMap;
import dev.safecollections.SafeMaps;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.jctools.maps.NonBlockingHashMapLong;

/**
 * Two measurements behind statements in the README and in {@link LongMapSuite}, printed second
 * by second rather than averaged, since what they show is variation:
 *
 * <ul>
 *   <li>the lock-free map at a bound of 65,536 under one and then two writers that insert only
 *       new keys (the suite's {@code evict}): operations per second, the table's capacity and
 *       the estimated bytes, so that a drop in throughput can be told from growth;
 *   <li>raw {@code NonBlockingHashMapLong} lookups over dense sequential keys: hits, and misses
 *       of keys outside the range, half full and full.
 * </ul>
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar
 * dev.safecollections.benchmarks.LockFreeReport} (about 30 seconds). Timings are this
 * machine's; compare within one run.
 */
public final class LockFreeReport {
  private static final int BOUND = 1 << 16;

  private LockFreeReport() {}

  public static void main(String[] args) throws InterruptedException {
    for (int writers = 1; writers <= 2; writers++) {
      churn(writers, 8);
    }
    for (int stride : new int[] {2, 1}) {
      misses(stride);
    }
  }

  private static void churn(int writers, int seconds) throws InterruptedException {
    ConcurrentBoundedLong2ObjectMap<Object> map = SafeMaps.builder().maximumSize(BOUND)
        .recordMetrics().buildConcurrentLongToObject();
    Object value = new Object();
    for (long k = 0; k < BOUND; k++) {
      map.put(k * LongMapSuite.SPREAD, value);
    }
    LongAdder ops = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    Thread[] threads = new Thread[writers];
    for (int t = 0; t < writers; t++) {
      long first = (t + 1L) << 40;
      threads[t] = new Thread(() -> {
        for (long k = first; !stop.get(); k++) {
          map.put(k * LongMapSuite.SPREAD, value);
          ops.increment();
        }
      });
      threads[t].start();
    }
    System.out.printf("concurrentLongToObject, bound %,d, %d writer(s) inserting new keys%n",
        BOUND, writers);
    for (int s = 1; s <= seconds; s++) {
      Thread.sleep(1_000); // a report sampled once a second, not a test
      CollectionMetrics m = map.metrics();
      System.out.printf("  %d s: %,11d ops/s, size %,d, capacity %,d, estimated %,d B, %d grows,"
          + " %d shrinks%n", s, ops.sumThenReset(), map.size(), m.capacity().orElse(-1),
          m.estimatedBytes(), m.growCount(), m.shrinkCount());
    }
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
  }

  private static void misses(int stride) {
    NonBlockingHashMapLong<Object> map = new NonBlockingHashMapLong<>();
    for (long k = 0; k < BOUND; k += stride) {
      map.put(k, "v");
    }
    System.out.printf("NonBlockingHashMapLong, keys 0, %d, %d ... below %,d (%,d entries)%n",
        stride, 2 * stride, BOUND, map.size());
    long sink = 0;
    for (int round = 1; round <= 3; round++) {
      long t0 = System.nanoTime();
      for (long i = 0; i < 2_000_000; i++) {
        sink += map.get((i * 7919) & (BOUND - 1)) == null ? 0 : 1;
      }
      long t1 = System.nanoTime();
      for (long i = 0; i < 200_000; i++) {
        sink += map.get(BOUND + ((i * 7919) & (BOUND - 1))) == null ? 0 : 1;
      }
      long t2 = System.nanoTime();
      System.out.printf("  round %d: %,.0f ns per lookup below %,d, %,.0f ns per miss above%n",
          round, (t1 - t0) / 2e6, BOUND, (t2 - t1) / 2e5);
    }
    if (sink == 42) {
      System.out.println(); // keeps the lookups from being optimized away
    }
  }
}
