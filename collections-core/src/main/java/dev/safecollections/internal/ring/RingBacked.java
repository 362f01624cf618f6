package dev.safecollections.internal.ring;

import dev.safecollections.CollectionMetrics;
import dev.safecollections.SafeCollection;

/** A list over a {@link Ring}; the ring answers for name, metrics and maintenance. */
public interface RingBacked extends SafeCollection {

  /** The ring behind this list. */
  Ring ring();

  @Override
  default String name() {
    return ring().name();
  }

  @Override
  default CollectionMetrics metrics() {
    return ring().metrics();
  }

  @Override
  default void cleanUp() {
    ring().cleanUp();
  }
}
