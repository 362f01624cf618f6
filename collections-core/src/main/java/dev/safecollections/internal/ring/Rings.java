package dev.safecollections.internal.ring;

import dev.safecollections.BoundedIntList;
import dev.safecollections.BoundedList;
import dev.safecollections.BoundedLongList;
import dev.safecollections.Ticker;

/** Creates the lists from validated settings; the public builder calls it. Not public API. */
public final class Rings {
  private Rings() {}

  public static <E> BoundedList<E> list(RingSpec spec) {
    return new RingList<>(spec);
  }

  public static <E> BoundedList<E> expiringList(RingSpec spec, long ttlNanos, Ticker ticker) {
    return new ExpiringList<>(spec, ttlNanos, ticker);
  }

  public static BoundedLongList longList(RingSpec spec) {
    return new RingLongList(spec);
  }

  public static BoundedIntList intList(RingSpec spec) {
    return new RingIntList(spec);
  }
}
