package dev.safecollections.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.safecollections.MemoryBudget;
import dev.safecollections.OverflowPolicy;
import dev.safecollections.SafeMaps;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * What the safety layer costs: get and put on a bounded map at its bound, ours beside raw
 * Caffeine (configured as ours runs it: same-thread maintenance) and an unbounded
 * {@code ConcurrentHashMap}, in the same run. Keys are drawn from twice the bound, so half the
 * puts insert and evict. Two members of a {@link MemoryBudget}: one whose budget never fills
 * (what the accounting costs) and one bounded by its budget alone (evicting for the budget).
 * Compare ratios, never absolute times.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar MapThroughput -t 2}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class MapThroughputBenchmark {
  static final int BOUND = 1 << 16;
  static final int KEYS = 2 * BOUND;

  @Param({"ConcurrentHashMap", "Caffeine", "SafeMaps.bounded", "SafeMaps.reject",
      "SafeMaps.budget", "SafeMaps.budgetFull"})
  public String map;

  private Map<Integer, Integer> target;
  private Integer[] keys;

  @Setup
  public void setUp() {
    switch (map) {
      case "ConcurrentHashMap":
        target = new ConcurrentHashMap<>();
        break;
      case "Caffeine":
        target = Caffeine.newBuilder().maximumSize(BOUND).executor(Runnable::run)
            .<Integer, Integer>build().asMap();
        break;
      case "SafeMaps.budget": // a member of a budget that never fills: the accounting alone
        target = SafeMaps.builder().maximumSize(BOUND).budget(MemoryBudget.of(1L << 40)).build();
        break;
      case "SafeMaps.budgetFull": // bounded by a budget only, about as many entries as the others
        target = SafeMaps.builder().budget(MemoryBudget.of(BOUND * 120L)).build();
        break;
      case "SafeMaps.reject":
        target = SafeMaps.builder().maximumSize(KEYS).overflowPolicy(OverflowPolicy.REJECT).build();
        break;
      default:
        target = SafeMaps.bounded(BOUND);
    }
    keys = new Integer[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = i;
      if (i % 2 == 0) {
        target.put(keys[i], i);
      }
    }
  }

  private Integer randomKey() {
    return keys[ThreadLocalRandom.current().nextInt(KEYS)];
  }

  @Benchmark
  public Integer get() {
    return target.get(randomKey());
  }

  @Benchmark
  public Integer put() {
    Integer key = randomKey();
    return target.put(key, key);
  }
}
