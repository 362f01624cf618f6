package dev.safecollections.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.safecollections.SafeMaps;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * The suite's object maps, ours beside the maps people use today, on four workloads with
 * {@code Long} keys and a bound of 65,536 entries:
 *
 * <ul>
 *   <li>{@code get}: a random key of a key space as large as the bound, half of it present;
 *   <li>{@code put}: the same keys, so puts insert until every key is present, then replace;
 *       nothing is evicted, so this is what the safety layer costs a map within its bound;
 *   <li>{@code mixed}: 80% {@code get}, 20% {@code put};
 *   <li>{@code evict}: every put is a key never seen before, so every put of a full bounded map
 *       evicts; unbounded maps remove the key written a bound ago, as code without a bound must
 *       (with two threads, each thread its own window of a bound).
 * </ul>
 *
 * <p>Thread-safe maps run with {@code -t 1} and {@code -t 2}; {@code singleThreaded}, the LRU
 * {@code LinkedHashMap} and {@code HashMap} only with one thread. {@code suite.sh} runs it and
 * prints ratios; compare ratios from one run, never absolute times.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ObjectMapSuite {
  static final int BOUND = 1 << 16;
  /** The key space of get, put and mixed: it fits the bound, so none of them evicts. */
  static final int KEYS = BOUND;

  @Param({"SafeMaps.bounded", "Caffeine", "ConcurrentHashMap", "singleThreaded",
      "LinkedHashMap LRU", "HashMap"})
  public String impl;

  Map<Long, Long> map;
  boolean unbounded;
  final Long[] keys = new Long[KEYS];

  @Setup
  public void setUp() {
    switch (impl) {
      case "SafeMaps.bounded":
        map = SafeMaps.bounded(BOUND);
        break;
      case "Caffeine": // as ours runs it: maintenance on the calling thread
        map = Caffeine.newBuilder().maximumSize(BOUND).executor(Runnable::run)
            .<Long, Long>build().asMap();
        break;
      case "ConcurrentHashMap":
        map = new ConcurrentHashMap<>();
        unbounded = true;
        break;
      case "singleThreaded":
        map = SafeMaps.builder().maximumSize(BOUND).singleThreaded().build();
        break;
      case "LinkedHashMap LRU":
        map = new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > BOUND;
          }
        };
        break;
      case "HashMap":
        map = new HashMap<>();
        unbounded = true;
        break;
      default:
        throw new IllegalArgumentException("impl: " + impl);
    }
    for (int i = 0; i < KEYS; i++) {
      keys[i] = (long) i;
      if (i % 2 == 0) {
        map.put(keys[i], keys[i]);
      }
    }
  }

  @Benchmark
  public Long get(SuiteCursor c) {
    return map.get(keys[c.nextInt() % KEYS]);
  }

  @Benchmark
  public Long put(SuiteCursor c) {
    Long key = keys[c.nextInt() % KEYS];
    return map.put(key, key);
  }

  @Benchmark
  public Long mixed(SuiteCursor c) {
    int r = c.nextInt();
    Long key = keys[(r / 5) % KEYS];
    return r % 5 == 0 ? map.put(key, key) : map.get(key);
  }

  @Benchmark
  public Long evict(SuiteCursor c) {
    long k = c.fresh++;
    Long key = k;
    Long old = map.put(key, key);
    if (unbounded) {
      map.remove(k - BOUND);
    }
    return old;
  }
}
