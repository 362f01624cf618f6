package dev.safecollections.internal.ring;

import dev.safecollections.BoundedList;
import dev.safecollections.BudgetMetrics;
import dev.safecollections.CapacityExceededException;
import dev.safecollections.CollectionMetrics;
import dev.safecollections.RemovalCause;
import dev.safecollections.Ticker;
import dev.safecollections.internal.Checks;
import dev.safecollections.internal.ObjectSizeEstimator;
import dev.safecollections.internal.Sweeper;
import dev.safecollections.internal.budget.Account;
import dev.safecollections.internal.budget.Attachable;
import dev.safecollections.internal.budget.BudgetMember;
import dev.safecollections.internal.budget.Ledger;
import dev.safecollections.internal.budget.Membership;
import java.lang.ref.WeakReference;
import java.util.AbstractList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/*
 * A bounded list whose elements expire ttl after they were added (reclaimed even while nobody
 * calls the list), or that is bounded by the estimated bytes of its elements, or both.
 *
 * Storage. Ring lists kept in step: the elements (with the user's count bound, policy, listener
 * and metrics), their deadlines (without expiry: all Long.MAX_VALUE), and, under maximumBytes,
 * their weights. Every insertion or removal is applied to all; this class drops element 0 itself
 * when either bound is reached, so the inner lists never drop on their own. set(i, e) replaces an
 * element in place, keeps its deadline and re-weighs it.
 *
 * Bytes. An element is weighed by the size estimator the maps use (plus a reference slot) when
 * it is added or set; the weight is kept until it leaves. An insertion that would pass the byte
 * bound drops elements from the head until it fits, or under REJECT throws first. An element
 * heavier than the whole bound is refused under REJECT and, under EVICT, dropped at once (told
 * to the listener as SIZE) while the others stay.
 *
 * Budgets. A member of a budget is bounded by bytes as above, its maximum share being the byte
 * bound, and charges every change of its total to its account (from the sweeper thread too,
 * for expired elements). Writes settle the budget after releasing the lock; when the budget
 * picks this list, it drops elements from the head. Only its own writes pick it: the list is
 * not thread-safe for callers, so it joins as a single-threaded member.
 *
 * Expiry. Elements appended at the end have non-decreasing deadlines, so the expired ones are a
 * prefix: a purge pops them from the head in amortized O(1). An insertion in the middle breaks
 * that order; the list then purges by a linear scan whenever its earliest deadline passes, until
 * the order is found intact again. Every call purges first, so no method returns an expired
 * element.
 *
 * Idle reclamation. The list is not thread-safe for its callers, but the shared sweeper thread
 * must reach it: every call and every sweep hold the list's lock (uncontended in the common case,
 * so it costs a compare-and-set). Whenever the list holds elements, one sweep is scheduled at its
 * earliest deadline (no sooner than MIN_SWEEP_MILLIS after the last); it purges and schedules the
 * next. The task reaches the list through a weak reference, so it never keeps it alive.
 *
 * Iteration. A purge from the head does not invalidate iterators: they hold absolute positions
 * (the number of elements ever purged from the head plus the index), so an expired element is
 * skipped rather than reported as a concurrent modification. Changes made by the caller outside
 * the iterator, and scans of an unordered list, fail fast as usual.
 */
/**
 * The expiring or byte-bounded {@link BoundedList}; see the comment at the top of the file. Not
 * part of the public API.
 *
 * @param <E> the element type
 */
