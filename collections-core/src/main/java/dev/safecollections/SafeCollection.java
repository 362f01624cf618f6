package dev.safecollections;

/**
 * Implemented by every collection in this library: it has a name, reports its metrics and can
 * run its maintenance on demand.
 *
 * <p>{@link #name()} and {@link #metrics()} are safe to call from any thread, also on
 * collections that are not thread-safe for other operations, where the snapshot may then be
 * slightly stale.
 */
public interface SafeCollection {

  /** The name given at build time, or a generated one ({@code "SafeMap@1b6d3586"}). */
  String name();

  /**
   * An immutable snapshot of this collection's size, bound and counters. Size, bound, peak and
   * bytes are always reported; the counters are exact when the collection was built with
   * {@code recordMetrics()} and zero otherwise.
   */
  CollectionMetrics metrics();

  /**
   * Runs pending maintenance now: evictions, expirations, reclaiming collected references and
   * compaction of the backing store. Never needed for correctness; useful before measuring.
   * On a collection that is not thread-safe, call it from the thread that owns the collection.
   */
  void cleanUp();
}
