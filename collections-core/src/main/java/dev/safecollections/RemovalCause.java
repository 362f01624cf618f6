package dev.safecollections;

/**
 * Why an entry left a safe collection, as reported to a {@link RemovalListener} and counted in
 * {@link CollectionMetrics}.
 */
public enum RemovalCause {
  /** The caller removed the entry: {@code remove}, {@code clear}, an iterator, a compute to null. */
  EXPLICIT(false),
  /** The caller replaced the entry's value; the old value is the one reported. */
  REPLACED(false),
  /** The collection was at its bound (by count or by bytes) and evicted the entry. */
  SIZE(true),
  /** The entry's time to live ran out. */
  EXPIRED(true),
  /** The garbage collector cleared a weakly or softly held key or value. */
  COLLECTED(true);

  private final boolean evicted;

  RemovalCause(boolean evicted) {
    this.evicted = evicted;
  }

  /** Whether the collection removed the entry on its own rather than at the caller's request. */
  public boolean wasEvicted() {
    return evicted;
  }
}
