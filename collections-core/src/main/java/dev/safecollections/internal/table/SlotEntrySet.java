package dev.safecollections.internal.table;

import it.unimi.dsi.fastutil.objects.AbstractObjectSet;
import it.unimi.dsi.fastutil.objects.ObjectIterator;

/**
 * The entry set of a map over a {@link SlotTable}: iterates in eviction order and removes
 * through the table. Subclasses make an entry of a slot and look one up. Not public API.
 *
 * @param <E> the entry type
 */
abstract class SlotEntrySet<E> extends AbstractObjectSet<E> {
  final SlotTable t;

  SlotEntrySet(SlotTable table) {
    this.t = table;
  }

  /** The entry for a live slot. */
  abstract E at(int slot);

  /** The live slot holding an entry equal to {@code o}, or {@link SlotTable#NONE}. */
  abstract int slotOf(Object o);

  @Override
  public ObjectIterator<E> iterator() {
    return new SlotIterator<E>(t) {
      @Override
      E at(int slot) {
        return SlotEntrySet.this.at(slot);
      }
    };
  }

  @Override
  public boolean contains(Object o) {
    return slotOf(o) >= 0;
  }

  @Override
  public boolean remove(Object o) {
    int s = slotOf(o);
    if (s < 0) {
      return false;
    }
    t.removeAt(s, dev.safecollections.RemovalCause.EXPLICIT);
    return true;
  }

  @Override
  public int size() {
    return t.size();
  }

  @Override
  public void clear() {
    t.clear();
  }
}
