package dev.safecollections.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.safecollections.SafeMaps;
import java.util.HashMap;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * F9: 32,768 distinct strings that all share one {@code hashCode} ("Aa" and "BB" hash alike, so
 * every string of 15 such blocks does), put into a fresh map and then looked up, with
 * {@code HashMap} and raw Caffeine beside ours (the concurrent map, the single-threaded one and
 * an Object-keyed primitive map, here through its boxed {@code Map} view) in the same run. Compare the ratio to
 * {@code HashMap}, never absolute times.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar HashFlooding}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HashFloodingBenchmark {
  static final int BLOCKS = 15;

  @Param({"HashMap", "Caffeine", "SafeMaps.bounded", "singleThreaded", "boundedObjectToInt"})
  public String map;

  private String[] keys;

  @Setup
  public void setUp() {
    keys = collidingKeys(BLOCKS);
  }

  /** All {@code 2^blocks} strings of "Aa"/"BB" blocks; they share one hash code. */
  static String[] collidingKeys(int blocks) {
    String[] keys = new String[1 << blocks];
    for (int i = 0; i < keys.length; i++) {
      StringBuilder s = new StringBuilder(2 * blocks);
      for (int b = 0; b < blocks; b++) {
        s.append(((i >>> b) & 1) == 0 ? "Aa" : "BB");
      }
      keys[i] = s.toString();
    }
    return keys;
  }

  private Map<String, Integer> newMap() {
    switch (map) {
      case "HashMap":
        return new HashMap<>();
      case "Caffeine":
        return Caffeine.newBuilder().maximumSize(2L * keys.length).<String, Integer>build().asMap();
      case "singleThreaded":
        return SafeMaps.builder().maximumSize(2L * keys.length).singleThreaded().build();
      case "boundedObjectToInt":
        return SafeMaps.boundedObjectToInt(2 * keys.length);
      default:
        return SafeMaps.bounded(2L * keys.length);
    }
  }

  @Benchmark
  public int putThenGetAll() {
    Map<String, Integer> m = newMap();
    for (int i = 0; i < keys.length; i++) {
      m.put(keys[i], i);
    }
    int sum = 0;
    for (String key : keys) {
      sum += m.get(key);
    }
    return sum;
  }
}
