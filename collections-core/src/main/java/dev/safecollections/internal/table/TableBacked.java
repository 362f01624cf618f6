package dev.safecollections.internal.table;

import dev.safecollections.CollectionMetrics;
import dev.safecollections.SafeCollection;

/**
 * A collection over a {@link SlotTable}: the table answers for its name, metrics and
 * maintenance, and tests reach it to validate it. Not part of the public API.
 */
public interface TableBacked extends SafeCollection {

  /** The table behind this collection. */
  SlotTable table();

  @Override
  default String name() {
    return table().name();
  }

  @Override
  default CollectionMetrics metrics() {
    return table().metrics();
  }

  @Override
  default void cleanUp() {
    table().cleanUp();
  }
}
