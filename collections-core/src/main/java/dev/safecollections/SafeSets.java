package dev.safecollections;

import dev.safecollections.internal.MapBackedSet;
import java.time.Duration;

/**
 * Static factories for bounded sets. The thread-safe sets are the key set of a concurrent
 * map from {@link SafeMaps}, storing one shared marker as every value, so they have that map's
 * guarantees and costs: bound, eviction or rejection, expiry, compaction, release, metrics.
 * The single-threaded ones ({@link #boundedLongs(int)}, {@link #boundedInts(int)} and the
 * builder after {@link SafeSetBuilder#singleThreaded()}) share the table of the single-threaded
 * maps, without a value array.
 *
 * <pre>{@code
 * Set<String> seen = SafeSets.bounded(100_000);                    // evicts at 100,000
 * Set<String> recent = SafeSets.expiring(Duration.ofMinutes(5), 10_000);
 * LongSet ids = SafeSets.boundedLongs(1_000_000);                   // single-threaded, LRU
 * }</pre>
 *
 * <p>The factories are stateless and safe to call from any thread.
 */
public final class SafeSets {
  private SafeSets() {}

  /**
   * A thread-safe set of at most {@code maximumSize} elements that evicts at the bound, over
   * {@link SafeMaps#bounded(long)}: iterators are weakly consistent, and {@code add} of a new
   * element to a full set evicts one that Caffeine's W-TinyLFU judges least likely to be used
   * again (possibly the new one).
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   */
  public static <E> BoundedSet<E> bounded(long maximumSize) {
    return new MapBackedSet<>(SafeMaps.bounded(maximumSize));
  }

  /**
   * A single-threaded set of {@code long} elements of at most {@code maximumSize} that evicts
   * the least recently used element at the bound, with fastutil's type-specific API so that
   * nothing boxes. A shortcut for
   * {@code builder().maximumSize(maximumSize).singleThreaded().buildLongs()}.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   */
  public static BoundedLongSet boundedLongs(int maximumSize) {
    return builder().maximumSize(maximumSize).singleThreaded().buildLongs();
  }

  /**
   * A single-threaded set of {@code int} elements of at most {@code maximumSize} that evicts
   * the least recently used element at the bound. A shortcut for
   * {@code builder().maximumSize(maximumSize).singleThreaded().buildInts()}.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   */
  public static BoundedIntSet boundedInts(int maximumSize) {
    return builder().maximumSize(maximumSize).singleThreaded().buildInts();
  }

  /** A builder for thread-safe or single-threaded sets with any bound, expiry and metrics. */
  public static SafeSetBuilder builder() {
    return new SafeSetBuilder();
  }

  /**
   * A thread-safe set of at most {@code maximumSize} elements that each leave {@code ttl} after
   * they were added, over {@link SafeMaps#expiring(Duration, long)}. Adding a present element
   * does not restart its time ({@code add} is the map's {@code putIfAbsent}).
   *
   * @throws NullPointerException if {@code ttl} is null
   * @throws IllegalArgumentException if {@code ttl} or {@code maximumSize} is not positive
   */
  public static <E> BoundedSet<E> expiring(Duration ttl, long maximumSize) {
    return new MapBackedSet<>(SafeMaps.expiring(ttl, maximumSize));
  }
}
