package dev.safecollections.internal.ring;

import dev.safecollections.BoundedList;
import dev.safecollections.RemovalCause;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.ListIterator;
import java.util.RandomAccess;

/**
 * {@link BoundedList} over a {@link Ring} of references. Not thread-safe; iterators are
 * fail-fast, through the ring's {@code modCount} (mirrored into {@code AbstractList}'s for its
 * sub-lists). Not part of the public API.
 *
 * @param <E> the element type
 */
public final class RingList<E> extends AbstractList<E>
    implements BoundedList<E>, RandomAccess, RingBacked {
  private final Ring r;

  RingList(Ring ring) {
    this.r = ring;
  }

  @Override
  public Ring ring() {
    return r;
  }

  @Override
  @SuppressWarnings("unchecked")
  public E get(int index) {
    return (E) r.objects[r.checkedSlot(index)];
  }

  @Override
  @SuppressWarnings("unchecked")
  public E set(int index, E element) {
    int s = r.checkedSlot(index);
    E old = (E) r.objects[s];
    r.objects[s] = element;
    r.replaced(old);
    return old;
  }

  @Override
  public boolean add(E element) {
    int s = r.append();
    r.objects[s] = element; // after the append: it may replace the array
    modCount = r.modCount;
    return true;
  }

  @Override
  public void add(int index, E element) {
    int s = r.insert(index);
    r.objects[s] = element;
    modCount = r.modCount;
  }

  @Override
  @SuppressWarnings("unchecked")
  public E remove(int index) {
    E old = (E) r.objects[r.checkedSlot(index)];
    r.remove(index, RemovalCause.EXPLICIT);
    modCount = r.modCount;
    return old;
  }

  @Override
  @SuppressWarnings("unchecked")
  public E getFirst() {
    return (E) r.objects[r.firstSlot()];
  }

  @Override
  @SuppressWarnings("unchecked")
  public E getLast() {
    return (E) r.objects[r.lastSlot()];
  }

  @Override
  public E removeFirst() {
    r.firstSlot();
    return remove(0);
  }

  @Override
  public E removeLast() {
    r.lastSlot();
    return remove(r.size() - 1);
  }

  @Override
  public int size() {
    return r.size();
  }

  @Override
  public void clear() {
    r.clear();
    modCount = r.modCount;
  }

  @Override
  protected void removeRange(int fromIndex, int toIndex) {
    for (int i = toIndex - 1; i >= fromIndex; i--) {
      remove(i);
    }
  }

  @Override
  public String toString() {
    return r.toString();
  }

  @Override
  public Iterator<E> iterator() {
    return new Iter(0);
  }

  @Override
  public ListIterator<E> listIterator(int index) {
    return new Iter(index);
  }

  /** A fail-fast list iterator that knows an add to a full list drops element 0. */
  private final class Iter extends RingCursor implements ListIterator<E> {
    Iter(int index) {
      super(RingList.this.r, index);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E next() {
      return (E) r.objects[nextSlot()];
    }

    @Override
    @SuppressWarnings("unchecked")
    public E previous() {
      return (E) r.objects[previousSlot()];
    }

    @Override
    public void remove() {
      RingList.this.remove(lastReturned());
      removed();
    }

    @Override
    public void set(E element) {
      RingList.this.set(lastReturned(), element);
    }

    @Override
    public void add(E element) {
      int before = r.size();
      RingList.this.add(addIndex(), element);
      added(before);
    }
  }
}
