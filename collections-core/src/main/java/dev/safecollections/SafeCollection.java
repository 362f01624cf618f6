package dev.safecollections;

/**
 * Implemented by every collection in this library: it has a name and reports its metrics.
 *
 * <p>Both methods are safe to call from any thread, also on collections that are not
 * thread-safe for other operations, where the snapshot may then be slightly stale.
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
}
