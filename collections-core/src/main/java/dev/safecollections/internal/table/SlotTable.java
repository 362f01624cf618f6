package dev.safecollections.internal.table;

import dev.safecollections.CapacityExceededException;
import dev.safecollections.CollectionMetrics;
import dev.safecollections.EvictionOrder;
import dev.safecollections.RemovalCause;
import dev.safecollections.RemovalListener;
import dev.safecollections.Ticker;
import dev.safecollections.Weigher;
import dev.safecollections.internal.Checks;
import dev.safecollections.internal.Footprint;
import dev.safecollections.internal.MapSpec;
import dev.safecollections.internal.MetricsRecorder;
import dev.safecollections.internal.ObjectSizeEstimator;
import dev.safecollections.internal.Resizes;
import dev.safecollections.internal.budget.Account;
import dev.safecollections.internal.budget.Attachment;
import dev.safecollections.internal.budget.BudgetMember;
import dev.safecollections.internal.budget.Ledger;
import dev.safecollections.internal.budget.LedgerSlot;
import dev.safecollections.internal.budget.Nesting;
import dev.safecollections.BudgetMetrics;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.NoSuchElementException;

/*
 * The one hash table behind every single-threaded map and set: keys and values of any of three
 * kinds (long, int, reference; sets have no values), bounded, ordered for LRU or FIFO eviction,
 * optionally expiring. The typed shells (TableLong2LongMap and kin) are adapters over it; all
 * logic lives here, so the six primitive maps are not six copies of a table.
 *
 * Storage. Entries live in parallel arrays indexed by slot: the key array of their kind, the
 * value array of their kind, `chain` (next slot in the same bucket) and the order links (`prev`
 * and `next` in Links). `buckets` holds, per bucket, the first slot of its chain plus one (zero
 * is empty). The bucket count equals the slot capacity and need not be a power of two: a hash is
 * mapped to a bucket by multiply-and-shift (Lemire's reduction), so a table sized to its bound
 * pays for exactly its bound. A long-to-long table costs 32 bytes per slot: key 8, value 8,
 * chain 4, bucket 4, order links 8. Freed slots form a free list through `chain`, so a removal
 * moves nothing; an insertion reuses the most recently freed slot.
 *
 * Capacity follows content (invariant I2). It grows by doubling up to the maximum size, never
 * beyond. After a removal that leaves the table at most a quarter full it is compacted to twice
 * its size (never below its minimum capacity): live entries are copied in eviction order into
 * fresh arrays, so the capacity is at most four times the size once removals settle. An emptied
 * table, or a cleared one, drops its arrays and is as small as a fresh one.
 *
 * Eviction. The order list runs from eldest (head) to youngest (tail). LRU moves an entry to the
 * tail on every read and write of it; FIFO only appends. An insertion into a full table evicts
 * the head, or, under REJECT, throws before changing anything.
 *
 * Expiry. With a ttl, each slot has a deadline and sits in an expiry list ordered by deadline.
 * Because the ttl is fixed, appending on every refresh keeps that list sorted, so expired entries
 * are always at its head: every insertion and every size() first drops the expired entries from
 * the head (amortized O(1)), and a lookup that meets an expired entry drops it. When eviction and
 * expiry orders coincide (LRU with expire-after-access), one list serves both. Nothing runs
 * while the table is idle: a table that is not thread-safe cannot be touched by a sweeper thread,
 * so expired entries wait for the next call, never beyond the bound.
 *
 * Bytes. An object map may be bounded by weight instead of, or besides, count: each slot then
 * keeps its weight (an int array) and the table their total. A write weighs first, so a failing
 * weigher changes nothing; it then evicts eldest entries other than the one written until the
 * total fits, or under REJECT throws before changing anything. An entry heavier than the whole
 * bound is counted in and evicted at once.
 *
 * Budgets. A member of a budget weighs its entries the same way, its byte bound being its
 * maximum share, and charges every change of its total to its account; the map's write methods
 * settle the budget after the write, when no slot number is held any more, which may evict
 * this table's eldest entries (never another thread's: single-threaded members are only ever
 * touched by their own writes). A table stored as the value of a map in a budget is attached:
 * from then on it weighs its entries (weighing those it holds once, at the attach) and charges
 * the changes to the outer entry. Values that are safe collections are weighed as their shell
 * and attached to their entry in turn; removal, replacement and eviction detach them.
 *
 * Hash flooding. A chain that reaches FLOOD_LIMIT slots takes no more: further keys of that
 * bucket go to a fallback java.util.HashMap from key to slot, which trees colliding Comparable
 * keys. Keys that collide on purpose then cost a bounded chain walk plus a tree lookup instead
 * of a walk over all of them. The fallback holds boxed keys and exists only while it has any.
 *
 * Not thread-safe; not part of the public API.
 */
/**
 * The hash table behind the single-threaded maps and sets; see the comment at the top of the
 * file. Not thread-safe. Not part of the public API.
 */
public final class SlotTable implements BudgetMember {
  static final int NONE = Links.NONE;
  /** The value of {@code chain[slot]} for a slot that lives in the flooding fallback. */
  private static final int FLOODED = -2;
  /** A chain never grows beyond this; see the class comment. */
  static final int FLOOD_LIMIT = 16;
  /** The smallest capacity the table shrinks to while it holds entries. */
  private static final int MIN_CAPACITY = 16;
  private static final int[] NO_INTS = {};
  private static final System.Logger LOGGER = System.getLogger(SlotTable.class.getName());
  /** An empty object map's retained bytes (JOL, 64-bit JVM, compressed references). */
  public static final long SHELL_BYTES = 550;

