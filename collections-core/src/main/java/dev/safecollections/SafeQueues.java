package dev.safecollections;

/**
 * Static factories for bounded lock-free queues: the replacement for an unbounded
 * {@code ConcurrentLinkedQueue} between producer and consumer threads. See {@link BoundedQueue}
 * for what the queues promise; the factories are stateless and safe from any thread.
 *
 * <pre>{@code
 * Queue<Job> jobs = SafeQueues.bounded(10_000);            // any threads; offer is false when full
 * BoundedQueue<Event> events = SafeQueues.builder()
 *     .capacity(4_096)
 *     .singleConsumer()                                   // MPSC: one thread drains
 *     .overflowPolicy(OverflowPolicy.EVICT)               // drop the oldest instead of refusing
 *     .name("events")
 *     .recordMetrics()
 *     .build();
 * }</pre>
 */
public final class SafeQueues {
  private SafeQueues() {}

  /**
   * A thread-safe queue of at most {@code capacity} elements for any number of producers and
   * consumers; {@code offer} returns {@code false} when it is full. A shortcut for {@code
   * builder().capacity(capacity).build()}.
   *
   * @throws IllegalArgumentException if {@code capacity} is not positive or above 2<sup>30</sup>
   */
  public static <E> BoundedQueue<E> bounded(int capacity) {
    return builder().capacity(capacity).build();
  }

  /** A builder for queues with a producer and consumer count, overflow policy and metrics. */
  public static SafeQueueBuilder<Object> builder() {
    return new SafeQueueBuilder<>();
  }
}