public final class ManagedList<E> extends AbstractList<E>
    implements BoundedList<E>, RandomAccess, RingBacked, BudgetMember, Attachable {
  /** What an element costs the list itself besides its own bytes: its reference slot. */
  private static final long REFERENCE_BYTES = 8;
  /** The shortest pause between two sweeps of one list. */
  static final long MIN_SWEEP_MILLIS = 50;

  private final Object lock = new Object();
  private final RingList<E> elements;
  private final RingLongList deadlines;
  private final RingLongList weights;
  private final long maximumBytes;
  private final int maximumSize;
  private final boolean rejects;
  private final long ttl;
  private final Ticker ticker;
  private long totalBytes;
  /** The list's share of a budget, or null. */
  private final Account account;
  private final WeakReference<ManagedList<?>> self = new WeakReference<>(this);

  /** Elements purged from the head since the list was built: the origin of absolute positions. */
  private long purgedFromHead;
  /**
   * Changes made by the caller (and scans of an unordered list): what iterators fail fast on.
   * {@code modCount}, which sub-lists check, also counts purges from the head.
   */
  private int callerModCount;
  private boolean ordered = true;
  private long earliest = Long.MAX_VALUE;
  private ScheduledFuture<?> sweep;

  /**
   * A list with these settings; {@code ttlNanos} is {@link Long#MAX_VALUE} for no expiry and
   * {@code maximumBytes} is negative for no byte bound; {@code membership}, if not null, makes
   * the list a budget member bounded by its maximum share.
   */
  public ManagedList(RingSpec spec, long ttlNanos, Ticker ticker, long maximumBytes,
      Membership membership) {
    if (membership != null) {
      maximumBytes = membership.maximumBytes();
    }
    RingSpec inner = new RingSpec(null, spec.maximumSize(), false, null, false,
        spec.initialCapacity());
    this.elements = new RingList<>(spec);
    this.deadlines = new RingLongList(inner);
    this.weights = (maximumBytes < 0) ? null : new RingLongList(inner);
    this.maximumBytes = maximumBytes;
    this.maximumSize = spec.maximumSize();
    this.rejects = spec.rejects();
    this.ttl = ttlNanos;
    this.ticker = ticker;
    this.account = (membership == null) ? null
        : membership.join(this, elements.name(), false, rejects);
  }

  /** Adds to the total and charges the budget, if any. */
  private void addBytes(long bytes) {
    totalBytes += bytes;
    if (account != null) {
      account.charge(bytes);
    }
  }

  /**
   * Reserves room in the budget under REJECT, before anything changes.
   *
   * @throws CapacityExceededException if the budget has no room
   */
  private void reserve(long bytes) {
    if (account != null && rejects && bytes > 0 && !account.tryReserve(bytes)) {
      elements.rejected();
      throw new CapacityExceededException(account.fullMessage(bytes));
    }
  }

  /** Whether a charge of this size was already made by {@link #reserve}. */
  private boolean reserved(long bytes) {
    return account != null && rejects && bytes > 0;
  }

  /** Frees room in the budget after a write; outside the lock. */
  private void settle() {
    if (account != null) {
      account.settle();
    }
  }

  /**
   * Counts this list in an outer map's entry, unless it is a budget member itself: its ring of
   * elements does the counting, since every insertion and removal goes through it.
   */
  @Override
  public void attachTo(Ledger outer, Object key) {
    if (account == null) {
      elements.attachTo(outer, key);
    }
  }

  @Override
  public long detachFrom(Ledger outer, Object key) {
    return elements.detachFrom(outer, key);
  }

  @Override
  public long shellBytes() {
    return elements.shellBytes();
  }

  /** Drops elements from the head until {@code bytes} are freed; on the owning thread. */
  @Override
  public long evictForBudget(long bytes) {
    synchronized (lock) {
      long freed = 0;
      while (freed < bytes && elements.size() > 0) {
        freed += weights.getLong(0);
        dropFirst(RemovalCause.SIZE);
        account.recordEviction();
      }
      changed();
      return freed;
    }
  }

  // ---------------------------------------------------------------- expiry

  /** The deadline of an element added now; without expiry, never (and no clock is read). */
  private long deadline() {
    if (ttl == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    long now = ticker.read();
    long d = now + ttl;
    return (d < now) ? Long.MAX_VALUE : d;
  }

  /** Drops expired elements if the earliest deadline has passed; the caller holds the lock. */
  private void purgeIfDue() {
    int n = elements.size();
    if (n == 0 || earliest == Long.MAX_VALUE) {
      return;
    }
    long now = ticker.read();
    if (now - earliest < 0) {
      return;
    }
    if (ordered) {
      while (elements.size() > 0 && now - deadlines.getLong(0) >= 0) {
        dropFirst(RemovalCause.EXPIRED);
      }
      earliest = (elements.size() > 0) ? deadlines.getLong(0) : Long.MAX_VALUE;
      return;
    }
    long min = Long.MAX_VALUE;
    boolean stillOrdered = true;
    long previous = Long.MIN_VALUE;
    for (int i = n - 1; i >= 0; i--) {
      long d = deadlines.getLong(i);
      if (now - d >= 0) {
        removeEverywhere(i, RemovalCause.EXPIRED);
        callerModCount++;
      }
    }
    for (int i = 0; i < elements.size(); i++) {
      long d = deadlines.getLong(i);
      min = Math.min(min, d);
      stillOrdered &= (i == 0 || d - previous >= 0);
      previous = d;
    }
    ordered = stillOrdered;
    earliest = min;
  }

  /** Removes element 0 everywhere; it moves no position an iterator holds. */
  private void dropFirst(RemovalCause cause) {
    if (weights != null) {
      addBytes(-weights.pollFirst(cause));
    }
    deadlines.pollFirst(cause);
    elements.pollFirst(cause);
    purgedFromHead++;
    modCount++;
  }

  /** Removes element {@code index} everywhere and returns it. */
  private E removeEverywhere(int index, RemovalCause cause) {
    E old = elements.removeAt(index, cause);
    deadlines.removeAt(index, cause);
    if (weights != null) {
      addBytes(-weights.removeAt(index, cause));
    }
    modCount++;
    return old;
  }

  /** Schedules a sweep if the list holds elements and none is pending; the caller holds the lock. */
  private void scheduleSweep() {
    if (sweep != null || elements.size() == 0 || earliest == Long.MAX_VALUE) {
      return;
    }
    long delayNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(MIN_SWEEP_MILLIS),
        earliest - ticker.read());
    sweep = Sweeper.schedule(new SweepTask(self), delayNanos, TimeUnit.NANOSECONDS);
  }

  void sweep() {
    synchronized (lock) {
      sweep = null;
      compact();
      scheduleSweep();
    }
  }

  /** Purges, then compacts every ring list that is at most a quarter full; holds the lock. */
  private void compact() {
    purgeIfDue();
    elements.cleanUp();
    deadlines.cleanUp();
    if (weights != null) {
      weights.cleanUp();
    }
  }

  /** Sweeps a list it reaches only weakly. */
  private static final class SweepTask implements Runnable {
    private final WeakReference<ManagedList<?>> list;

    SweepTask(WeakReference<ManagedList<?>> list) {
      this.list = list;
    }

    @Override
    public void run() {
      ManagedList<?> l = list.get();
      if (l != null) {
        l.sweep();
      }
    }
  }

  /** A structural change by the caller. */
  private void changed() {
    modCount++;
    callerModCount++;
  }

  // ---------------------------------------------------------------- reads

  @Override
  public E get(int index) {
    synchronized (lock) {
      purgeIfDue();
      return elements.get(index);
    }
  }

  @Override
  public E getFirst() {
    synchronized (lock) {
      purgeIfDue();
      return elements.getFirst();
    }
  }

  @Override
  public E getLast() {
    synchronized (lock) {
      purgeIfDue();
      return elements.getLast();
    }
  }

  @Override
  public int size() {
    synchronized (lock) {
      purgeIfDue();
      return elements.size();
    }
  }

  // ---------------------------------------------------------------- writes

  @Override
  public E set(int index, E element) {
    try {
      return setElement(index, element);
    } finally {
      settle();
    }
  }

  private E setElement(int index, E element) {
    synchronized (lock) {
      purgeIfDue();
      Objects.checkIndex(index, elements.size());
      if (weights == null) {
        return elements.set(index, element);
      }
      long w = weigh(element);
      long delta = w - weights.getLong(index);
      if (totalBytes + delta > maximumBytes && rejects) {
        throw full(w);
      }
      reserve(delta);
      if (w > maximumBytes) {
        if (reserved(delta)) {
          account.charge(-delta);
        }
        // Cannot fit even alone: the old element leaves to make room, the new one at once.
        E old = removeEverywhere(index, RemovalCause.SIZE);
        elements.tooHeavy(element);
        changed();
        return old;
      }
      E old = elements.set(index, element);
      weights.set(index, w);
      if (reserved(delta)) {
        totalBytes += delta;
      } else {
        addBytes(delta);
      }
      // Drop the oldest others until it fits: never the element just set.
      while (totalBytes > maximumBytes && elements.size() > 1) {
        if (index == 0) {
          removeEverywhere(1, RemovalCause.SIZE);
        } else {
          dropFirst(RemovalCause.SIZE);
          index--;
        }
        changed();
      }
      return old;
    }
  }

  @Override
  public boolean add(E element) {
    synchronized (lock) {
      purgeIfDue();
      insert(elements.size(), element);
    }
    settle();
    return true;
  }

  @Override
  public void add(int index, E element) {
    synchronized (lock) {
      purgeIfDue();
      insert(index, element);
    }
    settle();
  }

  private void insert(int index, E element) {
    int size = elements.size();
    if (index < 0 || index > size) {
      throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + size);
    }
    long w = (weights == null) ? 0 : weigh(element);
    if (rejects && (size >= maximumSize || (weights != null && totalBytes + w > maximumBytes))) {
      throw full(w);
    }
    if (weights != null && w > maximumBytes) {
      elements.tooHeavy(element);          // dropped at once; the others stay
      return;
    }
    reserve(w);
    while (elements.size() >= maximumSize
        || (weights != null && totalBytes + w > maximumBytes)) {
      dropFirst(RemovalCause.SIZE);
      if (index > 0) {
        index--;
      }
    }
    boolean middle = index < elements.size();
    long deadline = deadline();
    elements.add(index, element);
    deadlines.add(index, deadline);
    if (weights != null) {
      weights.add(index, w);
      if (reserved(w)) {
        totalBytes += w;
      } else {
        addBytes(w);
      }
    }
    if (middle && elements.size() > 1) {
      ordered = false;
    }
    earliest = Math.min(earliest, deadline);
    changed();
    scheduleSweep();
  }

  private long weigh(E element) {
    long w = ObjectSizeEstimator.estimate(element) + REFERENCE_BYTES;
    return Math.max(0, w);
  }

  private CapacityExceededException full(long weight) {
    elements.rejected();
    return new CapacityExceededException((weights == null || elements.size() >= maximumSize)
        ? Checks.fullMessage(elements.name(), maximumSize)
        : Checks.fullMessage(elements.name(), maximumBytes, totalBytes, weight));
  }

  @Override
  public E remove(int index) {
    synchronized (lock) {
      purgeIfDue();
      E old = removeEverywhere(index, RemovalCause.EXPLICIT);
      callerModCount++;
      return old;
    }
  }

  @Override
  public E removeFirst() {
    synchronized (lock) {
      purgeIfDue();
      if (elements.size() == 0) {
        throw new NoSuchElementException(elements.name() + " is empty");
      }
      E first = removeEverywhere(0, RemovalCause.EXPLICIT);
      callerModCount++;
      return first;
    }
  }

  @Override
  public E removeLast() {
    synchronized (lock) {
      purgeIfDue();
      if (elements.size() == 0) {
        throw new NoSuchElementException(elements.name() + " is empty");
      }
      E last = removeEverywhere(elements.size() - 1, RemovalCause.EXPLICIT);
      callerModCount++;
      return last;
    }
  }

  @Override
  public void clear() {
    synchronized (lock) {
      purgeIfDue();
      elements.clear();
      deadlines.clear();
      if (weights != null) {
        weights.clear();
        addBytes(-totalBytes);
      }
      ordered = true;
      earliest = Long.MAX_VALUE;
      changed();
    }
  }

  @Override
  protected void removeRange(int fromIndex, int toIndex) {
    synchronized (lock) {
      for (int i = toIndex - 1; i >= fromIndex; i--) {
        remove(i);
      }
    }
  }

  // ---------------------------------------------------------------- state

  @Override
  public String name() {
    return elements.name();
  }

  @Override
  public CollectionMetrics metrics() {
    synchronized (lock) {
      return elements.metrics(maximumBytes, totalBytes,
          (account == null) ? null : (BudgetMetrics) account.budget().publicMetrics());
    }
  }

  @Override
  public void cleanUp() {
    synchronized (lock) {
      compact();
    }
  }

  @Override
  public int capacity() {
    synchronized (lock) {
      return elements.capacity();
    }
  }

  @Override
  public void validate() {
    synchronized (lock) {
      elements.validate();
      deadlines.validate();
      if (elements.size() != deadlines.size()) {
        throw new AssertionError(elements.size() + " elements but " + deadlines.size()
            + " deadlines");
      }
      if (weights != null) {
        long sum = 0;
        for (int i = 0; i < weights.size(); i++) {
          sum += weights.getLong(i);
        }
        if (sum != totalBytes || totalBytes > maximumBytes || weights.size() != elements.size()) {
          throw new AssertionError("weights " + sum + " vs total " + totalBytes + " of "
              + maximumBytes);
        }
      }
      for (int i = 1; ordered && i < deadlines.size(); i++) {
        if (deadlines.getLong(i) - deadlines.getLong(i - 1) < 0) {
          throw new AssertionError("deadlines out of order at " + i + " in an ordered list");
        }
      }
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      purgeIfDue();
      return elements.toString();
    }
  }

  // ---------------------------------------------------------------- iteration

  @Override
  public Iterator<E> iterator() {
    return new Iter(0);
  }

  @Override
  public ListIterator<E> listIterator(int index) {
    synchronized (lock) {
      purgeIfDue();
      if (index < 0 || index > elements.size()) {
        throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + elements.size());
      }
      return new Iter(index);
    }
  }

  /**
   * A fail-fast list iterator over absolute positions, so that purges from the head skip the
   * purged elements instead of failing.
   */
  private final class Iter implements ListIterator<E> {
    private long cursor;
    private long lastReturned = -1;
    private int expectedModCount;

    Iter(int index) {
      synchronized (lock) {
        purgeIfDue();
        this.cursor = purgedFromHead + index;
        this.expectedModCount = callerModCount;
      }
    }

    /** The current index of an absolute position; 0 if that element was purged. */
    private int index(long position) {
      return (int) Math.max(0, position - purgedFromHead);
    }

    /**
     * Purges from the head of an ordered list, which moves no position the iterator holds. An
     * unordered list is left alone (its purge is a scan that would fail the iterator), and the
     * iterator steps over its expired elements instead.
     */
    private void purgeHead() {
      if (ordered) {
        purgeIfDue();
      }
    }

    /** The first index from {@code i} on whose element has not expired. */
    private int live(int i) {
      if (!ordered) {
        long now = ticker.read();
        while (i < elements.size() && now - deadlines.getLong(i) >= 0) {
          i++;
        }
      }
      return i;
    }

    /** The last index from {@code i} down whose element has not expired, or -1. */
    private int liveBefore(int i) {
      if (!ordered) {
        long now = ticker.read();
        while (i >= 0 && now - deadlines.getLong(i) >= 0) {
          i--;
        }
      }
      return i;
    }

    @Override
    public boolean hasNext() {
      synchronized (lock) {
        purgeHead();
        return live(index(cursor)) < elements.size();
      }
    }

    @Override
    public boolean hasPrevious() {
      synchronized (lock) {
        purgeHead();
        return liveBefore(index(cursor) - 1) >= 0;
      }
    }

    @Override
    public int nextIndex() {
      synchronized (lock) {
        purgeHead();
        return index(cursor);
      }
    }

    @Override
    public int previousIndex() {
      return nextIndex() - 1;
    }

    @Override
    public E next() {
      synchronized (lock) {
        checkForComodification();
        purgeHead();
        int i = live(index(cursor));
        if (i >= elements.size()) {
          throw new NoSuchElementException();
        }
        lastReturned = purgedFromHead + i;
        cursor = lastReturned + 1;
        return elements.get(i);
      }
    }

    @Override
    public E previous() {
      synchronized (lock) {
        checkForComodification();
        purgeHead();
        int i = liveBefore(index(cursor) - 1);
        if (i < 0) {
          throw new NoSuchElementException();
        }
        lastReturned = purgedFromHead + i;
        cursor = lastReturned;
        return elements.get(i);
      }
    }

    @Override
    public void remove() {
      synchronized (lock) {
        int i = lastIndex();
        if (i >= 0) {                        // else it expired and is gone already
          removeEverywhere(i, RemovalCause.EXPLICIT);
          callerModCount++;
          if (lastReturned < cursor) {
            cursor--;
          }
        }
        lastReturned = -1;
        expectedModCount = callerModCount;
      }
    }

    @Override
    public void set(E element) {
      synchronized (lock) {
        int i = lastIndex();
        if (i < 0) {
          throw new IllegalStateException("the element expired");
        }
        ManagedList.this.set(i, element);
      }
    }

    @Override
    public void add(E element) {
      synchronized (lock) {
        checkForComodification();
        purgeHead();
        int i = index(cursor);
        int before = elements.size();
        insert(i, element);
        // A full list dropped element 0 first, so the new element sits just before the cursor.
        cursor = purgedFromHead + i + ((elements.size() > before || i == 0) ? 1 : 0);
        lastReturned = -1;
        expectedModCount = callerModCount;
      }
      settle(); // drops from the head only, which moves no position this iterator holds
    }

    /** The current index of the last element returned, or -1 if it expired since. */
    private int lastIndex() {
      if (lastReturned < 0) {
        throw new IllegalStateException("next() or previous() was not called, or remove() or "
            + "add() was called after it");
      }
      checkForComodification();
      purgeHead();
      long i = lastReturned - purgedFromHead;
      return (i < 0) ? -1 : (int) i;
    }

    private void checkForComodification() {
      if (callerModCount != expectedModCount) {
        throw new ConcurrentModificationException();
      }
    }
  }
}