  /** What a key or value array holds. */
  public enum Kind { LONG, INT, OBJECT, NONE }

  private final Kind keyKind;
  private final Kind valueKind;
  private final String name;
  private final int maximumSize;
  /**
   * The byte bound: maximum bytes, or a budget member's maximum share, else {@link
   * Long#MAX_VALUE}; it applies while {@link #weights} exist.
   */
  private final long maximumBytes;
  /** Whether the table reports bytes in its metrics: bounded by bytes or a budget member. */
  private final boolean reportsBytes;
  /** Whether values that are safe collections are weighed as shells and attached. */
  private final boolean nests;
  private final Account account;
  private final LedgerSlot ledger;
  /** Whether the table keeps weights: bounded by bytes, in a budget, or attached. */
  private boolean weighs;
  /** What a slot of a table with primitive values costs, besides an object key's own bytes. */
  private final int slotBytes;
  private final Weigher<Object, Object> weigher;
  private final int minimumCapacity;
  private final int freshCapacity;
  private final boolean accessOrder;
  private final boolean rejects;
  /** The ttl set, after write or after access, or {@link MapSpec#UNSET}. */
  private final long ttl;
  private final boolean expiresAfterAccess;
  private final Ticker ticker;
  private final RemovalListener<Object, Object> listener;
  private final boolean countsRemovals;
  final MetricsRecorder metrics;

  long[] longKeys;
  int[] intKeys;
  Object[] objectKeys;
  /** The mixed hashes of reference keys, so that a chain walk calls equals only on a match. */
  private int[] hashes;
  long[] longValues;
  int[] intValues;
  Object[] objectValues;
  private int[] buckets = NO_INTS;
  private int[] chain = NO_INTS;
  private final Links order = new Links();
  private final Links expiry;
  private long[] deadlines;
  /** The weight of each slot under a byte bound, else null. */
  private int[] weights;
  private long totalBytes;
  private HashMap<Object, Integer> flooded;

  private int size;
  private int used;
  private int freeHead = NONE;
  private int capacity;
  private int peakSize;
  int modCount;

  @SuppressWarnings("unchecked")
  public SlotTable(Kind keyKind, Kind valueKind, MapSpec<?, ?> spec, EvictionOrder evictionOrder,
      String defaultNamePrefix) {
    this.keyKind = keyKind;
    this.valueKind = valueKind;
    this.name = (spec.name() != null) ? spec.name()
        : defaultNamePrefix + "@" + Integer.toHexString(System.identityHashCode(this));
    this.maximumSize = (int) (spec.boundedBySize() ? spec.maximumSize() : Checks.MAX_ARRAY_SIZE);
    this.maximumBytes = spec.boundedByBytes() ? spec.maximumBytes()
        : spec.budgeted() ? spec.membership().maximumBytes() : Long.MAX_VALUE;
    this.reportsBytes = spec.boundedByBytes() || spec.budgeted();
    this.weighs = reportsBytes;
    this.nests = !spec.boundedByBytes();
    this.weigher = (Weigher<Object, Object>) ((spec.weigher() != null) ? spec.weigher()
        : Weigher.estimatingRetainedBytes());
    this.slotBytes = slotBytes(keyKind, valueKind, spec.expires());
    this.account = spec.budgeted()
        ? spec.membership().join(this, this.name, false, spec.rejects()) : null;
    this.ledger = new LedgerSlot(account);
    this.freshCapacity = Math.max(0, spec.initialCapacity());
    this.minimumCapacity = Math.min(maximumSize, Math.max(MIN_CAPACITY, freshCapacity));
    this.accessOrder = (evictionOrder == EvictionOrder.LRU);
    this.rejects = spec.rejects();
    this.expiresAfterAccess = spec.expireAfterAccessNanos() != MapSpec.UNSET;
    this.ttl = expiresAfterAccess ? spec.expireAfterAccessNanos() : spec.expireAfterWriteNanos();
    this.ticker = (spec.ticker() != null) ? spec.ticker() : Ticker.systemTicker();
    this.listener = (RemovalListener<Object, Object>) spec.removalListener();
    this.metrics = MetricsRecorder.createSingleThreaded(spec.recordMetrics());
    this.countsRemovals = spec.recordMetrics() || listener != null;
    boolean expires = spec.expires();
    this.expiry = !expires ? null
        : (accessOrder && expiresAfterAccess) ? order : new Links();
    allocate(freshCapacity);
  }

  // ---------------------------------------------------------------- hashing

