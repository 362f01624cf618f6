package dev.safecollections.benchmarks;

import dev.safecollections.BoundedLong2LongMap;
import dev.safecollections.BoundedMap;
import dev.safecollections.SafeMaps;
import it.unimi.dsi.fastutil.longs.Long2LongLinkedOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An LRU get-or-put workload (bound 10,000, keys drawn uniformly from 20,000, so about half the
 * lookups miss and evict) on the single-threaded maps and their baselines in one run: an
 * access-ordered {@code LinkedHashMap} with {@code removeEldestEntry}, fastutil's linked map
 * used as an LRU, and unbounded fastutil as the ceiling. Compare ratios, never absolute times.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar Lru}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LruBenchmark {
  static final int BOUND = 10_000;
  static final int KEYS = 20_000;
  static final int MASK = (1 << 16) - 1;

  private final Integer[] boxedKeys = new Integer[MASK + 1];
  private final long[] keys = new long[MASK + 1];
  private int next;

  private Map<Integer, Integer> linkedHashMap;
  private BoundedMap<Integer, Integer> singleThreaded;
  private BoundedLong2LongMap longToLong;
  private Long2LongLinkedOpenHashMap fastutilLinked;
  private Long2LongOpenHashMap fastutilUnbounded;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    for (int i = 0; i <= MASK; i++) {
      int key = random.nextInt(KEYS);
      keys[i] = key;
      boxedKeys[i] = key;
    }
    linkedHashMap = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
        return size() > BOUND;
      }
    };
    singleThreaded = SafeMaps.builder().maximumSize(BOUND).singleThreaded().build();
    longToLong = SafeMaps.boundedLongToLong(BOUND);
    longToLong.defaultReturnValue(-1);
    fastutilLinked = new Long2LongLinkedOpenHashMap();
    fastutilLinked.defaultReturnValue(-1);
    fastutilUnbounded = new Long2LongOpenHashMap();
    fastutilUnbounded.defaultReturnValue(-1);
  }

  @Benchmark
  public Integer linkedHashMap() {
    Integer key = boxedKeys[next++ & MASK];
    Integer value = linkedHashMap.get(key);
    if (value == null) {
      linkedHashMap.put(key, key);
    }
    return value;
  }

  @Benchmark
  public Integer singleThreaded() {
    Integer key = boxedKeys[next++ & MASK];
    Integer value = singleThreaded.get(key);
    if (value == null) {
      singleThreaded.put(key, key);
    }
    return value;
  }

  @Benchmark
  public long boundedLongToLong() {
    long key = keys[next++ & MASK];
    long value = longToLong.get(key);
    if (value == -1) {
      longToLong.put(key, key);
    }
    return value;
  }

  @Benchmark
  public long fastutilLinkedAsLru() {
    long key = keys[next++ & MASK];
    long value = fastutilLinked.getAndMoveToLast(key);
    if (value == -1) {
      fastutilLinked.putAndMoveToLast(key, key);
      if (fastutilLinked.size() > BOUND) {
        fastutilLinked.removeFirstLong();
      }
    }
    return value;
  }

  @Benchmark
  public long fastutilUnbounded() {
    long key = keys[next++ & MASK];
    long value = fastutilUnbounded.get(key);
    if (value == -1) {
      fastutilUnbounded.put(key, key);
    }
    return value;
  }
}
