package dev.safecollections.testkit.leak;

import dev.safecollections.OverflowPolicy;
import dev.safecollections.SafeQueues;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The queue suite on the JDK's queues and ours. */
class QueueLeakSuiteTest {
  static final int TRIES = MapLeakSuiteTest.TRIES;

  @TestFactory
  Stream<DynamicTest> queues() {
    return Stream.of(
        QueueLeakSuite.forQueues("ArrayDeque", ArrayDeque::new).tries(TRIES),
        QueueLeakSuite.forQueues("ConcurrentLinkedQueue", ConcurrentLinkedQueue::new)
            .tries(TRIES),
        QueueLeakSuite.forQueues("ArrayBlockingQueue(8)", () -> new ArrayBlockingQueue<>(8))
            .rejectsAtCapacity(8).threadSafe(2, 0).tries(TRIES),
        QueueLeakSuite.forQueues("LinkedBlockingQueue(8)", () -> new LinkedBlockingQueue<>(8))
            .rejectsAtCapacity(8).tries(TRIES),
        QueueLeakSuite.forQueues("SafeQueues.bounded(8)", () -> SafeQueues.bounded(8))
            .rejectsAtCapacity(8).threadSafe(2, 0).tries(TRIES),
        // not a power of two: racing producers may pass it by one each but the last (README)
        QueueLeakSuite.forQueues("SafeQueues.bounded(5)", () -> SafeQueues.bounded(5))
            .rejectsAtCapacity(5).threadSafe(2, 1).tries(TRIES),
        QueueLeakSuite.forQueues("SafeQueues drop-oldest(6)", () -> SafeQueues.builder()
                .capacity(6).overflowPolicy(OverflowPolicy.EVICT).build())
            .dropsOldestAtCapacity(6).threadSafe(2, 0).tries(TRIES),
        QueueLeakSuite.forQueues("SafeQueues SPSC(8)", () -> SafeQueues.builder().capacity(8)
                .singleProducer().singleConsumer().build())
            .rejectsAtCapacity(8).tries(TRIES))
        .flatMap(LeakTests::dynamicTests);
  }

  /** A queue that lets one more in than its capacity (a planted I1 leak). */
  @org.junit.jupiter.api.Test
  void plantedLeak_queueOneOverCapacity_caughtByI1() {
    QueueLeakSuite suite = QueueLeakSuite.forQueues("capacity + 1 queue",
        () -> new ArrayBlockingQueue<>(9)).rejectsAtCapacity(8).tries(TRIES);
    LeakProperty bound = suite.properties().get(0);
    AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        bound::check);
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().contains("I1 bound after offer(v0): offer returned true with 8 of 8"),
        e.getMessage());
  }
}