  static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  static int hash(int key) {
    int h = key * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  static int hash(Object key) {
    return hash(key.hashCode());
  }

  private int bucket(int hash) {
    return (int) (((hash & 0xFFFFFFFFL) * buckets.length) >>> 32);
  }

  private int hashAt(int slot) {
    switch (keyKind) {
      case LONG: return hash(longKeys[slot]);
      case INT: return hash(intKeys[slot]);
      default: return hashes[slot];
    }
  }

  // ---------------------------------------------------------------- lookups

  /** The live slot of the key, or {@link #NONE}; drops the entry if it expired. No access. */
  public int findLong(long key) {
    if (size == 0) {
      return NONE;
    }
    int s = buckets[bucket(hash(key))] - 1;
    while (s >= 0 && longKeys[s] != key) {
      s = chain[s];
    }
    if (s < 0 && flooded != null) {
      s = floodedSlot(key);
    }
    return (s < 0) ? NONE : unlessExpired(s);
  }

  /** As {@link #findLong}, for int keys. */
  public int findInt(int key) {
    if (size == 0) {
      return NONE;
    }
    int s = buckets[bucket(hash(key))] - 1;
    while (s >= 0 && intKeys[s] != key) {
      s = chain[s];
    }
    if (s < 0 && flooded != null) {
      s = floodedSlot(key);
    }
    return (s < 0) ? NONE : unlessExpired(s);
  }

  /** As {@link #findLong}, for reference keys, compared by {@code equals}; null finds nothing. */
  public int findObject(Object key) {
    if (size == 0 || key == null) {
      return NONE;
    }
    int h = hash(key);
    int s = buckets[bucket(h)] - 1;
    while (s >= 0) {
      Object k = objectKeys[s];
      if (k == key || (hashes[s] == h && key.equals(k))) {
        break;
      }
      s = chain[s];
    }
    if (s < 0 && flooded != null) {
      s = floodedSlot(key);
    }
    return (s < 0) ? NONE : unlessExpired(s);
  }

  private int floodedSlot(Object boxedKey) {
    Integer slot = flooded.get(boxedKey);
    return (slot == null) ? NONE : slot;
  }

  private int unlessExpired(int slot) {
    if (deadlines != null && ticker.read() - deadlines[slot] >= 0) {
      removeAt(slot, RemovalCause.EXPIRED);
      return NONE;
    }
    return slot;
  }

  /** A read of the key ({@code get}): finds it, refreshes it and counts a hit or a miss. */
  public int getLong(long key) {
    return accessed(findLong(key));
  }

  /** As {@link #getLong}, for int keys. */
  public int getInt(int key) {
    return accessed(findInt(key));
  }

  /** As {@link #getLong}, for reference keys. */
  public int getObject(Object key) {
    return accessed(findObject(key));
  }

  /** Counts a lookup that does not refresh, such as a set's {@code contains}; returns the slot. */
  public int counted(int slot) {
    if (slot < 0) {
      metrics.recordMiss();
    } else {
      metrics.recordHit();
    }
    return slot;
  }

  private int accessed(int slot) {
    if (slot < 0) {
      metrics.recordMiss();
      return NONE;
    }
    metrics.recordHit();
    touched(slot);
    return slot;
  }

  /** Refreshes a present entry's recency and its expire-after-access time. */
  private void touched(int slot) {
    if (accessOrder && order.moveToLast(slot)) {
      modCount++;
    }
    if (expiresAfterAccess) {
      refreshDeadline(slot);
    }
  }

  private void refreshDeadline(int slot) {
    deadlines[slot] = ticker.read() + ttl;
    if (expiry != order) {
      expiry.moveToLast(slot);
    }
  }

  // ---------------------------------------------------------------- writes

  /**
   * Adds an absent key (the caller has just looked it up) and returns its slot, whose value the
   * caller then stores. Makes room first: drops expired entries, then evicts the eldest entry
   * or, under REJECT, throws with the table unchanged.
   *
   * @throws CapacityExceededException if the table is full and rejects insertions
   */
  public int insertLong(long key) {
    makeRoom();
    reserveSlot(null);
    int s = allocateSlot();
    longKeys[s] = key;
    link(s, hash(key));
    return s;
  }

  /** As {@link #insertLong}, for int keys. */
  public int insertInt(int key) {
    makeRoom();
    reserveSlot(null);
    int s = allocateSlot();
    intKeys[s] = key;
    link(s, hash(key));
    return s;
  }

  /** As {@link #insertLong}, for reference keys. */
  public int insertObject(Object key) {
    makeRoom();
    reserveSlot(key);
    return linkObject(key);
  }

  /**
   * Adds an absent key with its value to a map of reference values and returns its slot, or
   * {@link #NONE} if a byte-bounded map evicted the entry at once (see {@link #insertWeighed}).
   *
   * @throws CapacityExceededException if the table is full and rejects insertions
   */
  public int insertObject(Object key, Object value) {
    if (weights != null) {
      return insertWeighed(key, value);
    }
    int s = insertObject(key);
    objectValues[s] = value; // after the insert: it may grow the array
    return s;
  }

  private int linkObject(Object key) {
    int s = allocateSlot();
    objectKeys[s] = key;
    int h = hash(key);
    hashes[s] = h;
    link(s, h);
    return s;
  }

  /**
   * Replaces the value of a live slot and returns the old one. With {@code put} true this is a
   * {@code put} on a present key, which refreshes the entry's recency; otherwise it is an
   * entry's {@code setValue}, which leaves the order alone so that iteration may go on.
   */
  public long replaceLong(int slot, long value, boolean put) {
    long old = longValues[slot];
    longValues[slot] = value;
    replaced(slot, (listener == null) ? null : old, put);
    return old;
  }

  /** As {@link #replaceLong}, for int values. */
  public int replaceInt(int slot, int value, boolean put) {
    int old = intValues[slot];
    intValues[slot] = value;
    replaced(slot, (listener == null) ? null : old, put);
    return old;
  }

  /** As {@link #replaceLong}, for reference values; re-weighs under a byte bound. */
  public Object replaceObject(int slot, Object value, boolean put) {
    return (weights != null) ? replaceWeighed(slot, value, put) : swapObject(slot, value, put);
  }

  private Object swapObject(int slot, Object value, boolean put) {
    Object old = objectValues[slot];
    objectValues[slot] = value;
    if (old != value) {
      Ledger l = ledger.get();
      if (l != null) {
        detach(old, l, boxedKey(slot));
      }
    }
    replaced(slot, old, put);
    return old;
  }

  /**
   * A write of a present key that does not change its value, such as a set's {@code add}:
   * refreshes recency and expire-after-access time, not expire-after-write time; counts nothing.
   */
  public void written(int slot) {
    touched(slot);
  }

  private void replaced(int slot, Object oldValue, boolean put) {
    if (put && accessOrder && order.moveToLast(slot)) {
      modCount++;
    }
    if (expiry != null && (put || expiry != order)) {
      refreshDeadline(slot);
    }
    metrics.recordRemoval(RemovalCause.REPLACED);
    if (listener != null) {
      notifyListener(boxedKey(slot), oldValue, RemovalCause.REPLACED);
    }
  }

  // ---------------------------------------------------------------- byte bound (object maps)

  /**
   * Adds an absent key with its value under a byte bound and returns its slot, or {@link #NONE}
   * if the entry alone outweighs the bound (it is then counted in and evicted at once, SIZE).
   * Weighs first, so a failing weigher changes nothing; then drops expired entries and evicts
   * eldest entries until the new one fits, or under REJECT throws with the table unchanged.
   *
   * @throws CapacityExceededException if the table rejects insertions and is full
   */
  private int insertWeighed(Object key, Object value) {
    int w = weigh(key, value);
    if (expiry != null) {
      expireFromHead();
    }
    boolean full = size >= maximumSize || totalBytes + w > maximumBytes;
    if (full && rejects) {
      metrics.recordRejection();
      throw new CapacityExceededException((size >= maximumSize)
          ? Checks.fullMessage(name, maximumSize)
          : Checks.fullMessage(name, maximumBytes, totalBytes, w));
    }
    if (w > maximumBytes) {
      metrics.recordInsertion();
      metrics.recordRemoval(RemovalCause.SIZE);
      if (listener != null) {
        notifyListener(key, value, RemovalCause.SIZE);
      }
      return NONE;
    }
    while (size >= maximumSize || totalBytes + w > maximumBytes) {
      unlinkAt(order.head, RemovalCause.SIZE);
    }
    if (rejects && account != null && !account.tryReserve(w)) {
      metrics.recordRejection();
      throw new CapacityExceededException(account.fullMessage(w));
    }
    int s = linkObject(key);
    objectValues[s] = value;
    weights[s] = w;
    totalBytes += w;
    Ledger l = ledger.get();
    if (l != null) {
      if (!(rejects && l == account)) {
        l.charge(w);
      }
      attach(value, l, key);
    }
    return s;
  }

  /**
   * The bytes one slot costs in every array of a table of these kinds: key, value, chain,
   * bucket, order links, deadline and weight.
   */
  private static int slotBytes(Kind keys, Kind values, boolean expires) {
    int key = (keys == Kind.LONG) ? 8 : (keys == Kind.INT) ? 4 : 8; // a reference and its hash
    int value = (values == Kind.LONG) ? 8 : (values == Kind.NONE) ? 0 : 4;
    return key + value + 4 + 4 + 8 + (expires ? 8 : 0) + 4;
  }

  /** The weight of a live slot of a table whose values are not references. */
  private int slotWeight(int slot) {
    long w = slotBytes + ((keyKind == Kind.OBJECT)
        ? ObjectSizeEstimator.estimate(objectKeys[slot]) : 0);
    return (int) Math.min(w, Integer.MAX_VALUE);
  }

  /** Under REJECT in a budget: reserves what an entry with primitive values will be charged. */
  private void reserveSlot(Object key) {
    if (rejects && account != null && valueKind != Kind.OBJECT) {
      long w = slotBytes + ((key != null) ? ObjectSizeEstimator.estimate(key) : 0);
      if (!account.tryReserve(w)) {
        metrics.recordRejection();
        throw new CapacityExceededException(account.fullMessage(w));
      }
    }
  }

  /**
   * Adds an absent long key with a reference value (a long-to-object map), weighed first when
   * the table weighs, so a failing weigher changes nothing.
   */
  public void insertLong(long key, Object value) {
    insertKeyed(key, value, true);
  }

  /** As {@link #insertLong(long, Object)}, for int keys. */
  public void insertInt(int key, Object value) {
    insertKeyed(key, value, false);
  }

  private void insertKeyed(long key, Object value, boolean longKey) {
    Object boxed = null;
    int w = 0;
    Ledger l = weighs ? ledger.get() : null;
    if (weighs) {
      boxed = longKey ? (Object) key : (Object) (int) key;
      w = weigh(boxed, value);
    }
    boolean reserved = l != null && rejects && l == account;
    if (reserved && !account.tryReserve(w)) {
      metrics.recordRejection();
      throw new CapacityExceededException(account.fullMessage(w));
    }
    int s;
    try {
      s = longKey ? insertLong(key) : insertInt((int) key);
    } catch (RuntimeException | Error e) {
      if (reserved) {
        account.charge(-w);
      }
      throw e;
    }
    objectValues[s] = value; // after the insert: it may grow the array
    if (weighs) {
      weights[s] = w;
      totalBytes += w;
      if (l != null) {
        if (!reserved) {
          l.charge(w);
        }
        attach(value, l, boxed);
      }
    }
  }


  private void attach(Object value, Ledger l, Object key) {
    if (nests) {
      Nesting.attach(value, l, key);
    }
  }

  private void detach(Object value, Ledger l, Object key) {
    if (nests && l != null) {
      Nesting.detach(value, l, key);
    }
  }

  /**
   * Replaces the value of a live slot under a byte bound ({@code put} when {@code put} is true,
   * else an entry's {@code setValue}), re-weighing it, and evicts other entries, eldest first,
   * until the table fits; an entry that alone outweighs the bound is evicted too.
   *
   * @throws CapacityExceededException if the table rejects insertions and the new weight does
   *     not fit; the table is then unchanged
   */
  private Object replaceWeighed(int slot, Object value, boolean put) {
    int w = weigh(boxedKey(slot), value);
    long delta = (long) w - weights[slot];
    if (rejects && totalBytes + delta > maximumBytes) {
      metrics.recordRejection();
      throw new CapacityExceededException(
          Checks.fullMessage(name, maximumBytes, totalBytes, delta));
    }
    Ledger l = ledger.get();
    if (l != null && delta > 0 && rejects && l == account && !account.tryReserve(delta)) {
      metrics.recordRejection();
      throw new CapacityExceededException(account.fullMessage(delta));
    }
    Object old = swapObject(slot, value, put);
    weights[slot] = w;
    totalBytes += delta;
    if (l != null) {
      if (!(rejects && l == account && delta > 0)) {
        l.charge(delta);
      }
      attach(value, l, boxedKey(slot));
    }
    if (w > maximumBytes) {
      removeAt(slot, RemovalCause.SIZE);   // reordering moves links, never the slot
      return old;
    }
    while (totalBytes > maximumBytes) {
      int eldest = order.head;
      unlinkAt(eldest != slot ? eldest : order.next[eldest], RemovalCause.SIZE);
    }
    return old;
  }

  private int weigh(Object key, Object value) {
    long w = nests ? Nesting.weight(weigher, key, value) : weigher.weigh(key, value);
    if (w < 0) {
      throw new IllegalArgumentException("weight must not be negative: " + w);
    }
    return (int) Math.min(w, Integer.MAX_VALUE);
  }

  private void makeRoom() {
    if (expiry != null) {
      expireFromHead();
    }
    if (size >= maximumSize) {
      if (rejects) {
        metrics.recordRejection();
        throw new CapacityExceededException(Checks.fullMessage(name, maximumSize));
      }
      unlinkAt(order.head, RemovalCause.SIZE);
    }
  }

  private int allocateSlot() {
    if (freeHead != NONE) {
      int s = freeHead;
      freeHead = chain[s];
      return s;
    }
    if (used == capacity) {
      grow();
    }
    return used++;
  }

  private void link(int slot, int hash) {
    linkChain(slot, hash);
    order.linkLast(slot);
    if (expiry != null) {
      deadlines[slot] = ticker.read() + ttl;
      if (expiry != order) {
        expiry.linkLast(slot);
      }
    }
    size++;
    modCount++;
    if (size > peakSize) {
      peakSize = size;
    }
    metrics.recordInsertion();
    if (weighs && valueKind != Kind.OBJECT) {
      int w = slotWeight(slot);
      weights[slot] = w;
      totalBytes += w;
      Ledger l = ledger.get();
      if (l != null && !(rejects && l == account)) {
        l.charge(w);
      }
    }
  }

  private void linkChain(int slot, int hash) {
    int b = bucket(hash);
    int first = buckets[b] - 1;
    int length = 0;
    for (int s = first; s >= 0 && length < FLOOD_LIMIT; s = chain[s]) {
      length++;
    }
    if (length < FLOOD_LIMIT) {
      chain[slot] = first;
      buckets[b] = slot + 1;
    } else {
      chain[slot] = FLOODED;
      if (flooded == null) {
        flooded = new HashMap<>();
      }
      flooded.put(boxedKey(slot), slot);
    }
  }

  private void unlinkChain(int slot) {
    if (chain[slot] == FLOODED) {
      flooded.remove(boxedKey(slot));
      if (flooded.isEmpty()) {
        flooded = null;
      }
      return;
    }
    int b = bucket(hashAt(slot));
    int s = buckets[b] - 1;
    if (s == slot) {
      buckets[b] = chain[slot] + 1;
      return;
    }
    while (chain[s] != slot) {
      s = chain[s];
    }
    chain[s] = chain[slot];
  }

  // ---------------------------------------------------------------- removal

  /**
   * Removes the entry in a live slot, tells the listener, and compacts the table if the
   * removal left it at most a quarter full.
   */
  public void removeAt(int slot, RemovalCause cause) {
    unlinkAt(slot, cause);
    maybeShrink();
  }

  /** Removes the entry in a live slot without moving any other slot; see {@link Cursor}. */
  private void unlinkAt(int slot, RemovalCause cause) {
    Object key = null;
    Object value = null;
    if (listener != null) {
      key = boxedKey(slot);
      value = boxedValue(slot);
    }
    unlinkChain(slot);
    order.unlink(slot);
    if (expiry != null && expiry != order) {
      expiry.unlink(slot);
    }
    if (weights != null) {
      totalBytes -= weights[slot];
      Ledger l = ledger.get();
      if (l != null) {
        l.charge(-weights[slot]);
        if (objectValues != null) {
          detach(objectValues[slot], l, boxedKey(slot));
        }
      }
    }
    if (objectKeys != null) {
      objectKeys[slot] = null;
    }
    if (objectValues != null) {
      objectValues[slot] = null;
    }
    chain[slot] = freeHead;
    freeHead = slot;
    size--;
    modCount++;
    metrics.recordRemoval(cause);
    if (size == 0) {
      reallocate(freshCapacity);
    }
    if (listener != null) {
      notifyListener(key, value, cause);
    }
  }

  private void notifyListener(Object key, Object value, RemovalCause cause) {
    try {
      listener.onRemoval(key, value, cause);
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "removal listener of " + name + " threw", e);
    }
  }

