package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.testing.Gc;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The queues of {@link SafeQueues}: the bound asked for, exactly, whatever the ring's size (I1);
 * drop-oldest; release of what leaves (I3); metrics (I5); bad input (I7); and exactly-once
 * delivery between real producer and consumer threads for each ring.
 */
class SafeQueuesTest {

  /** The four rings, with the threads each may serve. */
  enum Ring {
    MPMC(2, 2, b -> b),
    MPSC(2, 1, b -> b.singleConsumer()),
    SPMC(1, 2, b -> b.singleProducer()),
    SPSC(1, 1, b -> b.singleProducer().singleConsumer());

    final int producers;
    final int consumers;
    final java.util.function.UnaryOperator<SafeQueueBuilder<Object>> declare;

    Ring(int producers, int consumers,
        java.util.function.UnaryOperator<SafeQueueBuilder<Object>> declare) {
      this.producers = producers;
      this.consumers = consumers;
      this.declare = declare;
    }

    <E> BoundedQueue<E> build(int capacity, OverflowPolicy policy) {
      return declare.apply(SafeQueues.builder()).capacity(capacity).overflowPolicy(policy)
          .recordMetrics().build();
    }
  }

  @ParameterizedTest
  @EnumSource(Ring.class)
  void offer_atRequestedBound_refusesWhateverTheRingSize(Ring ring) {
    for (int capacity : new int[] {1, 2, 3, 5, 16, 1000}) {
      BoundedQueue<Integer> queue = ring.build(capacity, OverflowPolicy.REJECT);
      for (int i = 0; i < capacity; i++) {
        assertTrue(queue.offer(i), () -> "offer below the bound of " + capacity);
      }
      assertEquals(0, queue.remainingCapacity());
      assertFalse(queue.offer(-1), () -> "offer at the bound of " + capacity);
      assertEquals(capacity, queue.size());
      assertEquals(0, queue.poll());
      assertTrue(queue.offer(capacity), "room again after a poll");
      assertFalse(queue.offer(-1));
      CollectionMetrics m = queue.metrics();
      assertEquals(capacity, m.bound());
      assertEquals(capacity, m.size());
      assertEquals(capacity, m.peakSize());
      assertEquals(2, m.rejectionCount());
      assertTrue(m.capacity().getAsLong() >= capacity, m::toString);
      assertEquals(Integer.bitCount((int) m.capacity().getAsLong()), 1, "a power of two");
    }
  }

  @Test
  void metrics_notPowerOfTwo_reportsTheRingBesideTheBound() {
    CollectionMetrics m = SafeQueues.bounded(1000).metrics();
    assertEquals(1000, m.bound());
    assertEquals(1024, m.capacity().getAsLong());
  }

  @Test
  void add_atBound_throwsNamingTheQueueAndLeavesItUnchanged() {
    BoundedQueue<String> queue = SafeQueues.builder().capacity(2).name("jobs").build();
    queue.add("a");
    queue.add("b");
    CapacityExceededException e =
        assertThrows(CapacityExceededException.class, () -> queue.add("c"));
    assertEquals("jobs is full: maximum size is 2", e.getMessage());
    assertArrayEquals(new Object[] {"a", "b"}, queue.toArray());
  }

  @ParameterizedTest
  @EnumSource(Ring.class)
  void offer_dropOldest_keepsTheNewestAndCountsTheDropped(Ring ring) {
    BoundedQueue<Integer> queue = ring.build(3, OverflowPolicy.EVICT);
    for (int i = 1; i <= 10; i++) {
      assertTrue(queue.offer(i));
      assertTrue(queue.size() <= 3);
    }
    assertArrayEquals(new Object[] {8, 9, 10}, queue.toArray());
    CollectionMetrics m = queue.metrics();
    assertEquals(10, m.insertionCount());
    assertEquals(7, m.evictionCount());
    assertEquals(0, m.rejectionCount());
    assertEquals(m.size(), m.insertionCount() - m.removalCount() - m.evictionCount());
  }

