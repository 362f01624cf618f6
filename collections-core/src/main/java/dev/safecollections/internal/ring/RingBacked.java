package dev.safecollections.internal.ring;

import dev.safecollections.SafeCollection;

/** A list over a ring buffer; lets tests see its capacity and validate it. Not public API. */
public interface RingBacked extends SafeCollection {

  /** The number of slots the array holds now; for tests of invariant I2. */
  int capacity();

  /** Checks internal consistency, throwing {@link AssertionError}; for tests. */
  void validate();
}
