package dev.safecollections.internal.ring;

import dev.safecollections.BoundedIntList;
import dev.safecollections.BoundedList;
import dev.safecollections.BoundedLongList;

/** Creates the lists from validated settings; the public builder calls it. Not public API. */
public final class Rings {
  private static final String LIST = "SafeList";

  private Rings() {}

  public static <E> BoundedList<E> list(RingSpec spec) {
    return new RingList<>(new Ring(Ring.Kind.OBJECT, spec, LIST));
  }

  public static BoundedLongList longList(RingSpec spec) {
    return new RingLongList(new Ring(Ring.Kind.LONG, spec, LIST));
  }

  public static BoundedIntList intList(RingSpec spec) {
    return new RingIntList(new Ring(Ring.Kind.INT, spec, LIST));
  }
}
