package dev.safecollections;

import dev.safecollections.testing.LincheckRuns;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of a queue's {@code offer}, {@code poll} and {@code peek}, checked by Lincheck
 * against the same queue run sequentially, by model checking and by stress; the capacities are
 * small so that offers race for the last slot. A subclass for a single-producer or
 * single-consumer ring declares it, and Lincheck then never runs two of those operations at
 * once ({@code peek} is a consumer's operation). {@link LincheckRuns} says how to change the
 * counts.
 */
@Param(name = "value", gen = IntGen.class, conf = "1:9")
public abstract class AbstractQueueLincheckTest {
  private final BoundedQueue<Integer> queue;

  protected AbstractQueueLincheckTest(BoundedQueue<Integer> queue) {
    this.queue = queue;
  }

  @Test
  void modelChecking() {
    LincheckRuns.modelChecking(getClass());
  }

  @Test
  void stress() {
    LincheckRuns.stress(getClass());
  }

  protected boolean doOffer(int value) {
    return queue.offer(value);
  }

  protected Integer doPoll() {
    return queue.poll();
  }

  protected Integer doPeek() {
    return queue.peek();
  }

  /** Any producers, any consumers. */
  public static class Mpmc extends AbstractQueueLincheckTest {
    public Mpmc() {
      super(SafeQueues.bounded(2));
    }

    @Operation
    public boolean offer(@Param(name = "value") int value) {
      return doOffer(value);
    }

    @Operation
    public Integer poll() {
      return doPoll();
    }

    @Operation
    public Integer peek() {
      return doPeek();
    }
  }

  /** One producer, any consumers, and a bound (3) below the ring's size (4). */
  public static class Spmc extends AbstractQueueLincheckTest {
    public Spmc() {
      super(SafeQueues.builder().capacity(3).singleProducer().build());
    }

    @Operation(nonParallelGroup = "producer")
    public boolean offer(@Param(name = "value") int value) {
      return doOffer(value);
    }

    @Operation
    public Integer poll() {
      return doPoll();
    }

    @Operation
    public Integer peek() {
      return doPeek();
    }
  }

  /** Any producers, one consumer. */
  public static class Mpsc extends AbstractQueueLincheckTest {
    public Mpsc() {
      super(SafeQueues.builder().capacity(2).singleConsumer().build());
    }

    @Operation
    public boolean offer(@Param(name = "value") int value) {
      return doOffer(value);
    }

    @Operation(nonParallelGroup = "consumer")
    public Integer poll() {
      return doPoll();
    }

    @Operation(nonParallelGroup = "consumer")
    public Integer peek() {
      return doPeek();
    }
  }

  /** One producer, one consumer, and a bound (3) below the ring's size (4). */
  public static class Spsc extends AbstractQueueLincheckTest {
    public Spsc() {
      super(SafeQueues.builder().capacity(3).singleProducer().singleConsumer().build());
    }

    @Operation(nonParallelGroup = "producer")
    public boolean offer(@Param(name = "value") int value) {
      return doOffer(value);
    }

    @Operation(nonParallelGroup = "consumer")
    public Integer poll() {
      return doPoll();
    }

    @Operation(nonParallelGroup = "consumer")
    public Integer peek() {
      return doPeek();
    }
  }
}
