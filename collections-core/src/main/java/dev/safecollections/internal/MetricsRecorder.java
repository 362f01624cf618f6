package dev.safecollections.internal;

import dev.safecollections.CollectionMetrics;
import dev.safecollections.RemovalCause;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records a collection's counters, in the manner of Caffeine's {@code StatsCounter}: a
 * concurrent implementation of striped adders and a disabled one that costs a virtual call.
 * Not part of the public API.
 */
public interface MetricsRecorder {

  void recordHit();

  void recordMiss();

  void recordInsertion();

  void recordRemoval(RemovalCause cause);

  void recordRejection();

  void recordShrink();

  /** The backing store was enlarged. */
  void recordGrow();

  /** Copies the counters into the snapshot builder. */
  void snapshot(CollectionMetrics.Builder into);

  /** A recorder for {@code recordMetrics()} when {@code enabled}, else the no-op one. */
  static MetricsRecorder create(boolean enabled) {
    return enabled ? new Concurrent() : Disabled.INSTANCE;
  }

  /**
   * A recorder for a collection that is not thread-safe: plain counters when {@code enabled},
   * else the no-op one.
   */
  static MetricsRecorder createSingleThreaded(boolean enabled) {
    return enabled ? new Plain() : Disabled.INSTANCE;
  }

  /** Copies counters into a snapshot; {@code removed} is indexed by cause ordinal. */
  private static void fill(CollectionMetrics.Builder into, long hits, long misses,
      long insertions, long[] removed, long rejections, long shrinks, long grows) {
    into.hitCount(hits)
        .missCount(misses)
        .insertionCount(insertions)
        .replacementCount(removed[RemovalCause.REPLACED.ordinal()])
        .removalCount(removed[RemovalCause.EXPLICIT.ordinal()])
        .evictionCount(removed[RemovalCause.SIZE.ordinal()])
        .expirationCount(removed[RemovalCause.EXPIRED.ordinal()])
        .collectedCount(removed[RemovalCause.COLLECTED.ordinal()])
        .rejectionCount(rejections)
        .shrinkCount(shrinks)
        .growCount(grows);
  }

  /** Records nothing; every count reads as zero. */
  enum Disabled implements MetricsRecorder {
    INSTANCE;

    @Override public void recordHit() {}
    @Override public void recordMiss() {}
    @Override public void recordInsertion() {}
    @Override public void recordRemoval(RemovalCause cause) {}
    @Override public void recordRejection() {}
    @Override public void recordShrink() {}
    @Override public void recordGrow() {}
    @Override public void snapshot(CollectionMetrics.Builder into) {}
  }

  /** Exact counts on {@link LongAdder}s; thread-safe. */
  final class Concurrent implements MetricsRecorder {
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder insertions = new LongAdder();
    private final LongAdder rejections = new LongAdder();
    private final LongAdder shrinks = new LongAdder();
    private final LongAdder grows = new LongAdder();
    private final LongAdder[] removals = new LongAdder[RemovalCause.values().length];

    Concurrent() {
      for (int i = 0; i < removals.length; i++) {
        removals[i] = new LongAdder();
      }
    }

    @Override public void recordHit() { hits.increment(); }
    @Override public void recordMiss() { misses.increment(); }
    @Override public void recordInsertion() { insertions.increment(); }
    @Override public void recordRemoval(RemovalCause cause) { removals[cause.ordinal()].increment(); }
    @Override public void recordRejection() { rejections.increment(); }
    @Override public void recordShrink() { shrinks.increment(); }
    @Override public void recordGrow() { grows.increment(); }

    @Override
    public void snapshot(CollectionMetrics.Builder into) {
      long[] removed = new long[removals.length];
      for (int i = 0; i < removed.length; i++) {
        removed[i] = removals[i].sum();
      }
      fill(into, hits.sum(), misses.sum(), insertions.sum(), removed, rejections.sum(),
          shrinks.sum(), grows.sum());
    }
  }

  /**
   * Exact counts in plain fields, for collections confined to one thread. A snapshot taken from
   * another thread may be stale but never fails.
   */
  final class Plain implements MetricsRecorder {
    private long hits;
    private long misses;
    private long insertions;
    private long rejections;
    private long shrinks;
    private long grows;
    private final long[] removals = new long[RemovalCause.values().length];

    Plain() {}

    @Override public void recordHit() { hits++; }
    @Override public void recordMiss() { misses++; }
    @Override public void recordInsertion() { insertions++; }
    @Override public void recordRemoval(RemovalCause cause) { removals[cause.ordinal()]++; }
    @Override public void recordRejection() { rejections++; }
    @Override public void recordShrink() { shrinks++; }
    @Override public void recordGrow() { grows++; }

    @Override
    public void snapshot(CollectionMetrics.Builder into) {
      fill(into, hits, misses, insertions, removals.clone(), rejections, shrinks, grows);
    }
  }
}
