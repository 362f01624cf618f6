package dev.safecollections.internal.table;

import dev.safecollections.BoundedLongSet;
import dev.safecollections.CollectionMetrics;
import dev.safecollections.RemovalCause;
import it.unimi.dsi.fastutil.longs.AbstractLongSet;
import it.unimi.dsi.fastutil.longs.LongIterator;

/**
 * {@link BoundedLongSet} over a {@link SlotTable} without values. Not thread-safe. Not part of
 * the public API.
 */
public final class TableLongSet extends AbstractLongSet implements BoundedLongSet, TableBacked {
  private final SlotTable t;

  TableLongSet(SlotTable table) {
    this.t = table;
  }

  @Override
  public boolean add(long element) {
    int s = t.findLong(element);
    if (s >= 0) {
      t.written(s);
      return false;
    }
    t.insertLong(element);
    return true;
  }

  @Override
  public boolean contains(long element) {
    return t.counted(t.findLong(element)) >= 0;
  }

  @Override
  public boolean remove(long element) {
    int s = t.findLong(element);
    if (s < 0) {
      return false;
    }
    t.removeAt(s, RemovalCause.EXPLICIT);
    return true;
  }

  @Override
  public LongIterator iterator() {
    SlotTable.Cursor c = t.cursor();
    return new LongIterator() {
      @Override
      public boolean hasNext() {
        return c.hasNext();
      }

      @Override
      public long nextLong() {
        return t.longKeys[c.nextSlot()];
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
