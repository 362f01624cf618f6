package dev.safecollections;

import dev.safecollections.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An immutable snapshot of a safe collection's state and counters, like Caffeine's
 * {@code CacheStats}.
 *
 * <p>Counters are cumulative since the collection was built and never negative. For a map
 * they satisfy, at quiescence, {@code insertionCount - removalCount - evictionCount -
 * expirationCount - collectedCount == size} (invariant I5). Instances are thread-safe and are
 * compared by value.
 */
public final class CollectionMetrics {
  private final long size;
  private final long bound;
  private final long peakSize;
  private final long hitCount;
  private final long missCount;
  private final long insertionCount;
  private final long replacementCount;
  private final long removalCount;
  private final long evictionCount;
  private final long expirationCount;
  private final long collectedCount;
  private final long rejectionCount;
  private final long shrinkCount;
  private final long growCount;
  private final long maximumBytes;
  private final long estimatedBytes;
  private final long capacity;
  private final BudgetMetrics budget;

  private CollectionMetrics(Builder b) {
    size = b.size;
    bound = b.bound;
    peakSize = b.peakSize;
    hitCount = b.hitCount;
    missCount = b.missCount;
    insertionCount = b.insertionCount;
    replacementCount = b.replacementCount;
    removalCount = b.removalCount;
    evictionCount = b.evictionCount;
    expirationCount = b.expirationCount;
    collectedCount = b.collectedCount;
    rejectionCount = b.rejectionCount;
    shrinkCount = b.shrinkCount;
    growCount = b.growCount;
    maximumBytes = b.maximumBytes;
    estimatedBytes = b.estimatedBytes;
    capacity = b.capacity;
    budget = b.budget;
  }

  /** A builder for snapshots; used by implementations and tests. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of entries at the time of the snapshot. */
  public long size() {
    return size;
  }

  /** The maximum number of entries, or {@link Long#MAX_VALUE} when bounded only by bytes. */
  public long bound() {
    return bound;
  }

  /** The largest size observed since the collection was built. */
  public long peakSize() {
    return peakSize;
  }

  /** Lookups that found a present, unexpired entry. */
  public long hitCount() {
    return hitCount;
  }

  /** Lookups that found nothing. */
  public long missCount() {
    return missCount;
  }

  /** Hits divided by lookups; {@code 1.0} when there were no lookups, as in Caffeine. */
  public double hitRate() {
    long requests = hitCount + missCount;
    return requests == 0 ? 1.0 : (double) hitCount / requests;
  }

  /** Writes that added an entry for an absent key. */
  public long insertionCount() {
    return insertionCount;
  }

  /** Writes that replaced the value of a present key ({@link RemovalCause#REPLACED}). */
  public long replacementCount() {
    return replacementCount;
  }

  /** Entries removed at the caller's request ({@link RemovalCause#EXPLICIT}). */
  public long removalCount() {
    return removalCount;
  }

  /** Entries evicted because the collection was at its bound ({@link RemovalCause#SIZE}). */
  public long evictionCount() {
    return evictionCount;
  }

  /**
   * Entries the collection dropped by itself, for every cause that {@link
   * RemovalCause#wasEvicted()}: {@link #evictionCount()} + {@link #expirationCount()} + {@link
   * #collectedCount()}, as Caffeine's {@code evictionCount} counts them.
   */
  public long totalEvictionCount() {
    return evictionCount + expirationCount + collectedCount;
  }

  /** The entries that left for {@code cause}: the count of that cause's accessor. */
  public long removalCount(RemovalCause cause) {
    switch (Checks.requireNonNull(cause, "cause")) {
      case EXPLICIT: return removalCount;
      case REPLACED: return replacementCount;
      case SIZE: return evictionCount;
      case EXPIRED: return expirationCount;
      default: return collectedCount;
    }
  }

  /** Entries dropped because they expired ({@link RemovalCause#EXPIRED}). */
  public long expirationCount() {
    return expirationCount;
  }

  /** Entries dropped because the GC cleared a weak or soft reference ({@link RemovalCause#COLLECTED}). */
  public long collectedCount() {
    return collectedCount;
  }

  /** Insertions refused with {@link CapacityExceededException} under {@link OverflowPolicy#REJECT}. */
  public long rejectionCount() {
    return rejectionCount;
  }

  /**
   * How many times the backing store was rebuilt smaller after the content shrank (or moved to
   * a fresh one, for the lock-free map).
   */
  public long shrinkCount() {
    return shrinkCount;
  }

  /**
   * How many times the backing store was enlarged. Exact for the single-threaded maps and sets
   * and the lists; for the Caffeine-backed maps it counts the doublings that
   * {@code ConcurrentHashMap}'s sizing rule implies for the peak size since the last rebuild
   * (Caffeine does not expose its table); for the lock-free map, the larger tables writers
   * have seen replace the current one (two resizes in quick succession may count as one).
   * Queues never grow.
   */
  public long growCount() {
    return growCount;
  }

  /** The byte bound, when the collection is bounded by bytes. */
  public OptionalLong maximumBytes() {
    return maximumBytes < 0 ? OptionalLong.empty() : OptionalLong.of(maximumBytes);
  }

  /**
   * The estimated bytes the collection holds. For a collection that weighs its entries (one
   * bounded by {@code maximumBytes} or a member of a {@link MemoryBudget}) these are the
   * weighed bytes of its entries, as its bound counts them. Otherwise they are the bytes of the
   * collection's own structure (its arrays and per-entry nodes, from sizes measured with JOL on
   * a 64-bit JVM with compressed references), without its keys and values, since weighing
   * those would cost a walk over every entry.
   */
  public long estimatedBytes() {
    return estimatedBytes;
  }

