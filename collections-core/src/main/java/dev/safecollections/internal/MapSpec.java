package dev.safecollections.internal;

import dev.safecollections.OverflowPolicy;
import dev.safecollections.RemovalListener;
import dev.safecollections.Ticker;
import dev.safecollections.Weigher;

/**
 * The validated settings of a map, handed from the public builder to an implementation.
 * Unset numbers are {@link #UNSET}. Not part of the public API.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public record MapSpec<K, V>(
    String name,
    long maximumSize,
    long maximumBytes,
    Weigher<? super K, ? super V> weigher,
    long expireAfterWriteNanos,
    long expireAfterAccessNanos,
    OverflowPolicy overflowPolicy,
    RemovalListener<? super K, ? super V> removalListener,
    boolean weakKeys,
    ValueStrength valueStrength,
    Ticker ticker,
    boolean recordMetrics,
    int initialCapacity) {

  /** The value of a numeric setting that was not set. */
  public static final long UNSET = -1;

  /** How values are held. */
  public enum ValueStrength {
    STRONG,
    WEAK,
    SOFT
  }

  public boolean boundedBySize() {
    return maximumSize != UNSET;
  }

  public boolean boundedByBytes() {
    return maximumBytes != UNSET;
  }

  public boolean expires() {
    return expireAfterWriteNanos != UNSET || expireAfterAccessNanos != UNSET;
  }

  public boolean rejects() {
    return overflowPolicy == OverflowPolicy.REJECT;
  }

  /** The entry-count bound reported in metrics. */
  public long bound() {
    return boundedBySize() ? maximumSize : Long.MAX_VALUE;
  }
}
