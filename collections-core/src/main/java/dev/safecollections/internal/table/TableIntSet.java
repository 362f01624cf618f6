package dev.safecollections.internal.table;

import dev.safecollections.BoundedIntSet;
import dev.safecollections.CollectionMetrics;
import dev.safecollections.RemovalCause;
import it.unimi.dsi.fastutil.ints.AbstractIntSet;
import it.unimi.dsi.fastutil.ints.IntIterator;

/**
 * {@link BoundedIntSet} over a {@link SlotTable} without values. Not thread-safe. Not part of
 * the public API.
 */
public final class TableIntSet extends AbstractIntSet implements BoundedIntSet, TableBacked {
  private final SlotTable t;

  TableIntSet(SlotTable table) {
    this.t = table;
  }

  @Override
  public boolean add(int element) {
    int s = t.findInt(element);
    if (s >= 0) {
      t.written(s);
      return false;
    }
    t.insertInt(element);
    return true;
  }

  @Override
  public boolean contains(int element) {
    return t.counted(t.findInt(element)) >= 0;
  }

  @Override
  public boolean remove(int element) {
    int s = t.findInt(element);
    if (s < 0) {
      return false;
    }
    t.removeAt(s, RemovalCause.EXPLICIT);
    return true;
  }

  @Override
  public IntIterator iterator() {
    SlotTable.Cursor c = t.cursor();
    return new IntIterator() {
      @Override
      public boolean hasNext() {
        return c.hasNext();
      }

      @Override
      public int nextInt() {
        return t.intKeys[c.nextSlot()];
      }

      @Override
      public void remove() {
        c.remove();
      }
    };
  }

  @Override
  public int size() {
    return t.size();
  }

  @Override
  public boolean isEmpty() {
    return t.size() == 0;
  }

  @Override
  public void clear() {
    t.clear();
  }

  @Override
  public SlotTable table() {
    return t;
  }

  @Override
  public String name() {
    return t.name();
  }

  @Override
  public CollectionMetrics metrics() {
    return t.metrics();
  }

  @Override
  public void cleanUp() {
    t.cleanUp();
  }

  @Override
  public String toString() {
    return t.toString();
  }
}