  @ParameterizedTest
  @EnumSource(Ring.class)
  void pollAndDrop_releaseTheElement(Ring ring) {
    BoundedQueue<Object> queue = ring.build(2, OverflowPolicy.EVICT);
    Object polled = new Object();
    Object dropped = new Object();
    queue.offer(polled);
    queue.offer(dropped);
    assertEquals(polled, queue.poll());
    WeakReference<Object> polledRef = new WeakReference<>(polled);
    WeakReference<Object> droppedRef = new WeakReference<>(dropped);
    polled = null;
    dropped = null;
    queue.offer(new Object());
    queue.offer(new Object());
    assertTrue(Gc.cleared(polledRef), "polled element still reachable");
    assertTrue(Gc.cleared(droppedRef), "dropped element still reachable");
    queue.clear();
    assertTrue(queue.isEmpty());
    assertNull(queue.peek());
  }

  @Test
  void metrics_countEveryWayOut() {
    BoundedQueue<Integer> queue = SafeQueues.builder().capacity(4).recordMetrics().build();
    for (int i = 0; i < 6; i++) {
      queue.offer(i);
    }
    queue.poll();
    queue.remove();
    CollectionMetrics m = queue.metrics();
    assertEquals(4, m.insertionCount());
    assertEquals(2, m.rejectionCount());
    assertEquals(2, m.removalCount());
    assertEquals(2, m.size());
    assertEquals(4, m.peakSize());
    assertEquals(0, SafeQueues.bounded(4).metrics().insertionCount(), "off by default");
  }

  @Test
  void nulls_areRejectedNamingTheArgument() {
    BoundedQueue<Object> queue = SafeQueues.bounded(4);
    assertEquals("element", assertThrows(NullPointerException.class,
        () -> queue.offer(null)).getMessage());
    assertThrows(NullPointerException.class, () -> queue.add(null));
    assertTrue(queue.isEmpty());
  }

  @Test
  void removalFromTheMiddle_isUnsupportedAndChangesNothing() {
    BoundedQueue<String> queue = SafeQueues.bounded(4);
    queue.add("a");
    queue.add("b");
    assertThrows(UnsupportedOperationException.class, () -> queue.remove("a"));
    assertThrows(UnsupportedOperationException.class, () -> queue.removeAll(List.of("a")));
    assertThrows(UnsupportedOperationException.class, () -> queue.retainAll(List.of("a")));
    assertThrows(UnsupportedOperationException.class, () -> queue.removeIf("a"::equals));
    var it = queue.iterator();
    it.next();
    assertThrows(UnsupportedOperationException.class, it::remove);
    assertArrayEquals(new Object[] {"a", "b"}, queue.toArray());
  }

  @Test
  void builder_badInput_failsNamingParameterAndValue() {
    assertEquals("capacity must be positive: 0", assertThrows(IllegalArgumentException.class,
        () -> SafeQueues.bounded(0)).getMessage());
    assertEquals("capacity must be at most 1073741824: 1073741825",
        assertThrows(IllegalArgumentException.class,
            () -> SafeQueues.bounded((1 << 30) + 1)).getMessage());
    SafeQueueBuilder<Object> builder = SafeQueues.builder().capacity(8);
    assertEquals("capacity was already set to 8", assertThrows(IllegalStateException.class,
        () -> builder.capacity(9)).getMessage());
    assertThrows(IllegalStateException.class, () -> builder.singleProducer().singleProducer());
    assertThrows(NullPointerException.class, () -> builder.overflowPolicy(null));
    assertThrows(IllegalArgumentException.class, () -> builder.name(" "));
    assertTrue(assertThrows(IllegalStateException.class, () -> SafeQueues.builder().build())
        .getMessage().startsWith("no capacity was set"));
    assertEquals("SafeQueueBuilder{capacity=8, singleProducer}", builder.toString());
  }

