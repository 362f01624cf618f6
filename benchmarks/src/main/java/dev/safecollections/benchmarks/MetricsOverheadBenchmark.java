package dev.safecollections.benchmarks;

import dev.safecollections.BoundedLong2LongMap;
import dev.safecollections.ConcurrentBoundedLong2ObjectMap;
import dev.safecollections.SafeMapBuilder;
import dev.safecollections.SafeMaps;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code recordMetrics()} costs: get and put on the same collection with metrics off and
 * on, half of the keys present and a bound of 65,536 entries, so puts both insert (and evict)
 * and replace. Compare the two rows of a backend within one run.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar MetricsOverhead}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class MetricsOverheadBenchmark {
  static final int BOUND = 1 << 16;
  static final int KEYS = 2 * BOUND;

  @Param({"bounded", "singleThreaded", "longToLong", "concurrentLongToObject"})
  public String backend;

  @Param({"off", "on"})
  public String metrics;

  private Map<Integer, Integer> objects;
  private BoundedLong2LongMap longs;
  private ConcurrentBoundedLong2ObjectMap<Integer> lockFree;
  private Integer[] keys;

  @Setup
  public void setUp() {
    SafeMapBuilder<Object, Object> b = SafeMaps.builder().maximumSize(BOUND);
    if (metrics.equals("on")) {
      b.recordMetrics();
    }
    switch (backend) {
      case "singleThreaded":
        objects = b.singleThreaded().build();
        break;
      case "longToLong":
        longs = b.singleThreaded().buildLongToLong();
        break;
      case "concurrentLongToObject":
        lockFree = b.buildConcurrentLongToObject();
        break;
      default:
        objects = b.build();
    }
    keys = new Integer[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = i;
      if (i % 2 == 0) {
        put(i);
      }
    }
  }

  private Object put(int i) {
    if (longs != null) {
      return longs.put(i, i);
    }
    if (lockFree != null) {
      return lockFree.put(i, keys[i]);
    }
    return objects.put(keys[i], keys[i]);
  }

  @Benchmark
  public Object get() {
    int i = ThreadLocalRandom.current().nextInt(KEYS);
    if (longs != null) {
      return longs.get(i);
    }
    if (lockFree != null) {
      return lockFree.get(i);
    }
    return objects.get(keys[i]);
  }

  @Benchmark
  public Object put() {
    return put(ThreadLocalRandom.current().nextInt(KEYS));
  }
}
