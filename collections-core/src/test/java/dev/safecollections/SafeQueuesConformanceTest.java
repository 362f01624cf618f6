package dev.safecollections;

import com.google.common.collect.testing.QueueTestSuiteBuilder;
import com.google.common.collect.testing.TestStringQueueGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.testers.CollectionRemoveAllTester;
import com.google.common.collect.testing.testers.CollectionRemoveIfTester;
import com.google.common.collect.testing.testers.CollectionRemoveTester;
import com.google.common.collect.testing.testers.CollectionRetainAllTester;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.function.Supplier;
import junit.framework.Test;
import junit.framework.TestSuite;

/**
 * guava-testlib's {@code Queue} suite over every ring {@link SafeQueues} builds, used from one
 * thread: a power-of-two capacity (the ring's own bound) and one that is not (the checked
 * bound), each producer and consumer count, and drop-oldest. The bound is above the suite's
 * sample sizes, so every result must equal a FIFO queue's.
 *
 * <p>{@code remove(Object)}, {@code removeAll}, {@code retainAll} and {@code removeIf} are
 * documented as unsupported (a lock-free ring cannot remove from its middle), so their testers
 * are suppressed; {@code poll}, {@code remove()} and {@code clear()} are tested.
 */
public final class SafeQueuesConformanceTest {
  private SafeQueuesConformanceTest() {}

  public static Test suite() {
    TestSuite suite = new TestSuite("SafeQueues conformance");
    suite.addTest(queues("mpmc", () -> SafeQueues.bounded(16)));
    suite.addTest(queues("mpmcNotPowerOfTwo", () -> SafeQueues.bounded(11)));
    suite.addTest(queues("mpscWithMetrics", () -> SafeQueues.builder().capacity(10)
        .singleConsumer().recordMetrics().build()));
    suite.addTest(queues("spmc", () -> SafeQueues.builder().capacity(16).singleProducer()
        .build()));
    suite.addTest(queues("spsc", () -> SafeQueues.builder().capacity(12).singleProducer()
        .singleConsumer().name("spsc").build()));
    suite.addTest(queues("dropOldest", () -> SafeQueues.builder().capacity(9)
        .overflowPolicy(OverflowPolicy.EVICT).build()));
    return suite;
  }

  private static Test queues(String name, Supplier<Queue<String>> factory) {
    return QueueTestSuiteBuilder.using(new TestStringQueueGenerator() {
          @Override
          protected Queue<String> create(String[] elements) {
            Queue<String> queue = factory.get();
            Collections.addAll(queue, elements);
            return queue;
          }
        })
        .named(name)
        .withFeatures(
            CollectionFeature.SUPPORTS_ADD,
            CollectionFeature.SUPPORTS_REMOVE,
            CollectionFeature.KNOWN_ORDER,
            CollectionSize.ANY)
        .suppressing(removalFromTheMiddle())
        .createTestSuite();
  }

  /** Every test method of the testers of the operations a ring does not support. */
  private static List<Method> removalFromTheMiddle() {
    List<Method> methods = new ArrayList<>();
    for (Class<?> tester : List.of(CollectionRemoveTester.class, CollectionRemoveAllTester.class,
        CollectionRetainAllTester.class, CollectionRemoveIfTester.class)) {
      for (Method m : tester.getMethods()) {
        if (m.getName().startsWith("test")) {
          methods.add(m);
        }
      }
    }
    return methods;
  }
}
