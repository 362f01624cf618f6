package dev.safecollections;

import dev.safecollections.internal.ObjectSizeEstimator;

/**
 * Computes how many bytes an entry is charged against a collection's {@code maximumBytes}.
 *
 * <p>An entry is weighed when it is written and that weight is kept until it is replaced or
 * removed, so a weigher must return the same weight for the same key and value for as long as
 * the entry is present. It must be fast, side-effect free, thread-safe and must not access the
 * collection. An exception it throws propagates from the write and leaves the collection
 * unchanged.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface Weigher<K, V> {

  /**
   * Returns the entry's weight in bytes; must not be negative. Weights above
   * {@link Integer#MAX_VALUE} are charged as {@link Integer#MAX_VALUE}.
   */
  long weigh(K key, V value);

  /**
   * The built-in estimator: an entry costs a fixed per-entry overhead plus the estimated
   * retained bytes of its key and its value, walked to a bounded depth (strings, arrays, boxed
   * primitives, collections, maps and plain objects; large collections are sampled). It is an
   * estimate of what the entry alone keeps alive, not a measurement: shared objects are counted
   * once per entry that reaches them.
   *
   * @param <K> the key type
   * @param <V> the value type
   * @return a weigher that estimates retained bytes
   */
  static <K, V> Weigher<K, V> estimatingRetainedBytes() {
    return (key, value) ->
        ObjectSizeEstimator.ENTRY_OVERHEAD
            + ObjectSizeEstimator.estimate(key)
            + ObjectSizeEstimator.estimate(value);
  }
}
