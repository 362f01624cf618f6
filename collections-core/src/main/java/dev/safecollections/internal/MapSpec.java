package dev.safecollections.internal;

import dev.safecollections.OverflowPolicy;
import dev.safecollections.RemovalListener;
import dev.safecollections.Ticker;
import dev.safecollections.Weigher;
import dev.safecollections.internal.budget.Membership;

/**
 * The validated settings of a map, handed from the public builder to an implementation.
 * Unset numbers are {@link #UNSET}. Immutable. A class rather than a record because Lincheck
 * 2.x cannot snapshot records. Not part of the public API.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class MapSpec<K, V> {
  private final String name;
  private final long maximumSize;
  private final long maximumBytes;
  private final Weigher<? super K, ? super V> weigher;
  private final long expireAfterWriteNanos;
  private final long expireAfterAccessNanos;
  private final OverflowPolicy overflowPolicy;
  private final RemovalListener<? super K, ? super V> removalListener;
  private final boolean weakKeys;
  private final ValueStrength valueStrength;
  private final Ticker ticker;
  private final boolean recordMetrics;
  private final int initialCapacity;
  private final Membership membership;

  public MapSpec(
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
      int initialCapacity,
      Membership membership) {
    this.name = name;
    this.maximumSize = maximumSize;
    this.maximumBytes = maximumBytes;
    this.weigher = weigher;
    this.expireAfterWriteNanos = expireAfterWriteNanos;
    this.expireAfterAccessNanos = expireAfterAccessNanos;
    this.overflowPolicy = overflowPolicy;
    this.removalListener = removalListener;
    this.weakKeys = weakKeys;
    this.valueStrength = valueStrength;
    this.ticker = ticker;
    this.recordMetrics = recordMetrics;
    this.initialCapacity = initialCapacity;
    this.membership = membership;
  }

  public String name() {
    return name;
  }

  public long maximumSize() {
    return maximumSize;
  }

  public long maximumBytes() {
    return maximumBytes;
  }

  public Weigher<? super K, ? super V> weigher() {
    return weigher;
  }

  public long expireAfterWriteNanos() {
    return expireAfterWriteNanos;
  }

  public long expireAfterAccessNanos() {
    return expireAfterAccessNanos;
  }

  public OverflowPolicy overflowPolicy() {
    return overflowPolicy;
  }

  public RemovalListener<? super K, ? super V> removalListener() {
    return removalListener;
  }

  public boolean weakKeys() {
    return weakKeys;
  }

  public ValueStrength valueStrength() {
    return valueStrength;
  }

  public Ticker ticker() {
    return ticker;
  }

  public boolean recordMetrics() {
    return recordMetrics;
  }

  public int initialCapacity() {
    return initialCapacity;
  }

  /** The budget this map joins, with its shares; null if none. */
  public Membership membership() {
    return membership;
  }


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

  public boolean budgeted() {
    return membership != null;
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
