package dev.safecollections.benchmarks;

import dev.safecollections.BoundedLong2LongMap;
import dev.safecollections.ConcurrentBoundedLong2ObjectMap;
import dev.safecollections.SafeMaps;
import it.unimi.dsi.fastutil.longs.Long2LongLinkedOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The suite's primitive-key maps, with {@code long} keys that are never boxed: our
 * single-threaded {@code boundedLongToLong} beside fastutil's open hash map (unbounded) and its
 * linked map used as an LRU, and our lock-free {@code concurrentLongToObject} beside the raw
 * {@code NonBlockingHashMapLong} it wraps. The workloads are {@link ObjectMapSuite}'s: {@code
 * get}, {@code put}, {@code mixed} (80% get) and {@code evict} (every key new; unbounded maps
 * remove the key written a bound ago). The lock-free maps also run with {@code -t 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LongMapSuite {
  static final int BOUND = 1 << 16;
  /** The key space of get, put and mixed: it fits the bound, so none of them evicts. */
  static final int KEYS = BOUND;
  static final Object VALUE = new Object();
  /**
   * Keys are multiples of this odd constant (a bijection on {@code long}), not 0, 1, 2...:
   * {@code NonBlockingHashMapLong} spreads dense sequential keys so poorly that a miss probes
   * for microseconds ({@link LockFreeReport}), which would hide what our layer costs.
   */
  static final long SPREAD = 0x9E3779B97F4A7C15L;

  @Param({"boundedLongToLong", "fastutil open", "fastutil linked LRU", "concurrentLongToObject",
      "NonBlockingHashMapLong"})
  public String impl;

  /** The operations the workloads need, so that each fork sees one implementation. */
  interface Store {
    long get(long key);

    long put(long key);

    void remove(long key);
  }

  static Store store(LongUnaryOperator get, LongUnaryOperator put, LongConsumer remove) {
    return new Store() {
      @Override
      public long get(long key) {
        return get.applyAsLong(key);
      }

      @Override
      public long put(long key) {
        return put.applyAsLong(key);
      }

      @Override
      public void remove(long key) {
        remove.accept(key);
      }
    };
  }

  Store store;
  boolean unbounded;

  @Setup
  public void setUp() {
    switch (impl) {
      case "boundedLongToLong": {
        BoundedLong2LongMap m = SafeMaps.boundedLongToLong(BOUND);
        store = store(m::get, k -> m.put(k, k), m::remove);
        break;
      }
      case "fastutil open": {
        Long2LongOpenHashMap m = new Long2LongOpenHashMap();
        unbounded = true;
        store = store(m::get, k -> m.put(k, k), m::remove);
        break;
      }
      case "fastutil linked LRU": {
        Long2LongLinkedOpenHashMap m = new Long2LongLinkedOpenHashMap();
        store = store(m::getAndMoveToLast, k -> {
          long old = m.putAndMoveToLast(k, k);
          if (m.size() > BOUND) {
            m.removeFirstLong();
          }
          return old;
        }, m::remove);
        break;
      }
      case "concurrentLongToObject": {
        ConcurrentBoundedLong2ObjectMap<Object> m = SafeMaps.concurrentLongToObject(BOUND);
        store = store(k -> m.get(k) == null ? 0 : 1, k -> m.put(k, VALUE) == null ? 0 : 1,
            m::remove);
        break;
      }
      case "NonBlockingHashMapLong": {
        NonBlockingHashMapLong<Object> m = new NonBlockingHashMapLong<>();
        unbounded = true;
        store = store(k -> m.get(k) == null ? 0 : 1, k -> m.put(k, VALUE) == null ? 0 : 1,
            m::remove);
        break;
      }
      default:
        throw new IllegalArgumentException("impl: " + impl);
    }
    for (long k = 0; k < KEYS; k += 2) {
      store.put(k * SPREAD);
    }
  }

  @Benchmark
  public long get(SuiteCursor c) {
    return store.get((c.nextInt() % KEYS) * SPREAD);
  }

  @Benchmark
  public long put(SuiteCursor c) {
    return store.put((c.nextInt() % KEYS) * SPREAD);
  }

  @Benchmark
  public long mixed(SuiteCursor c) {
    int r = c.nextInt();
    long key = ((r / 5) % KEYS) * SPREAD;
    return r % 5 == 0 ? store.put(key) : store.get(key);
  }

  @Benchmark
  public long evict(SuiteCursor c) {
    long n = c.fresh++;
    long old = store.put(n * SPREAD);
    if (unbounded) {
      store.remove((n - BOUND) * SPREAD);
    }
    return old;
  }
}
