package dev.safecollections;

/** What a bounded collection does when an insertion would take it past its bound. */
public enum OverflowPolicy {
  /** Make room by evicting entries the policy chooses (removal cause {@link RemovalCause#SIZE}). */
  EVICT,
  /**
   * Refuse the insertion: the call throws {@link CapacityExceededException} and the collection is
   * unchanged. Updates to present keys that do not grow the collection past its bound succeed.
   * Bulk operations such as {@code putAll} stop at the first refused element and keep those
   * before it. A refused {@code compute}, {@code computeIfAbsent} or {@code merge} may call its
   * function again before giving up, as {@link java.util.concurrent.ConcurrentMap} permits.
   */
  REJECT
}
