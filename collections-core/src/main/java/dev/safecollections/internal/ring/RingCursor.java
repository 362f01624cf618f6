package dev.safecollections.internal.ring;

import java.util.ConcurrentModificationException;
import java.util.NoSuchElementException;

/**
 * The position logic of a fail-fast list iterator over a {@link Ring}, as {@code ArrayList}'s,
 * shared by the object and primitive lists, which add the typed element access. Knows that an
 * insertion into a full list drops element 0. Not part of the public API.
 */
abstract class RingCursor {
  final Ring r;
  private int cursor;
  private int lastReturned = -1;
  private int expectedModCount;

  RingCursor(Ring ring, int index) {
    if (index < 0 || index > ring.size()) {
      throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + ring.size());
    }
    this.r = ring;
    this.cursor = index;
    this.expectedModCount = ring.modCount;
  }

  public boolean hasNext() {
    return cursor < r.size();
  }

  public boolean hasPrevious() {
    return cursor > 0;
  }

  public int nextIndex() {
    return cursor;
  }

  public int previousIndex() {
    return cursor - 1;
  }

  /** Moves forward and returns the slot of the element passed over. */
  final int nextSlot() {
    checkForComodification();
    if (cursor >= r.size()) {
      throw new NoSuchElementException();
    }
    lastReturned = cursor++;
    return r.slot(lastReturned);
  }

  /** Moves back and returns the slot of the element passed over. */
  final int previousSlot() {
    checkForComodification();
    if (cursor <= 0) {
      throw new NoSuchElementException();
    }
    lastReturned = --cursor;
    return r.slot(lastReturned);
  }

  /** The index that {@code remove} and {@code set} act on, checked. */
  final int lastReturned() {
    if (lastReturned < 0) {
      throw new IllegalStateException("next() or previous() was not called, or remove() or "
          + "add() was called after it");
    }
    checkForComodification();
    return lastReturned;
  }

  /** After the list removed element {@link #lastReturned()}. */
  final void removed() {
    cursor = lastReturned;
    lastReturned = -1;
    expectedModCount = r.modCount;
  }

  /** The index at which {@code add} inserts. */
  final int addIndex() {
    checkForComodification();
    return cursor;
  }

  /** After the list inserted at {@link #addIndex()}, growing from {@code sizeBefore}. */
  final void added(int sizeBefore) {
    // A full list dropped element 0 first, so the new element sits just before the cursor.
    if (r.size() > sizeBefore || cursor == 0) {
      cursor++;
    }
    lastReturned = -1;
    expectedModCount = r.modCount;
  }

  final void checkForComodification() {
    if (r.modCount != expectedModCount) {
      throw new ConcurrentModificationException();
    }
  }
}
