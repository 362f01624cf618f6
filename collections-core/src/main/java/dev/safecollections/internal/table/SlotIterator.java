package dev.safecollections.internal.table;

import it.unimi.dsi.fastutil.objects.ObjectIterator;

/**
 * An iterator over a table's live slots in eviction order that turns each slot into an element.
 * Fail-fast; {@code remove} removes the entry. Not part of the public API.
 *
 * @param <E> the element type
 */
abstract class SlotIterator<E> implements ObjectIterator<E> {
  private final SlotTable.Cursor cursor;

  SlotIterator(SlotTable table) {
    this.cursor = table.cursor();
  }

  /** The element for a live slot. */
  abstract E at(int slot);

  @Override
  public boolean hasNext() {
    return cursor.hasNext();
  }

  @Override
  public E next() {
    return at(cursor.nextSlot());
  }

  @Override
  public void remove() {
    cursor.remove();
  }
}
