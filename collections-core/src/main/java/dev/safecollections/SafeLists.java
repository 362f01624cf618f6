package dev.safecollections;

import java.time.Duration;

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
 * List<Event> lastMinute = SafeLists.expiring(Duration.ofMinutes(1), 100_000);
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
   * A list of at most {@code maximumSize} elements that each expire {@code ttl} after they were
   * added, dropping its oldest element at the bound. Expired elements are never returned and are
   * reclaimed while nobody calls the list, by the shared sweeper thread. A shortcut for
   * {@code builder().expireAfterWrite(ttl).maximumSize(maximumSize).build()}.
   *
   * @throws NullPointerException if {@code ttl} is null
   * @throws IllegalArgumentException if {@code ttl} or {@code maximumSize} is not positive
   */
  public static <E> BoundedList<E> expiring(Duration ttl, int maximumSize) {
    return builder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
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

  /** A builder for lists with any bound, expiry, overflow policy, listener and metrics. */
  public static SafeListBuilder<Object> builder() {
    return new SafeListBuilder<>();
  }
}