  @ParameterizedTest
  @EnumSource(Ring.class)
  void producersAndConsumers_deliverEveryItemExactlyOnce(Ring ring) throws Exception {
    int items = 1_000_000;
    BoundedQueue<Integer> queue = ring.build(1000, OverflowPolicy.REJECT);
    AtomicIntegerArray seen = new AtomicIntegerArray(items);
    AtomicLong consumed = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    int perProducer = items / ring.producers;
    for (int p = 0; p < ring.producers; p++) {
      int from = p * perProducer;
      threads.add(thread(start, () -> {
        for (int i = from; i < from + perProducer; i++) {
          while (!queue.offer(i)) {
            Thread.onSpinWait();
          }
        }
      }));
    }
    for (int c = 0; c < ring.consumers; c++) {
      threads.add(thread(start, () -> {
        while (consumed.get() < items) {
          Integer item = queue.poll();
          if (item == null) {
            Thread.onSpinWait();
            continue;
          }
          seen.incrementAndGet(item);
          consumed.incrementAndGet();
        }
      }));
    }
    start.countDown();
    for (Thread t : threads) {
      t.join(60_000);
      assertFalse(t.isAlive(), "a thread did not finish: lost items?");
    }
    for (int i = 0; i < items; i++) {
      assertEquals(1, seen.get(i), "item " + i);
    }
    assertTrue(queue.isEmpty());
    CollectionMetrics m = queue.metrics();
    assertEquals(items, m.insertionCount());
    assertEquals(items, m.removalCount());
    assertTrue(m.peakSize() <= 1000 + ring.producers - 1, m::toString);
  }

  @ParameterizedTest
  @EnumSource(Ring.class)
  void dropOldest_underThreads_everyItemIsDeliveredOnceOrCountedAsDropped(Ring ring)
      throws Exception {
    int items = 200_000;
    BoundedQueue<Integer> queue = ring.build(100, OverflowPolicy.EVICT);
    AtomicIntegerArray seen = new AtomicIntegerArray(items);
    AtomicLong produced = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> producers = new ArrayList<>();
    List<Thread> consumers = new ArrayList<>();
    AtomicBoolean done = new AtomicBoolean();
    int perProducer = items / ring.producers;
    for (int p = 0; p < ring.producers; p++) {
      int from = p * perProducer;
      producers.add(thread(start, () -> {
        for (int i = from; i < from + perProducer; i++) {
          assertTrue(queue.offer(i));
          produced.incrementAndGet();
        }
      }));
    }
    for (int c = 0; c < ring.consumers; c++) {
      consumers.add(thread(start, () -> {
        for (;;) {
          boolean last = done.get();
          Integer item = queue.poll();
          if (item != null) {
            seen.incrementAndGet(item);
          } else if (last) {
            return;
          }
        }
      }));
    }
    start.countDown();
    for (Thread t : producers) {
      t.join(60_000);
    }
    done.set(true);
    for (Thread t : consumers) {
      t.join(60_000);
      assertFalse(t.isAlive());
    }
    long delivered = 0;
    for (int i = 0; i < items; i++) {
      assertTrue(seen.get(i) <= 1, "item " + i + " delivered twice");
      delivered += seen.get(i);
    }
    CollectionMetrics m = queue.metrics();
    assertEquals(items, produced.get());
    assertEquals(items, m.insertionCount());
    assertEquals(items, delivered + m.evictionCount(), "delivered " + delivered + ", " + m);
    assertEquals(delivered, m.removalCount());
  }

  @Test
  void racingProducers_passTheBoundByFewerThanTheirNumber() throws Exception {
    for (int round = 0; round < 50; round++) {
      BoundedQueue<Integer> queue = SafeQueues.bounded(1000);
      CountDownLatch start = new CountDownLatch(1);
      IntFunction<Thread> producer = p -> thread(start, () -> {
        for (int i = 0; i < 2000; i++) {
          queue.offer(i);
        }
      });
      Thread a = producer.apply(0);
      Thread b = producer.apply(1);
      start.countDown();
      a.join();
      b.join();
      assertTrue(queue.size() >= 1000 && queue.size() <= 1001, "size " + queue.size());
      assertFalse(queue.offer(-1), "the bound holds again once the producers returned");
    }
  }

  private static Thread thread(CountDownLatch start, Runnable body) {
    Thread t = new Thread(() -> {
      try {
        start.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      body.run();
    });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
