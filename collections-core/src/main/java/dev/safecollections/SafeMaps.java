package dev.safecollections;

import java.time.Duration;

/**
 * Static factories for bounded maps: the replacement for {@code new HashMap<>()} in anything
 * that lives long. {@link #bounded(long)}, {@link #expiring(Duration, long)} and the builder's
 * {@code build()} return a thread-safe {@link ConcurrentBoundedMap}; {@link
 * #boundedLongToLong(int)} and its kin return single-threaded primitive-specialized maps, as
 * does the builder after {@link SafeMapBuilder#singleThreaded()}; {@link
 * #concurrentLongToObject(long)} returns a lock-free map from {@code long} keys. Each type's documentation says
 * what happens at the bound and at expiry. The factories themselves are stateless and safe to
 * call from any thread.
 *
 * <pre>{@code
 * ConcurrentMap<String, User> users = SafeMaps.bounded(10_000);
 * ConcurrentMap<String, Session> sessions = SafeMaps.expiring(Duration.ofMinutes(30), 100_000);
 * ConcurrentBoundedMap<String, byte[]> blobs = SafeMaps.builder()
 *     .maximumBytes(64L << 20)
 *     .name("blobs")
 *     .recordMetrics()
 *     .build();
 * Long2LongMap counts = SafeMaps.boundedLongToLong(1_000_000);       // single-threaded, LRU
 * Long2ObjectMap<Order> open = SafeMaps.concurrentLongToObject(100_000); // lock-free
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

  /**
   * A single-threaded map from long keys to long values of at most {@code maximumSize} entries that
   * evicts the least recently used entry at the bound, with fastutil's type-specific API so
   * that nothing boxes. A shortcut for
   * {@code builder().maximumSize(maximumSize).singleThreaded().buildLongToLong()}; see
   * {@link SingleThreadedMapBuilder} for FIFO order, expiry, REJECT and metrics.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   */
  public static BoundedLong2LongMap boundedLongToLong(int maximumSize) {
    return builder().maximumSize(maximumSize).singleThreaded().buildLongToLong();
  }

  /**
   * A single-threaded map from long keys to reference values of at most {@code maximumSize} entries that
   * evicts the least recently used entry at the bound, with fastutil's type-specific API so
   * that nothing boxes. A shortcut for
   * {@code builder().maximumSize(maximumSize).singleThreaded().buildLongToObject()}; see
   * {@link SingleThreadedMapBuilder} for FIFO order, expiry, REJECT and metrics.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   */
  public static <V> BoundedLong2ObjectMap<V> boundedLongToObject(int maximumSize) {
    return builder().maximumSize(maximumSize).singleThreaded().buildLongToObject();
  }

  /**
   * A single-threaded map from int keys to int values of at most {@code maximumSize} entries that
   * evicts the least recently used entry at the bound, with fastutil's type-specific API so
   * that nothing boxes. A shortcut for
   * {@code builder().maximumSize(maximumSize).singleThreaded().buildIntToInt()}; see
   * {@link SingleThreadedMapBuilder} for FIFO order, expiry, REJECT and metrics.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   */
  public static BoundedInt2IntMap boundedIntToInt(int maximumSize) {
    return builder().maximumSize(maximumSize).singleThreaded().buildIntToInt();
  }

  /**
   * A single-threaded map from int keys to reference values of at most {@code maximumSize} entries that
   * evicts the least recently used entry at the bound, with fastutil's type-specific API so
   * that nothing boxes. A shortcut for
   * {@code builder().maximumSize(maximumSize).singleThreaded().buildIntToObject()}; see
   * {@link SingleThreadedMapBuilder} for FIFO order, expiry, REJECT and metrics.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   */
  public static <V> BoundedInt2ObjectMap<V> boundedIntToObject(int maximumSize) {
    return builder().maximumSize(maximumSize).singleThreaded().buildIntToObject();
  }

  /**
   * A single-threaded map from reference keys to long values of at most {@code maximumSize} entries that
   * evicts the least recently used entry at the bound, with fastutil's type-specific API so
   * that nothing boxes. A shortcut for
   * {@code builder().maximumSize(maximumSize).singleThreaded().buildObjectToLong()}; see
   * {@link SingleThreadedMapBuilder} for FIFO order, expiry, REJECT and metrics.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   */
  public static <K> BoundedObject2LongMap<K> boundedObjectToLong(int maximumSize) {
    return builder().maximumSize(maximumSize).singleThreaded().buildObjectToLong();
  }

  /**
   * A single-threaded map from reference keys to int values of at most {@code maximumSize} entries that
   * evicts the least recently used entry at the bound, with fastutil's type-specific API so
   * that nothing boxes. A shortcut for
   * {@code builder().maximumSize(maximumSize).singleThreaded().buildObjectToInt()}; see
   * {@link SingleThreadedMapBuilder} for FIFO order, expiry, REJECT and metrics.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   */
  public static <K> BoundedObject2IntMap<K> boundedObjectToInt(int maximumSize) {
    return builder().maximumSize(maximumSize).singleThreaded().buildObjectToInt();
  }

  /**
   * A thread-safe, lock-free map from {@code long} keys of at most {@code maximumSize} entries
   * that evicts an approximately least recently used entry at the bound, with fastutil's
   * type-specific API so that keys never box. A shortcut for {@code
   * builder().maximumSize(maximumSize).buildConcurrentLongToObject()}; see {@link
   * ConcurrentBoundedLong2ObjectMap} for what it promises.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   */
  public static <V> ConcurrentBoundedLong2ObjectMap<V> concurrentLongToObject(long maximumSize) {
    return builder().maximumSize(maximumSize).buildConcurrentLongToObject();
  }

  /** A builder for maps with any combination of bound, expiry, listener and metrics. */
  public static SafeMapBuilder<Object, Object> builder() {
    return new SafeMapBuilder<>();
  }
}
