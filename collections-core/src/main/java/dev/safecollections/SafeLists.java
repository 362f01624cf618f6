package dev.safecollections;

/**
 * Static factories for bounded lists: the replacement for a long-lived {@code new ArrayList<>()}
 * used as an event log, a buffer or a window of recent items. Every list is a {@link
 * BoundedList} (or a primitive {@link BoundedLongList} or {@link BoundedIntList}) over a ring
 * buffer: not thread-safe, O(1) at both ends and for {@code get(i)}, dropping its oldest element
 * at the bound unless built to reject. The factories are stateless and safe to call from any
 * thread.
 *
 * <pre>{@code
 * List<Event> recent = SafeLists.bounded(1_000);          // keeps the last 1,000 events
 * LongList latencies = SafeLists.boundedLongs(100_000);   // no boxing
 * }</pre>
 */
public final class SafeLists {
  private SafeLists() {}

  /**
   * A list of at most {@code maximumSize} elements that drops its oldest element at the bound.
   * A shortcut for {@code builder().maximumSize(maximumSize).build()}.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   */
  public static <E> BoundedList<E> bounded(int maximumSize) {
    return builder().maximumSize(maximumSize).build();
  }

  /**
   * A list of at most {@code maximumSize} {@code long}s that drops its oldest element at the
   * bound and never boxes. A shortcut for {@code builder().maximumSize(maximumSize).buildLongs()}.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   */
  public static BoundedLongList boundedLongs(int maximumSize) {
    return builder().maximumSize(maximumSize).buildLongs();
  }

  /**
   * A list of at most {@code maximumSize} {@code int}s that drops its oldest element at the
   * bound and never boxes. A shortcut for {@code builder().maximumSize(maximumSize).buildInts()}.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   */
  public static BoundedIntList boundedInts(int maximumSize) {
    return builder().maximumSize(maximumSize).buildInts();
  }

  /** A builder for lists with any bound, overflow policy, listener and metrics. */
  public static SafeListBuilder<Object> builder() {
    return new SafeListBuilder<>();
  }
}