  /**
   * The slots the backing store holds now (an array's length): for the single-threaded maps and
   * sets and the lists, their arrays; for the queues their ring (a power of two that may exceed
   * the bound); for the lock-free map its current table; for the Caffeine-backed maps the table
   * that {@code ConcurrentHashMap}'s sizing rule gives for the peak since the last rebuild (an
   * estimate: Caffeine does not expose it). Empty only if the collection cannot tell.
   */
  public OptionalLong capacity() {
    return capacity < 0 ? OptionalLong.empty() : OptionalLong.of(capacity);
  }

  /**
   * For a member of a {@link MemoryBudget}: a snapshot of the budget, with this and every other
   * member's bytes and evictions. The member's own bytes are then {@link #estimatedBytes()},
   * and {@link #maximumBytes()} is its maximum share of the budget (the limit, by default).
   */
  public Optional<BudgetMetrics> budget() {
    return Optional.ofNullable(budget);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CollectionMetrics)) {
      return false;
    }
    CollectionMetrics m = (CollectionMetrics) o;
    return size == m.size && bound == m.bound && peakSize == m.peakSize
        && hitCount == m.hitCount && missCount == m.missCount
        && insertionCount == m.insertionCount && replacementCount == m.replacementCount
        && removalCount == m.removalCount && evictionCount == m.evictionCount
        && expirationCount == m.expirationCount && collectedCount == m.collectedCount
        && rejectionCount == m.rejectionCount && shrinkCount == m.shrinkCount
        && growCount == m.growCount
        && maximumBytes == m.maximumBytes && estimatedBytes == m.estimatedBytes
        && capacity == m.capacity && Objects.equals(budget, m.budget);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, bound, peakSize, hitCount, missCount, insertionCount,
        replacementCount, removalCount, evictionCount, expirationCount, collectedCount,
        rejectionCount, shrinkCount, growCount, maximumBytes, estimatedBytes, capacity, budget);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("CollectionMetrics{size=").append(size)
        .append(", bound=").append(bound)
        .append(", peakSize=").append(peakSize)
        .append(", hitCount=").append(hitCount)
        .append(", missCount=").append(missCount)
        .append(", insertionCount=").append(insertionCount)
        .append(", replacementCount=").append(replacementCount)
        .append(", removalCount=").append(removalCount)
        .append(", evictionCount=").append(evictionCount)
        .append(", expirationCount=").append(expirationCount)
        .append(", collectedCount=").append(collectedCount)
        .append(", rejectionCount=").append(rejectionCount)
        .append(", shrinkCount=").append(shrinkCount)
        .append(", growCount=").append(growCount)
        .append(", estimatedBytes=").append(estimatedBytes);
    if (maximumBytes >= 0) {
      s.append(", maximumBytes=").append(maximumBytes);
    }
    if (capacity >= 0) {
      s.append(", capacity=").append(capacity);
    }
    if (budget != null) {
      s.append(", budget=").append(budget);
    }
    return s.append('}').toString();
  }

  /** Builds a {@link CollectionMetrics}; every count defaults to zero. Not thread-safe. */
  public static final class Builder {
    private long size;
    private long bound = Long.MAX_VALUE;
    private long peakSize;
    private long hitCount;
    private long missCount;
    private long insertionCount;
    private long replacementCount;
    private long removalCount;
    private long evictionCount;
    private long expirationCount;
    private long collectedCount;
    private long rejectionCount;
    private long shrinkCount;
    private long growCount;
    private long maximumBytes = -1;
    private long estimatedBytes;
    private long capacity = -1;
    private BudgetMetrics budget;

    private Builder() {}

    private static long count(long value, String name) {
      return Checks.requireNonNegative(value, name);
    }

    public Builder size(long v) { size = count(v, "size"); return this; }
    public Builder bound(long v) { bound = count(v, "bound"); return this; }
    public Builder peakSize(long v) { peakSize = count(v, "peak size"); return this; }
    public Builder hitCount(long v) { hitCount = count(v, "hit count"); return this; }
    public Builder missCount(long v) { missCount = count(v, "miss count"); return this; }
    public Builder insertionCount(long v) { insertionCount = count(v, "insertion count"); return this; }
    public Builder replacementCount(long v) { replacementCount = count(v, "replacement count"); return this; }
    public Builder removalCount(long v) { removalCount = count(v, "removal count"); return this; }
    public Builder evictionCount(long v) { evictionCount = count(v, "eviction count"); return this; }
    public Builder expirationCount(long v) { expirationCount = count(v, "expiration count"); return this; }
    public Builder collectedCount(long v) { collectedCount = count(v, "collected count"); return this; }
    public Builder rejectionCount(long v) { rejectionCount = count(v, "rejection count"); return this; }
    public Builder shrinkCount(long v) { shrinkCount = count(v, "shrink count"); return this; }
    public Builder growCount(long v) { growCount = count(v, "grow count"); return this; }

    /** The structure's estimated bytes, for a collection that does not weigh its entries. */
    public Builder estimatedBytes(long v) { estimatedBytes = count(v, "estimated bytes"); return this; }

    /** The slots the backing store holds now. */
    public Builder capacity(long v) { capacity = count(v, "capacity"); return this; }

    /** Marks the collection as bounded by bytes, with this bound and current weight. */
    public Builder bytes(long maximum, long estimated) {
      maximumBytes = count(maximum, "maximum bytes");
      estimatedBytes = count(estimated, "estimated bytes");
      return this;
    }

    /** Marks the collection as a member of a budget, with the budget's snapshot. */
    public Builder budget(BudgetMetrics b) {
      budget = Checks.requireNonNull(b, "budget");
      return this;
    }

    public CollectionMetrics build() {
      return new CollectionMetrics(this);
    }
  }
}
