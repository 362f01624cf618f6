package dev.safecollections.internal.ring;

import dev.safecollections.CapacityExceededException;
import dev.safecollections.CollectionMetrics;
import dev.safecollections.RemovalCause;
import dev.safecollections.internal.MetricsRecorder;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;

/*
 * The ring buffer behind every SafeLists list: elements of one of three kinds (reference, long,
 * int) in a circular array, so that adding at the end and removing at either end are O(1) and
 * get(i) is one index computation. The typed lists (RingList, RingLongList, RingIntList) are
 * adapters; all logic lives here.
 *
 * Layout. Element i lives in slot (head + i) mod capacity. The capacity is any number up to
 * the maximum size, never a power of two by necessity, so a full list pays for exactly its
 * bound. An insertion or removal in the middle moves the shorter side by one slot.
 *
 * At the bound. An insertion into a full list first drops element 0, the oldest (cause SIZE),
 * or under REJECT throws before changing anything.
 *
 * Capacity follows content. It doubles up to the maximum size, never beyond; a removal that
 * leaves the list at most a quarter full copies it into an array twice its size (never below
 * the minimum), so capacity is at most four times the size once removals settle; an emptied
 * or cleared list drops its array. Vacated slots are cleared at once, so nothing removed stays
 * reachable.
 *
 * Not thread-safe; not part of the public API.
 */
/** The ring buffer behind the lists; see the comment at the top of the file. Not public API. */
public final class Ring {
  /** What the element array holds. */
  public enum Kind { OBJECT, LONG, INT }

  private static final int MIN_CAPACITY = 16;
  private static final System.Logger LOGGER = System.getLogger(Ring.class.getName());

  private final Kind kind;
  private final String name;
  private final int maximumSize;
  private final int freshCapacity;
  private final int minimumCapacity;
  private final boolean rejects;
  private final BiConsumer<Object, RemovalCause> listener;
  final MetricsRecorder metrics;

  public Object[] objects;
  public long[] longs;
  public int[] ints;
  private int head;
  private int size;
  private int capacity;
  private int peakSize;
  /** Structural changes, for fail-fast iterators. */
  public int modCount;

  @SuppressWarnings("unchecked")
  public Ring(Kind kind, RingSpec spec, String defaultNamePrefix) {
    this.kind = kind;
    this.name = (spec.name() != null) ? spec.name()
        : defaultNamePrefix + "@" + Integer.toHexString(System.identityHashCode(this));
    this.maximumSize = spec.maximumSize();
    this.freshCapacity = Math.min(maximumSize, Math.max(0, spec.initialCapacity()));
    this.minimumCapacity = Math.min(maximumSize, Math.max(MIN_CAPACITY, freshCapacity));
    this.rejects = spec.rejects();
    this.listener = (BiConsumer<Object, RemovalCause>) spec.removalListener();
    this.metrics = MetricsRecorder.createSingleThreaded(spec.recordMetrics());
    allocate(freshCapacity);
  }

  // ---------------------------------------------------------------- indices

  /** The slot of element {@code index}, which the caller has checked. */
  public int slot(int index) {
    int s = head + index;
    return (s >= capacity) ? s - capacity : s;
  }

