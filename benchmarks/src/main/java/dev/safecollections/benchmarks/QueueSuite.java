package dev.safecollections.benchmarks;

import dev.safecollections.OverflowPolicy;
import dev.safecollections.SafeQueues;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jctools.queues.MpmcArrayQueue;
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
 * The suite's bounded queues, capacity 1,024, with 1 and 2 threads each doing the same:
 * {@code offerPoll} (an offer then a poll on a half-full queue) and {@code evict} (an offer to
 * a full queue that drops the oldest element: ours by {@link OverflowPolicy#EVICT}, the others
 * by the poll-then-offer people write when {@code offer} fails). Ours beside the raw JCTools
 * MPMC ring it wraps and {@code ArrayBlockingQueue}. (One producer and one consumer on
 * separate threads: {@link QueueBenchmark}.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QueueSuite {
  static final int CAPACITY = 1_024;

  @Param({"SafeQueues.bounded", "MpmcArrayQueue", "ArrayBlockingQueue"})
  public String impl;

  private Queue<Long> queue;
  private Queue<Long> full;
  private final Long element = 42L;

  @Setup
  public void setUp() {
    queue = create();
    full = create();
    for (int i = 0; i < CAPACITY; i++) {
      if (i < CAPACITY / 2) {
        queue.offer(element);
      }
      full.offer(element);
    }
  }

  private Queue<Long> create() {
    switch (impl) {
      case "SafeQueues.bounded":
        return SafeQueues.builder().capacity(CAPACITY).overflowPolicy(OverflowPolicy.EVICT)
            .build();
      case "MpmcArrayQueue":
        return new MpmcArrayQueue<>(CAPACITY);
      case "ArrayBlockingQueue":
        return new ArrayBlockingQueue<>(CAPACITY);
      default:
        throw new IllegalArgumentException("impl: " + impl);
    }
  }

  @Benchmark
  public Long offerPoll() {
    queue.offer(element);
    return queue.poll();
  }

  @Benchmark
  public boolean evict() {
    if (full.offer(element)) {
      return true; // ours always lands here
    }
    full.poll();
    return full.offer(element);
  }
}
