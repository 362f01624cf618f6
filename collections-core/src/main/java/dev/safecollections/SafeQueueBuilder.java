package dev.safecollections;

import static dev.safecollections.internal.Checks.requireNonNull;
import static dev.safecollections.internal.Checks.requirePositive;
import static dev.safecollections.internal.Checks.requireState;
import static dev.safecollections.internal.Checks.requireUnset;

import dev.safecollections.internal.Live;
import dev.safecollections.internal.Checks;
import dev.safecollections.internal.jctools.JctoolsBoundedQueue;
import java.util.StringJoiner;

/**
 * Builds a {@link BoundedQueue}; obtain one from {@link SafeQueues#builder()}.
 *
 * <p>Rules, as {@link SafeMapBuilder}'s: each option may be set once (a second call throws
 * {@link IllegalStateException} naming the earlier value); a bad value throws {@link
 * IllegalArgumentException} naming it; {@link #build()} checks that a capacity was set and does
 * not change the builder. A builder is not thread-safe.
 *
 * <p>Declaring one producer or one consumer picks a faster JCTools ring (SPSC, MPSC, SPMC
 * instead of MPMC); the promise is the caller's to keep (see {@link BoundedQueue}).
 *
 * @param <E> the element type of the queues this builder builds
 */
public final class SafeQueueBuilder<E> {
  /** The largest capacity: JCTools' rings hold at most 2<sup>30</sup> slots. */
  static final int MAXIMUM_CAPACITY = 1 << 30;

  private int capacity = -1;
  private boolean singleProducer;
  private boolean singleConsumer;
  private OverflowPolicy overflowPolicy;
  private String name;
  private boolean recordMetrics;

  SafeQueueBuilder() {}

  /**
   * Bounds the queue to this many elements; required. The backing ring has the next power of
   * two of slots, reported as {@link CollectionMetrics#capacity()}; the queue holds to {@code
   * capacity} as {@link BoundedQueue} describes.
   *
   * @throws IllegalArgumentException if {@code capacity} is not positive or above 2<sup>30</sup>
   * @throws IllegalStateException if the capacity was already set
   */
  public SafeQueueBuilder<E> capacity(int capacity) {
    requireUnset(this.capacity < 0 ? null : this.capacity, "capacity");
    requirePositive(capacity, "capacity");
    if (capacity > MAXIMUM_CAPACITY) {
      throw new IllegalArgumentException(
          "capacity must be at most " + MAXIMUM_CAPACITY + ": " + capacity);
    }
    this.capacity = capacity;
    return this;
  }

  /**
   * Promises that at most one thread at a time inserts ({@code offer}, {@code add}, {@code
   * addAll}). With {@link OverflowPolicy#EVICT} the producer also drops elements, so the
   * queue stays safe for several consumers whatever {@link #singleConsumer()} says.
   *
   * @throws IllegalStateException if it was already declared
   */
  public SafeQueueBuilder<E> singleProducer() {
    requireState(!singleProducer, "single producer was already declared");
    singleProducer = true;
    return this;
  }

  /**
   * Promises that at most one thread at a time consumes ({@code poll}, {@code remove()}, {@code
   * peek}, {@code element()}, {@code clear()}). Ignored with {@link OverflowPolicy#EVICT}, where producers remove too.
   *
   * @throws IllegalStateException if it was already declared
   */
  public SafeQueueBuilder<E> singleConsumer() {
    requireState(!singleConsumer, "single consumer was already declared");
    singleConsumer = true;
    return this;
  }

  /**
   * What an insertion into a full queue does: {@link OverflowPolicy#REJECT} (the default) makes
   * {@code offer} return {@code false} and {@code add} throw; {@link OverflowPolicy#EVICT} drops
   * the oldest elements (drop-oldest) so that the insertion succeeds.
   *
   * @throws NullPointerException if {@code policy} is null
   * @throws IllegalStateException if the overflow policy was already set
   */
  public SafeQueueBuilder<E> overflowPolicy(OverflowPolicy policy) {
    requireNonNull(policy, "policy");
    requireUnset(overflowPolicy, "overflow policy");
    overflowPolicy = policy;
    return this;
  }

  /**
   * Names the queue in its metrics, messages and {@code toString}.
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is blank
   * @throws IllegalStateException if a name was already set
   */
  public SafeQueueBuilder<E> name(String name) {
    Checks.requireName(name);
    requireUnset(this.name, "name");
    this.name = name;
    return this;
  }

  /**
   * Counts insertions, polls (as removals), drops (as evictions) and refusals, and tracks the
   * peak size, in {@link BoundedQueue#metrics()}. Costs a striped counter update per call and
   * a read of both ends of the ring per insertion.
   *
   * @throws IllegalStateException if metrics recording was already turned on
   */
  public SafeQueueBuilder<E> recordMetrics() {
    requireState(!recordMetrics, "metrics recording was already turned on");
    recordMetrics = true;
    return this;
  }

  /**
   * Builds a queue with these settings. The builder is unchanged and may build again.
   *
   * @throws IllegalStateException if no capacity was set
   */
  public <E1 extends E> BoundedQueue<E1> build() {
    requireState(capacity > 0, "no capacity was set: call capacity(int), as in "
        + "SafeQueues.builder().capacity(10_000).build()");
    boolean evict = overflowPolicy == OverflowPolicy.EVICT;
    return Live.track(name, recordMetrics, new JctoolsBoundedQueue<>(name, capacity,
        singleProducer, singleConsumer && !evict, evict, recordMetrics));
  }

  /** The options that were set, as in {@code SafeQueueBuilder{capacity=100, singleConsumer}}. */
  @Override
  public String toString() {
    StringJoiner s = new StringJoiner(", ", "SafeQueueBuilder{", "}");
    if (name != null) {
      s.add("name=" + name);
    }
    if (capacity > 0) {
      s.add("capacity=" + capacity);
    }
    if (singleProducer) {
      s.add("singleProducer");
    }
    if (singleConsumer) {
      s.add("singleConsumer");
    }
    if (overflowPolicy != null) {
      s.add("overflowPolicy=" + overflowPolicy);
    }
    if (recordMetrics) {
      s.add("recordMetrics");
    }
    return s.toString();
  }
}