  /**
   * The slot of element {@code index}.
   *
   * @throws IndexOutOfBoundsException as {@code ArrayList} does, if index is outside [0, size)
   */
  public int checkedSlot(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
    }
    return slot(index);
  }

  public int size() {
    return size;
  }

  /** The slot of element 0; throws {@link NoSuchElementException} if the list is empty. */
  public int firstSlot() {
    if (size == 0) {
      throw new NoSuchElementException(name + " is empty");
    }
    return head;
  }

  /** The slot of the last element; throws {@link NoSuchElementException} if the list is empty. */
  public int lastSlot() {
    if (size == 0) {
      throw new NoSuchElementException(name + " is empty");
    }
    return slot(size - 1);
  }

  // ---------------------------------------------------------------- insertion

  /**
   * Makes room for one element at the end and returns its slot, which the caller fills. Read
   * the element array after this call: it may have been replaced.
   *
   * @throws CapacityExceededException if the list is full and rejects insertions
   */
  public int append() {
    makeRoom();
    ensureCapacity();
    int s = slot(size);
    inserted();
    return s;
  }

  /**
   * Opens a gap before element {@code index} (so that the new element ends up between the same
   * neighbours even if element 0 is dropped to make room) and returns its slot.
   *
   * @throws IndexOutOfBoundsException if index is outside [0, size]
   * @throws CapacityExceededException if the list is full and rejects insertions
   */
  public int insert(int index) {
    if (index < 0 || index > size) {
      throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + size);
    }
    if (index == size) {
      return append();
    }
    if (makeRoom() && index > 0) {
      index--;
    }
    ensureCapacity();
    int gap;
    if (index < size / 2) {
      head = (head == 0) ? capacity - 1 : head - 1;
      for (int i = 0; i < index; i++) {
        move(slot(i + 1), slot(i));
      }
    } else {
      for (int i = size; i > index; i--) {
        move(slot(i - 1), slot(i));
      }
    }
    gap = slot(index);
    inserted();
    return gap;
  }

  private void inserted() {
    size++;
    modCount++;
    if (size > peakSize) {
      peakSize = size;
    }
    metrics.recordInsertion();
  }

  /** Drops element 0 when full, or throws under REJECT; returns whether it dropped one. */
  private boolean makeRoom() {
    if (size < maximumSize) {
      return false;
    }
    if (rejects) {
      metrics.recordRejection();
      throw new CapacityExceededException(name + " is full: maximum size is " + maximumSize);
    }
    remove(0, RemovalCause.SIZE, false);
    return true;
  }

  private void ensureCapacity() {
    if (size == capacity) {
      resize((int) Math.min(maximumSize, Math.max(MIN_CAPACITY, 2L * capacity)));
    }
  }

  /** Counts a replaced element and tells the listener; the caller has stored the new one. */
  public void replaced(Object oldElement) {
    metrics.recordRemoval(RemovalCause.REPLACED);
    if (listener != null) {
      notifyListener(oldElement, RemovalCause.REPLACED);
    }
  }

  public boolean hasListener() {
    return listener != null;
  }

  // ---------------------------------------------------------------- removal

  /**
   * Removes element {@code index} (checked by the caller, who has read it), closing the gap by
   * moving the shorter side, and compacts the array if the list is then at most a quarter full.
   */
  public void remove(int index, RemovalCause cause) {
    remove(index, cause, true);
  }

  private void remove(int index, RemovalCause cause, boolean mayShrink) {
    Object removed = (listener != null) ? boxed(slot(index)) : null;
    int vacated;
    if (index < size / 2) {
      for (int i = index; i > 0; i--) {
        move(slot(i - 1), slot(i));
      }
      vacated = head;
      head = (head + 1 == capacity) ? 0 : head + 1;
    } else {
      for (int i = index; i < size - 1; i++) {
        move(slot(i + 1), slot(i));
      }
      vacated = slot(size - 1);
    }
    if (objects != null) {
      objects[vacated] = null;
    }
    size--;
    modCount++;
    metrics.recordRemoval(cause);
    if (size == 0) {
      allocate(freshCapacity);
    } else if (mayShrink) {
      maybeShrink();
    }
    if (listener != null) {
      notifyListener(removed, cause);
    }
  }

  /** Removes every element; the list is then as small as a fresh one. */
  public void clear() {
    if (size == 0) {
      return;
    }
    for (int i = 0; i < size; i++) {
      metrics.recordRemoval(RemovalCause.EXPLICIT);
      if (listener != null) {
        notifyListener(boxed(slot(i)), RemovalCause.EXPLICIT);
      }
    }
    allocate(freshCapacity);
    modCount++;
  }

  /** Compacts the array if the list is at most a quarter full. */
  public void cleanUp() {
    maybeShrink();
  }

  private void notifyListener(Object element, RemovalCause cause) {
    try {
      listener.accept(element, cause);
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "removal listener of " + name + " threw", e);
    }
  }

  // ---------------------------------------------------------------- storage

  private void move(int from, int to) {
    switch (kind) {
      case OBJECT:
        objects[to] = objects[from];
        break;
      case LONG:
        longs[to] = longs[from];
        break;
      default:
        ints[to] = ints[from];
    }
  }

  private void allocate(int newCapacity) {
    capacity = newCapacity;
    head = 0;
    size = 0;
    objects = (kind == Kind.OBJECT) ? new Object[newCapacity] : null;
    longs = (kind == Kind.LONG) ? new long[newCapacity] : null;
    ints = (kind == Kind.INT) ? new int[newCapacity] : null;
  }

  private void maybeShrink() {
    if (capacity > minimumCapacity && size <= (capacity >>> 2)) {
      resize(Math.max(minimumCapacity, 2 * size));
    }
  }

  /** Copies the elements, in order, to the start of a new array of this capacity. */
  private void resize(int newCapacity) {
    int first = Math.min(size, capacity - head);
    switch (kind) {
      case OBJECT: {
        Object[] a = new Object[newCapacity];
        System.arraycopy(objects, head, a, 0, first);
        System.arraycopy(objects, 0, a, first, size - first);
        objects = a;
        break;
      }
      case LONG: {
        long[] a = new long[newCapacity];
        System.arraycopy(longs, head, a, 0, first);
        System.arraycopy(longs, 0, a, first, size - first);
        longs = a;
        break;
      }
      default: {
        int[] a = new int[newCapacity];
        System.arraycopy(ints, head, a, 0, first);
        System.arraycopy(ints, 0, a, first, size - first);
        ints = a;
      }
    }
    if (newCapacity < capacity) {
      metrics.recordCompaction();
    }
    capacity = newCapacity;
    head = 0;
  }

  // ---------------------------------------------------------------- state

  /** The element in a slot, boxed; for listeners and toString. */
  public Object boxed(int slot) {
    switch (kind) {
      case OBJECT: return objects[slot];
      case LONG: return longs[slot];
      default: return ints[slot];
    }
  }

  public String name() {
    return name;
  }

  /** The number of slots the array holds now; for tests of invariant I2. */
  public int capacity() {
    return capacity;
  }

  /** A snapshot of size, bound, peak and counters. */
  public CollectionMetrics metrics() {
    CollectionMetrics.Builder b = CollectionMetrics.builder()
        .size(size)
        .bound(maximumSize)
        .peakSize(peakSize);
    metrics.snapshot(b);
    return b.build();
  }

  /** The elements as {@code [a, b]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(boxed(slot(i)));
    }
    return sb.append(']').toString();
  }

  /** Checks internal consistency, throwing {@link AssertionError}; for tests. */
  public void validate() {
    check(size >= 0 && size <= maximumSize, "size " + size + " outside [0, " + maximumSize + "]");
    check(capacity <= maximumSize, "capacity " + capacity + " above the bound " + maximumSize);
    check(size <= capacity && (capacity == 0 || head < capacity), "head " + head + " size "
        + size + " capacity " + capacity);
    if (objects != null) {
      for (int i = size; i < capacity; i++) {
        check(objects[slot(i)] == null, "vacated slot " + slot(i) + " still holds an element");
      }
    }
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
