package dev.safecollections;

import java.util.Queue;

/**
 * A {@link Queue} of at most its bound's elements for handing work from producer threads to
 * consumer threads without locks: the replacement for an unbounded {@code
 * ConcurrentLinkedQueue} between stages. Obtain one from {@link SafeQueues}.
 *
 * <p><b>Threads.</b> {@code offer}, {@code add}, {@code poll}, {@code peek}, {@code size} and
 * {@code isEmpty} are lock-free; {@code offer}, {@code poll} and {@code peek} are linearizable
 * (checked with Lincheck) when the capacity is a power of two or there is one producer (see
 * below for the other case). A queue built for one producer ({@link
 * SafeQueueBuilder#singleProducer()}) or one consumer ({@link SafeQueueBuilder#singleConsumer()})
 * must be used that way: at most one thread at a time may call the insertion methods,
 * respectively the consumer's methods {@code poll}, {@code remove()}, {@code peek}, {@code
 * element()} and {@code clear()}; breaking the promise loses or duplicates elements. Iterators are weakly consistent: they never
 * throw {@link java.util.ConcurrentModificationException} and may or may not reflect changes
 * made while they run. Elements leave in FIFO order. Nulls are rejected with a {@link
 * NullPointerException} naming the argument.
 *
 * <p><b>At the bound.</b> With {@link OverflowPolicy#REJECT} (the default) {@code offer}
 * returns {@code false} and {@code add} throws {@link CapacityExceededException} (an {@link
 * IllegalStateException}, as {@link Queue#add} specifies) and the queue is unchanged. With
 * {@link OverflowPolicy#EVICT} an insertion drops the oldest elements until it fits (removal
 * cause {@link RemovalCause#SIZE} in the metrics) and always succeeds. The bound is the capacity
 * that was asked for: with one producer it holds at every instant; with several producers and a
 * capacity that is not a power of two, producers that race for the last free slot may each
 * take one, so that the size may pass the bound by fewer elements than there are producers, and
 * never beyond {@link CollectionMetrics#capacity()}, the backing ring's power-of-two size. Once
 * the producers have returned, the next insertion sees the bound again.
 *
 * <p><b>Storage.</b> The ring is allocated once, at build time, with {@link
 * CollectionMetrics#capacity()} slots; a polled or dropped element's slot is cleared at once, so
 * the queue never keeps an element reachable after it left.
 *
 * <p><b>Not supported.</b> {@code remove(Object)}, {@code removeAll}, {@code retainAll}, {@code
 * removeIf} and {@code Iterator.remove} throw {@link UnsupportedOperationException}: a lock-free
 * ring cannot take an element out of its middle. {@code contains} and iteration are O(size).
 *
 * <p>{@link CollectionMetrics#peakSize()} is tracked only when the queue was built with {@code
 * recordMetrics()}, since it costs a read of both ends of the ring on every insertion; without it
 * the snapshot reports the current size.
 *
 * @implNote Backed by JCTools' bounded array queues: {@code MpmcArrayQueue}, {@code
 *     MpscArrayQueue}, {@code SpmcArrayQueue} or {@code SpscArrayQueue}.
 *
 * @param <E> the element type
 */
public interface BoundedQueue<E> extends Queue<E>, SafeCollection {

  /**
   * How many more elements the queue accepts now before it is at its bound; like {@link
   * java.util.concurrent.BlockingQueue#remainingCapacity()}, only a hint when other threads use
   * the queue.
   */
  int remainingCapacity();
}