  private void expireFromHead() {
    long now = ticker.read();
    while (expiry.head != NONE && now - deadlines[expiry.head] >= 0) {
      unlinkAt(expiry.head, RemovalCause.EXPIRED);
    }
  }

  /** Removes every entry; the table is then as small as a fresh one. */
  public void clear() {
    if (size == 0) {
      return;
    }
    if (expiry != null) {
      expireFromHead();
    }
    Ledger l = (weights != null) ? ledger.get() : null;
    if (countsRemovals || l != null) {
      for (int s = order.head; s != NONE; s = order.next[s]) {
        metrics.recordRemoval(RemovalCause.EXPLICIT);
        if (l != null && objectValues != null) {
          detach(objectValues[s], l, boxedKey(s));
        }
        if (listener != null) {
          notifyListener(boxedKey(s), boxedValue(s), RemovalCause.EXPLICIT);
        }
      }
    }
    if (l != null) {
      l.charge(-totalBytes);
    }
    reallocate(freshCapacity);
    size = 0;
    modCount++;
  }

  /** Drops expired entries and compacts the table if it is at most a quarter full. */
  public void cleanUp() {
    if (expiry != null) {
      expireFromHead();
    }
    maybeShrink();
  }

  // ---------------------------------------------------------------- storage

  /** Replaces all storage with empty arrays of this capacity, counting it as a resize. */
  private void reallocate(int newCapacity) {
    int old = capacity;
    allocate(newCapacity);
    Resizes.resized(metrics, name, old, newCapacity);
  }

