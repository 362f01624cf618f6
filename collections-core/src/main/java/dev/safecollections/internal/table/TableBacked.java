package dev.safecollections.internal.table;

/** A collection over a {@link SlotTable}; lets tests validate the table. Not public API. */
public interface TableBacked {

  /** The table behind this collection. */
  SlotTable table();
}
