package dev.safecollections;

import dev.safecollections.internal.MapBackedSet;
import java.time.Duration;

/**
 * Static factories for bounded sets. Each set is the key set of a bounded map from
 * {@link SafeMaps}, storing one shared marker as every value, so it has that map's guarantees
 * and costs: bound, eviction or rejection, expiry, compaction, release, metrics.
 *
 * <pre>{@code
 * Set<String> seen = SafeSets.bounded(100_000);                    // evicts at 100,000
 * Set<String> recent = SafeSets.expiring(Duration.ofMinutes(5), 10_000);
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
