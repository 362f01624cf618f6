package dev.safecollections.internal.jctools;

import static dev.safecollections.internal.Checks.requireNonNull;

import dev.safecollections.BoundedQueue;
import dev.safecollections.CapacityExceededException;
import dev.safecollections.CollectionMetrics;
import dev.safecollections.RemovalCause;
import dev.safecollections.internal.Checks;
import dev.safecollections.internal.Footprint;
import dev.safecollections.internal.MetricsRecorder;
import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpmcArrayQueue;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.QueueProgressIndicators;
import org.jctools.queues.SpmcArrayQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * A {@link BoundedQueue} over one of JCTools' bounded array rings.
 *
 * <p>Design. JCTools rounds a ring up to a power of two (and to at least 2 or 4 slots). When the
 * ring is exactly the requested capacity, {@code offer} is the ring's own and costs nothing
 * more; otherwise it refuses when the producer index has reached {@link #producerLimit}, the
 * consumer index plus the bound as last read. Like JCTools' own producer limit, this reads the
 * consumers' index (a contended cache line) only when the cached limit is reached, not on
 * every offer. A stale limit is only ever too small, so the check is exact for one producer;
 * racing producers may take the last slot each (documented on {@link BoundedQueue}). Drop-oldest polls the head and tries again, so it needs a ring that allows
 * more than one consumer: the builder picks one. The metrics recorder is the shared one: a
 * no-op unless {@code recordMetrics()}.
 *
 * <p>Not part of the public API.
 */
public final class JctoolsBoundedQueue<E> extends AbstractQueue<E> implements BoundedQueue<E> {
  /** An empty ring's fixed bytes: this wrapper and JCTools' padded indices (JOL, calibrated). */
  private static final long QUEUE_FIXED_BYTES = 400;
  private final String name;
  private final int bound;
  private final boolean exact;
  private final boolean dropOldest;
  private final MessagePassingQueue<E> ring;
  /** The same ring as a {@link java.util.Queue}, for its iterator. */
  private final AbstractQueue<E> view;
  /** The same ring's indices, for the bound check. */
  private final QueueProgressIndicators indices;
  /** The consumer index plus the bound, as last read; never more than the true limit. */
  private volatile long producerLimit;
  private final MetricsRecorder recorder;
  private final AtomicLong peak;

  public JctoolsBoundedQueue(String name, int bound, boolean singleProducer,
      boolean singleConsumer, boolean dropOldest, boolean recordMetrics) {
    this.name = (name != null) ? name
        : "SafeQueue@" + Integer.toHexString(System.identityHashCode(this));
    this.bound = bound;
    this.dropOldest = dropOldest;
    // The rings need room for two elements at least; a smaller bound is enforced by the check.
    int slots = Math.max(bound, 2);
    if (singleProducer && singleConsumer) {
      SpscArrayQueue<E> q = new SpscArrayQueue<>(slots);
      ring = q;
      view = q;
      indices = q;
    } else if (singleProducer) {
      SpmcArrayQueue<E> q = new SpmcArrayQueue<>(slots);
      ring = q;
      view = q;
      indices = q;
    } else if (singleConsumer) {
      MpscArrayQueue<E> q = new MpscArrayQueue<>(slots);
      ring = q;
      view = q;
      indices = q;
    } else {
      MpmcArrayQueue<E> q = new MpmcArrayQueue<>(slots);
      ring = q;
      view = q;
      indices = q;
    }
    this.exact = ring.capacity() == bound;
    this.recorder = MetricsRecorder.create(recordMetrics);
    this.peak = recordMetrics ? new AtomicLong() : null;
  }

  @Override
  public boolean offer(E e) {
    requireNonNull(e, "element");
    while (!(hasRoom() && ring.offer(e))) {
      if (!dropOldest) {
        recorder.recordRejection();
        return false;
      }
      if (ring.poll() != null) {
        recorder.recordRemoval(RemovalCause.SIZE);
      }
    }
    recorder.recordInsertion();
    if (peak != null) {
      peak.accumulateAndGet(ring.size(), Math::max);
    }
    return true;
  }

  private boolean hasRoom() {
    if (exact) {
      return true;
    }
    long produced = indices.currentProducerIndex();
    if (produced < producerLimit) {
      return true;
    }
    long limit = indices.currentConsumerIndex() + bound;
    producerLimit = limit;
    return produced < limit;
  }

  @Override
  public boolean add(E e) {
    if (offer(e)) {
      return true;
    }
    throw new CapacityExceededException(Checks.fullMessage(name, bound));
  }

  @Override
  public E poll() {
    E e = ring.poll();
    if (e != null) {
      recorder.recordRemoval(RemovalCause.EXPLICIT);
    }
    return e;
  }

  @Override
  public E peek() {
    return ring.peek();
  }

  @Override
  public int size() {
    return ring.size();
  }

  @Override
  public boolean isEmpty() {
    return ring.isEmpty();
  }

  @Override
  public int remainingCapacity() {
    return Math.max(0, bound - ring.size());
  }

  /** Weakly consistent; its {@code remove} throws {@link UnsupportedOperationException}. */
  @Override
  public Iterator<E> iterator() {
    return view.iterator();
  }

  @Override
  public boolean remove(Object o) {
    throw unsupported("remove(Object)");
  }

  @Override
  public boolean removeAll(Collection<?> c) {
    throw unsupported("removeAll");
  }

  @Override
  public boolean retainAll(Collection<?> c) {
    throw unsupported("retainAll");
  }

  @Override
  public boolean removeIf(Predicate<? super E> filter) {
    throw unsupported("removeIf");
  }

  private static UnsupportedOperationException unsupported(String method) {
    return new UnsupportedOperationException(
        method + " is not supported: a lock-free ring cannot remove from its middle");
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * The ring's arrays and its padded fields: JCTools pads its indices against false sharing,
   * and an MPMC ring keeps a sequence number per slot.
   */
  private long structureBytes() {
    long slots = ring.capacity();
    long bytes = QUEUE_FIXED_BYTES + Footprint.array(slots, Footprint.REFERENCE);
    return (ring instanceof MpmcArrayQueue) ? bytes + Footprint.array(slots, Long.BYTES) : bytes;
  }

  @Override
  public CollectionMetrics metrics() {
    long size = ring.size();
    CollectionMetrics.Builder b = CollectionMetrics.builder()
        .size(size)
        .bound(bound)
        .peakSize((peak != null) ? Math.max(peak.get(), size) : size)
        .capacity(ring.capacity())
        .estimatedBytes(structureBytes());
    recorder.snapshot(b);
    return b.build();
  }

  /** Nothing to do: the ring clears each slot as it is polled. */
  @Override
  public void cleanUp() {}
}
