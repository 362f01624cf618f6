package dev.safecollections.benchmarks;

import dev.safecollections.SafeQueues;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.jctools.queues.MpmcArrayQueue;
import org.jctools.queues.SpscArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * One producer thread offering and one consumer thread polling, on our queues and on the raw
 * JCTools rings beneath them, in one run: MPMC at a power-of-two capacity (where ours adds only
 * delegation), MPMC at a capacity that is not one (where ours checks the requested bound on
 * every offer) and SPSC. The figure per group is offers plus polls per microsecond; each side
 * spins until it succeeds (or the measurement stops), as JCTools' own benchmarks do, so the
 * figure counts items handed over. Compare ratios, never absolute times.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar QueueBenchmark -f 3}
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QueueBenchmark {
  @Param({"raw MPMC 1024", "ours MPMC 1024", "raw MPMC 1000", "ours MPMC 1000", "raw SPSC 1024",
      "ours SPSC 1024"})
  public String queue;

  private Queue<Integer> target;
  private final Integer item = 42;

  @Setup
  public void setUp() {
    String[] parts = queue.split(" ");
    int capacity = Integer.parseInt(parts[2]);
    boolean spsc = parts[1].equals("SPSC");
    if (parts[0].equals("raw")) {
      target = spsc ? new SpscArrayQueue<>(capacity) : new MpmcArrayQueue<>(capacity);
    } else {
      target = spsc
          ? SafeQueues.builder().capacity(capacity).singleProducer().singleConsumer().build()
          : SafeQueues.bounded(capacity);
    }
  }

  @Benchmark
  @Group("handOff")
  @GroupThreads(1)
  public void offer(Control control) {
    while (!target.offer(item) && !control.stopMeasurement) {
      Thread.onSpinWait();
    }
  }

  @Benchmark
  @Group("handOff")
  @GroupThreads(1)
  public Integer poll(Control control) {
    Integer e;
    while ((e = target.poll()) == null && !control.stopMeasurement) {
      Thread.onSpinWait();
    }
    return e;
  }
}
