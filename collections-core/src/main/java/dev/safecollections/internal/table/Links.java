package dev.safecollections.internal.table;

import java.util.Arrays;

/**
 * A doubly linked list of slot numbers held in two int arrays: the eviction order (eldest at
 * the head) or the expiry order of a {@link SlotTable}. Costs 8 bytes per slot and no object
 * per entry. Not thread-safe. Not part of the public API.
 */
final class Links {
  static final int NONE = -1;
  private static final int[] EMPTY = {};

  int[] prev = EMPTY;
  int[] next = EMPTY;
  int head = NONE;
  int tail = NONE;

  /** Gives the arrays this length, keeping the links of the slots below it. */
  void resize(int capacity) {
    prev = (capacity == 0) ? EMPTY : Arrays.copyOf(prev, capacity);
    next = (capacity == 0) ? EMPTY : Arrays.copyOf(next, capacity);
  }

  /** Forgets every link and gives the arrays this length. */
  void reset(int capacity) {
    prev = (capacity == 0) ? EMPTY : new int[capacity];
    next = (capacity == 0) ? EMPTY : new int[capacity];
    head = NONE;
    tail = NONE;
  }

  void linkLast(int slot) {
    prev[slot] = tail;
    next[slot] = NONE;
    if (tail == NONE) {
      head = slot;
    } else {
      next[tail] = slot;
    }
    tail = slot;
  }

  void unlink(int slot) {
    int p = prev[slot];
    int n = next[slot];
    if (p == NONE) {
      head = n;
    } else {
      next[p] = n;
    }
    if (n == NONE) {
      tail = p;
    } else {
      prev[n] = p;
    }
  }

  /** Moves the slot to the tail; returns whether it moved. */
  boolean moveToLast(int slot) {
    if (slot == tail) {
      return false;
    }
    unlink(slot);
    linkLast(slot);
    return true;
  }
}
