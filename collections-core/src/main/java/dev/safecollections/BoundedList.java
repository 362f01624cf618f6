package dev.safecollections;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * A {@link List} that never holds more than its bound, gives storage back when it shrinks and
 * releases what it removes: the replacement for a long-lived {@code ArrayList} used as a log,
 * a buffer or a window of recent items. Built by {@link SafeLists}.
 *
 * <p>Not thread-safe, like {@code ArrayList}: confine it to one thread or guard it. Iterators
 * are fail-fast. Null elements are allowed, as in {@code ArrayList}. Adding at the end, removing
 * at either end and {@code get(i)} are O(1); inserting or removing in the middle moves the
 * shorter side. At the bound an insertion first drops element 0, the oldest ({@link
 * RemovalCause#SIZE}), or under {@link OverflowPolicy#REJECT} throws {@link
 * CapacityExceededException} and leaves the list unchanged.
 *
 * <p>It is not a {@link java.util.Deque}: a deque's {@code offerFirst} on a full list would have
 * to drop the element it just added, and its {@code equals} is identity where a list's is by
 * value. The O(1) end operations are here instead, named as in Java 21's
 * {@code SequencedCollection} so that they agree with it on newer JDKs.
 *
 * @param <E> the element type
 */
public interface BoundedList<E> extends List<E>, SafeCollection {

  /**
   * The first (oldest) element.
   *
   * @throws NoSuchElementException if the list is empty
   */
  E getFirst();

  /**
   * The last (newest) element.
   *
   * @throws NoSuchElementException if the list is empty
   */
  E getLast();

  /**
   * Removes and returns the first element, in O(1).
   *
   * @throws NoSuchElementException if the list is empty
   */
  E removeFirst();

  /**
   * Removes and returns the last element, in O(1).
   *
   * @throws NoSuchElementException if the list is empty
   */
  E removeLast();
}
