package dev.safecollections;

/** What a bounded collection does when an insertion would take it past its bound. */
public enum OverflowPolicy {
  /** Make room by evicting entries the policy chooses (removal cause {@link RemovalCause#SIZE}). */
  EVICT,
  /**
   * Refuse the insertion: the call throws {@link CapacityExceededException} and the collection is
   * unchanged. Updates to present keys that do not grow the collection past its bound succeed.
   */
  REJECT
}