  /** Replaces all storage with empty arrays of this capacity. */
  private void allocate(int newCapacity) {
    capacity = newCapacity;
    used = 0;
    freeHead = NONE;
    flooded = null;
    buckets = new int[newCapacity];
    chain = new int[newCapacity];
    order.reset(newCapacity);
    if (expiry != null && expiry != order) {
      expiry.reset(newCapacity);
    }
    deadlines = (expiry == null) ? null : new long[newCapacity];
    weights = weighs ? new int[newCapacity] : null;
    totalBytes = 0;
    longKeys = (keyKind == Kind.LONG) ? new long[newCapacity] : null;
    intKeys = (keyKind == Kind.INT) ? new int[newCapacity] : null;
    objectKeys = (keyKind == Kind.OBJECT) ? new Object[newCapacity] : null;
    hashes = (keyKind == Kind.OBJECT) ? new int[newCapacity] : null;
    longValues = (valueKind == Kind.LONG) ? new long[newCapacity] : null;
    intValues = (valueKind == Kind.INT) ? new int[newCapacity] : null;
    objectValues = (valueKind == Kind.OBJECT) ? new Object[newCapacity] : null;
  }

  /** Doubles the capacity (up to the bound) when every slot is live; slots keep their numbers. */
  private void grow() {
    int newCapacity = (int) Math.min(maximumSize, Math.max(MIN_CAPACITY, 2L * capacity));
    Resizes.resized(metrics, name, capacity, newCapacity);
    capacity = newCapacity;
    chain = Arrays.copyOf(chain, newCapacity);
    order.resize(newCapacity);
    if (expiry != null && expiry != order) {
      expiry.resize(newCapacity);
    }
    if (weights != null) {
      weights = Arrays.copyOf(weights, newCapacity);
    }
    if (deadlines != null) {
      deadlines = Arrays.copyOf(deadlines, newCapacity);
    }
    if (longKeys != null) {
      longKeys = Arrays.copyOf(longKeys, newCapacity);
    }
    if (intKeys != null) {
      intKeys = Arrays.copyOf(intKeys, newCapacity);
    }
    if (objectKeys != null) {
      objectKeys = Arrays.copyOf(objectKeys, newCapacity);
      hashes = Arrays.copyOf(hashes, newCapacity);
    }
    if (longValues != null) {
      longValues = Arrays.copyOf(longValues, newCapacity);
    }
    if (intValues != null) {
      intValues = Arrays.copyOf(intValues, newCapacity);
    }
    if (objectValues != null) {
      objectValues = Arrays.copyOf(objectValues, newCapacity);
    }
    rehash();
  }

