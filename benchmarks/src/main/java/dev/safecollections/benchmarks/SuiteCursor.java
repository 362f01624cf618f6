package dev.safecollections.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Each benchmark thread's random stream (xorshift, no allocation, no shared state) and its own
 * range of keys never used before, for the suites' {@code evict} workloads.
 */
@State(Scope.Thread)
public class SuiteCursor {
  private static final AtomicInteger THREADS = new AtomicInteger();

  long seed;
  long fresh;

  @Setup
  public void setUp() {
    int id = THREADS.incrementAndGet();
    seed = 0x9E3779B97F4A7C15L * id;
    fresh = (long) id << 40;
  }

  /** A non-negative pseudo-random int. */
  int nextInt() {
    seed ^= seed << 13;
    seed ^= seed >>> 7;
    seed ^= seed << 17;
    return (int) seed & Integer.MAX_VALUE;
  }
}
