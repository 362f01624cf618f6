package dev.safecollections.internal.table;

import static dev.safecollections.internal.Checks.requireNonNull;

import dev.safecollections.BoundedSet;
import dev.safecollections.RemovalCause;
import dev.safecollections.internal.budget.Attachable;
import dev.safecollections.internal.budget.Ledger;
import java.util.AbstractSet;
import java.util.Iterator;

/**
 * The single-threaded {@link BoundedSet} over a {@link SlotTable} without values. Not
 * thread-safe; null elements are rejected. Not part of the public API.
 *
 * @param <E> the element type
 */
public final class TableObjectSet<E> extends AbstractSet<E>
    implements BoundedSet<E>, TableBacked, Attachable {
  private final SlotTable t;

  TableObjectSet(SlotTable table) {
    this.t = table;
  }

  @Override
  public boolean add(E element) {
    int s = t.findObject(requireNonNull(element, "element"));
    if (s >= 0) {
      t.written(s);
      return false;
    }
    t.insertObject(element);
    t.settle();
    return true;
  }

  @Override
  public boolean contains(Object element) {
    return t.counted(t.findObject(requireNonNull(element, "element"))) >= 0;
  }

  @Override
  public boolean remove(Object element) {
    int s = t.findObject(requireNonNull(element, "element"));
    if (s < 0) {
      return false;
    }
    t.removeAt(s, RemovalCause.EXPLICIT);
    return true;
  }

  @Override
  public Iterator<E> iterator() {
    return new SlotIterator<E>(t) {
      @Override
      @SuppressWarnings("unchecked")
      E at(int slot) {
        return (E) t.objectKeys[slot];
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
  public String toString() {
    return t.toString();
  }

  @Override
  public void attachTo(Ledger outer, Object key) {
    t.attachTo(outer, key);
  }

  @Override
  public long detachFrom(Ledger outer, Object key) {
    return t.detachFrom(outer, key);
  }

  @Override
  public long shellBytes() {
    return SlotTable.SHELL_BYTES;
  }
}