  /** Rebuilds the buckets, one per slot, from the live slots. */
  private void rehash() {
    buckets = new int[capacity];
    flooded = null;
    for (int s = order.head; s != NONE; s = order.next[s]) {
      linkChain(s, hashAt(s));
    }
  }

  private void maybeShrink() {
    if (capacity > minimumCapacity && size <= (capacity >>> 2)) {
      compact(Math.max(minimumCapacity, 2 * size));
    }
  }

  /**
   * Copies the live entries, eldest first, into fresh arrays of the new capacity: slot i of the
   * result is the i-th entry in eviction order.
   */
  private void compact(int newCapacity) {
    long[] oldLongKeys = longKeys;
    int[] oldIntKeys = intKeys;
    Object[] oldObjectKeys = objectKeys;
    int[] oldHashes = hashes;
    long[] oldLongValues = longValues;
    int[] oldIntValues = intValues;
    Object[] oldObjectValues = objectValues;
    long[] oldDeadlines = deadlines;
    int[] oldWeights = weights;
    long bytes = totalBytes;
    int[] oldNext = order.next;
    int oldHead = order.head;
    boolean separateExpiry = expiry != null && expiry != order;
    int[] renumbered = separateExpiry ? new int[capacity] : null;
    int[] oldExpiryNext = separateExpiry ? expiry.next : null;
    int oldExpiryHead = separateExpiry ? expiry.head : NONE;
    int n = size;
    int oldCapacity = capacity;
    allocate(newCapacity);
    int i = 0;
    for (int s = oldHead; s != NONE; s = oldNext[s], i++) {
      if (oldLongKeys != null) {
        longKeys[i] = oldLongKeys[s];
      } else if (oldIntKeys != null) {
        intKeys[i] = oldIntKeys[s];
      } else {
        objectKeys[i] = oldObjectKeys[s];
        hashes[i] = oldHashes[s];
      }
      if (oldLongValues != null) {
        longValues[i] = oldLongValues[s];
      } else if (oldIntValues != null) {
        intValues[i] = oldIntValues[s];
      } else if (oldObjectValues != null) {
        objectValues[i] = oldObjectValues[s];
      }
      if (oldWeights != null) {
        weights[i] = oldWeights[s];
      }
      if (oldDeadlines != null) {
        deadlines[i] = oldDeadlines[s];
      }
      if (renumbered != null) {
        renumbered[s] = i;
      }
      order.linkLast(i);
    }
    for (int s = oldExpiryHead; s != NONE; s = oldExpiryNext[s]) {
      expiry.linkLast(renumbered[s]);
    }
    used = n;
    totalBytes = bytes;
    rehash();
    modCount++;
    Resizes.resized(metrics, name, oldCapacity, newCapacity);
  }

