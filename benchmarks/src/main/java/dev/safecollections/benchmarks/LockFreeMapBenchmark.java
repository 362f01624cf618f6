package dev.safecollections.benchmarks;

import dev.safecollections.SafeMaps;
import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jctools.maps.NonBlockingHashMapLong;
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
 * The lock-free long-key map ({@code SafeMaps.concurrentLongToObject}) beside raw JCTools
 * {@code NonBlockingHashMapLong} and a {@code ConcurrentHashMap<Long, V>}, with two threads, in
 * one run. {@code get} reads present keys and returns the value without touching it; {@code
 * getValue} also reads the value, as callers do, so that each map pays for bringing its value
 * into cache (every key has its own value object); {@code put} overwrites present keys with a new value
 * object, as a cache update does (an overwrite with the very same instance lets {@code
 * NonBlockingHashMapLong} skip its CAS); {@code churn} inserts a new key and removes an old
 * one, which at the bound makes ours evict. The primitive
 * maps take {@code long} keys; {@code ConcurrentHashMap} takes keys boxed in advance, so that
 * its figures carry no allocation. Compare ratios, never absolute times.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar LockFreeMap -f 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(2)
public class LockFreeMapBenchmark {
  static final int SIZE = 1 << 16;

  @Param({"NonBlockingHashMapLong", "ConcurrentHashMap", "SafeMaps.concurrentLongToObject"})
  public String map;

  private Long2ObjectMap<Object> ours;
  private NonBlockingHashMapLong<Object> raw;
  private ConcurrentHashMap<Long, Object> chm;
  private Long[] boxed;
  private final Object value = new Object();

  @Setup
  public void setUp() {
    boxed = new Long[SIZE];
    for (int i = 0; i < SIZE; i++) {
      boxed[i] = i * 31L;
    }
    switch (map) {
      case "NonBlockingHashMapLong":
        raw = new NonBlockingHashMapLong<>();
        break;
      case "ConcurrentHashMap":
        chm = new ConcurrentHashMap<>();
        break;
      default:
        ours = SafeMaps.concurrentLongToObject(SIZE);
    }
    for (int i = 0; i < SIZE; i++) {
      put(i * 31L, boxed[i], boxed[i]);
    }
  }

  private Object put(long key, Long boxedKey, Object value) {
    if (raw != null) {
      return raw.put(key, value);
    }
    if (chm != null) {
      return chm.put(boxedKey, value);
    }
    return ours.put(key, value);
  }

  @Benchmark
  public Object get() {
    int i = ThreadLocalRandom.current().nextInt(SIZE);
    if (raw != null) {
      return raw.get(i * 31L);
    }
    if (chm != null) {
      return chm.get(boxed[i]);
    }
    return ours.get(i * 31L);
  }

  @Benchmark
  public long getValue() {
    int i = ThreadLocalRandom.current().nextInt(SIZE);
    Object v;
    if (raw != null) {
      v = raw.get(i * 31L);
    } else if (chm != null) {
      v = chm.get(boxed[i]);
    } else {
      v = ours.get(i * 31L);
    }
    return ((Long) v).longValue();
  }

  @Benchmark
  public Object put() {
    int i = ThreadLocalRandom.current().nextInt(SIZE);
    return put(i * 31L, boxed[i], new Object());
  }

  @Benchmark
  public Object churn() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long key = SIZE * 31L + r.nextInt(SIZE);
    Long boxedKey = key;
    put(key, boxedKey, value);
    if (raw != null) {
      return raw.remove(key - r.nextInt(SIZE));
    }
    if (chm != null) {
      return chm.remove(boxedKey - r.nextInt(SIZE));
    }
    return ours.remove(key - r.nextInt(SIZE));
  }
}
