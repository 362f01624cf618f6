package dev.safecollections;

import java.time.Duration;

/**
 * Static factories for bounded maps: the replacement for {@code new HashMap<>()} in anything
 * that lives long. Every map they return is a thread-safe {@link ConcurrentBoundedMap}; its
 * documentation says what happens at the bound and at expiry. The factories themselves are
 * stateless and safe to call from any thread.
 *
 * <pre>{@code
 * ConcurrentMap<String, User> users = SafeMaps.bounded(10_000);
 * ConcurrentMap<String, Session> sessions = SafeMaps.expiring(Duration.ofMinutes(30), 100_000);
 * ConcurrentBoundedMap<String, byte[]> blobs = SafeMaps.builder()
 *     .maximumBytes(64L << 20)
 *     .name("blobs")
 *     .recordMetrics()
 *     .build();
 * }</pre>
 */
public final class SafeMaps {
  private SafeMaps() {}

  /**
   * A thread-safe map of at most {@code maximumSize} entries that evicts at the bound. A
   * shortcut for {@code builder().maximumSize(maximumSize).build()}.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   */
  public static <K, V> ConcurrentBoundedMap<K, V> bounded(long maximumSize) {
    return builder().maximumSize(maximumSize).build();
  }

  /**
   * A thread-safe map of at most {@code maximumSize} entries whose entries expire {@code ttl}
   * after they were written. Expired entries are reclaimed while the map is idle. A shortcut for
   * {@code builder().expireAfterWrite(ttl).maximumSize(maximumSize).build()}.
   *
   * @throws NullPointerException if {@code ttl} is null
   * @throws IllegalArgumentException if {@code ttl} or {@code maximumSize} is not positive
   */
  public static <K, V> ConcurrentBoundedMap<K, V> expiring(Duration ttl, long maximumSize) {
    return builder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
  }

  /** A builder for maps with any combination of bound, expiry, listener and metrics. */
  public static SafeMapBuilder<Object, Object> builder() {
    return new SafeMapBuilder<>();
  }
}