  // ---------------------------------------------------------------- state

  /** The number of live entries, after dropping expired ones. */
  public int size() {
    if (expiry != null && size > 0) {
      expireFromHead();
    }
    return size;
  }

  /** The key in a live slot, boxed; for listeners, the flooding fallback and toString. */
  public Object boxedKey(int slot) {
    switch (keyKind) {
      case LONG: return longKeys[slot];
      case INT: return intKeys[slot];
      default: return objectKeys[slot];
    }
  }

  /** The value in a live slot, boxed, or null for a set. */
  public Object boxedValue(int slot) {
    switch (valueKind) {
      case LONG: return longValues[slot];
      case INT: return intValues[slot];
      case OBJECT: return objectValues[slot];
      default: return null;
    }
  }

  public String name() {
    return name;
  }

  /** A snapshot of size, bound, peak and counters. */
  public CollectionMetrics metrics() {
    CollectionMetrics.Builder b = CollectionMetrics.builder()
        .size(size)
        .bound(maximumSize)
        .peakSize(peakSize)
        .capacity(capacity);
    if (reportsBytes) {
      b.bytes(maximumBytes, totalBytes);
    } else {
      b.estimatedBytes(structureBytes());
    }
    if (account != null) {
      b.budget((BudgetMetrics) account.budget().publicMetrics());
    }
    metrics.snapshot(b);
    return b.build();
  }

  /**
   * The arrays' bytes plus the fixed parts, keys and values excluded; a snapshot from another
   * thread may mix arrays of two capacities but never fails.
   */
  private long structureBytes() {
    Links o = order;
    long bytes = SHELL_BYTES + Footprint.of(buckets) + Footprint.of(chain)
        + Footprint.of(o.prev) + Footprint.of(o.next)
        + Footprint.of(deadlines) + Footprint.of(weights) + Footprint.of(longKeys)
        + Footprint.of(intKeys) + Footprint.of(objectKeys) + Footprint.of(hashes)
        + Footprint.of(longValues) + Footprint.of(intValues) + Footprint.of(objectValues);
    Links e = expiry;
    return (e != null && e != o) ? bytes + Footprint.of(e.prev) + Footprint.of(e.next) : bytes;
  }

  // ---------------------------------------------------------------- budgets

  /**
   * Frees room in the budget after a write of the map; call when no slot number is held, as it
   * may evict and compact.
   */
  public void settle() {
    Ledger l = ledger.get();
    if (l != null) {
      l.settle();
    }
  }

  /**
   * Evicts eldest entries until {@code bytes} are freed (nested collections' bytes included);
   * called by the budget on the owning thread only, after a write of the map has settled.
   */
  @Override
  public long evictForBudget(long bytes) {
    long before = account.usedBytes();
    while (before - account.usedBytes() < bytes && size > 0) {
      unlinkAt(order.head, RemovalCause.SIZE);
      account.recordEviction();
    }
    maybeShrink();
    return before - account.usedBytes();
  }

