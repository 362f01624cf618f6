package dev.safecollections.internal.ring;

import dev.safecollections.BoundedIntList;
import dev.safecollections.BoundedList;
import dev.safecollections.BoundedLongList;
import dev.safecollections.Ticker;
import dev.safecollections.internal.budget.Membership;

/** Creates the lists from validated settings; the public builder calls it. Not public API. */
public final class Rings {
  private Rings() {}

  public static <E> BoundedList<E> list(RingSpec spec) {
    return new RingList<>(spec);
  }

  /** A list with expiry ({@code ttlNanos} not MAX_VALUE) or a byte bound (not negative). */
  public static <E> BoundedList<E> managedList(RingSpec spec, long ttlNanos, Ticker ticker,
      long maximumBytes, Membership membership) {
    return new ManagedList<>(spec, ttlNanos, ticker, maximumBytes, membership);
  }

  public static BoundedLongList longList(RingSpec spec) {
    return new RingLongList(spec);
  }

  public static BoundedIntList intList(RingSpec spec) {
    return new RingIntList(spec);
  }
}