  /**
   * Counts this table in an outer map's entry: starts weighing (once over what it holds) and
   * charging; see {@link dev.safecollections.internal.budget.Attachable}.
   */
  public void attachTo(Ledger outer, Object key) {
    Attachment link = ledger.attach(outer, key);
    if (link == null) {
      return;
    }
    if (!weighs) {
      weighs = true;
      weights = new int[capacity];
      for (int s = order.head; s != NONE; s = order.next[s]) {
        weights[s] = (valueKind == Kind.OBJECT) ? weigh(boxedKey(s), objectValues[s])
            : slotWeight(s);
        totalBytes += weights[s];
      }
    }
    if (objectValues != null) {
      for (int s = order.head; s != NONE; s = order.next[s]) {
        attach(objectValues[s], link, boxedKey(s));
      }
    }
    link.charge(totalBytes);
  }

  public long detachFrom(Ledger outer, Object key) {
    return ledger.detach(outer, key);
  }

  /** The number of slots the arrays hold now; for tests of invariant I2. */
  public int capacity() {
    return capacity;
  }

  /** The entries in eviction order as {@code {k=v, ...}}, or {@code [k, ...]} for a set. */
  @Override
  public String toString() {
    boolean isSet = (valueKind == Kind.NONE);
    StringBuilder sb = new StringBuilder().append(isSet ? '[' : '{');
    for (Cursor c = cursor(); c.hasNext(); ) {
      int s = c.nextSlot();
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(boxedKey(s));
      if (!isSet) {
        sb.append('=').append(boxedValue(s));
      }
    }
    return sb.append(isSet ? ']' : '}').toString();
  }

  /**
   * Checks the table's internal consistency and throws {@link AssertionError} naming the first
   * broken rule; for tests, after every operation.
   */
  public void validate() {
    int counted = 0;
    int previous = NONE;
    for (int s = order.head; s != NONE; s = order.next[s]) {
      check(order.prev[s] == previous, "order links broken at slot " + s);
      check(lookup(s) == s, "slot " + s + " is not found by its own key " + boxedKey(s));
      previous = s;
      counted++;
      check(counted <= size, "order list is longer than the size " + size);
    }
    check(previous == order.tail, "order tail is " + order.tail + ", not " + previous);
    check(counted == size, "order list holds " + counted + " entries, size is " + size);
    int free = 0;
    for (int s = freeHead; s != NONE; s = chain[s]) {
      free++;
      check(free <= used, "free list is cyclic");
      check((objectKeys == null || objectKeys[s] == null)
          && (objectValues == null || objectValues[s] == null), "free slot " + s + " holds refs");
    }
    check(free + size == used, used + " slots used, but " + size + " live and " + free + " free");
    check(used <= capacity && capacity <= maximumSize, "capacity " + capacity + " outside bounds");
    check(size <= maximumSize, "size " + size + " exceeds the bound " + maximumSize);
    if (weights != null) {
      long sum = 0;
      for (int s = order.head; s != NONE; s = order.next[s]) {
        sum += weights[s];
      }
      check(sum == totalBytes, "weights add up to " + sum + ", not " + totalBytes);
      check(totalBytes <= maximumBytes, totalBytes + " bytes exceed the bound " + maximumBytes);
    }
    if (expiry != null && expiry != order) {
      int inExpiry = 0;
      long last = Long.MIN_VALUE;
      for (int s = expiry.head; s != NONE; s = expiry.next[s]) {
        check(inExpiry == 0 || deadlines[s] - last >= 0, "expiry list out of deadline order");
        last = deadlines[s];
        inExpiry++;
      }
      check(inExpiry == size, "expiry list holds " + inExpiry + " entries, size is " + size);
    }
  }

  /** The slot of the key in a live slot, found without expiring anything. */
  private int lookup(int slot) {
    Object key = boxedKey(slot);
    if (chain[slot] == FLOODED) {
      return floodedSlot(key);
    }
    int s = buckets[bucket(hashAt(slot))] - 1;
    while (s >= 0 && !boxedKey(s).equals(key)) {
      s = chain[s];
    }
    return s;
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }

  // ---------------------------------------------------------------- iteration

  /** A cursor over the live slots in eviction order, eldest first. */
  public Cursor cursor() {
    return new Cursor();
  }

  /**
   * Walks the live slots in eviction order, skipping expired ones. Fail-fast: a structural
   * change not made through the cursor, or an LRU read that reorders, throws
   * {@link ConcurrentModificationException} on the next step.
   */
  public final class Cursor {
    private int next = order.head;
    private int current = NONE;
    private int expectedModCount = modCount;

    public boolean hasNext() {
      // After a modification elsewhere the slot numbers may be stale; nextSlot() then throws.
      if (deadlines != null && next != NONE && modCount == expectedModCount) {
        long now = ticker.read();
        while (next != NONE && now - deadlines[next] >= 0) {
          next = order.next[next];
        }
      }
      return next != NONE;
    }

    /** The next live slot. */
    public int nextSlot() {
      if (modCount != expectedModCount) {
        throw new ConcurrentModificationException();
      }
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      current = next;
      next = order.next[current];
      return current;
    }

    /** Removes the entry of the slot last returned; moves no other slot. */
    public void remove() {
      if (current == NONE) {
        throw new IllegalStateException("next() was not called, or remove() was already called");
      }
      if (modCount != expectedModCount) {
        throw new ConcurrentModificationException();
      }
      unlinkAt(current, RemovalCause.EXPLICIT);
      current = NONE;
      expectedModCount = modCount;
    }
  }
}
