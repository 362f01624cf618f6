package dev.safecollections.internal.jctools;

import static dev.safecollections.internal.Checks.requireNonNull;

import dev.safecollections.CapacityExceededException;
import dev.safecollections.CollectionMetrics;
import dev.safecollections.ConcurrentBoundedLong2ObjectMap;
import dev.safecollections.RemovalCause;
import dev.safecollections.RemovalListener;
import dev.safecollections.Ticker;
import dev.safecollections.internal.Checks;
import dev.safecollections.internal.Footprint;
import dev.safecollections.internal.MapSpec;
import dev.safecollections.internal.MetricsRecorder;
import dev.safecollections.internal.Resizes;
import dev.safecollections.internal.budget.Account;
import dev.safecollections.internal.budget.Attachable;
import dev.safecollections.internal.budget.Attachment;
import dev.safecollections.internal.budget.BudgetMember;
import dev.safecollections.internal.budget.Ledger;
import dev.safecollections.internal.budget.LedgerSlot;
import dev.safecollections.internal.budget.Nesting;
import dev.safecollections.BudgetMetrics;
import dev.safecollections.Weigher;
import dev.safecollections.internal.Sweeper;
import it.unimi.dsi.fastutil.longs.AbstractLong2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectFunction;
import it.unimi.dsi.fastutil.objects.AbstractObjectSet;
import it.unimi.dsi.fastutil.objects.ObjectIterator;
import it.unimi.dsi.fastutil.objects.ObjectSet;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.jctools.maps.NonBlockingHashMapLong;

/**
 * A lock-free bounded map from long keys over JCTools' {@link NonBlockingHashMapLong}.
 *
 * <p>Design.
 *
 * <p><i>Nodes.</i> The table maps each key to a {@link Node} whose {@code value} field is the
 * entry's state: a value while the entry is live, {@link #PENDING} while an insertion is being
 * published, {@link #DEAD} once it was removed and {@link #ABORTED} if its insertion was
 * called off before it was published. Neither a dead nor an aborted node lives again. Every
 * change of value is a CAS on the node, so that a node shared by two tables (below) changes in
 * both at once; the table itself only ever gains a node for an absent key, loses a dead node,
 * or has a node replaced by the {@link #MOVED} marker.
 *
 * <p><i>Moving to a smaller table.</i> {@code NonBlockingHashMapLong} never shrinks, so the
 * map keeps a chain of {@link Table}s: {@link #head} and, while a move is under way, {@code
 * head.next}. The mover (one thread, the writer whose removal or insertion triggered it) links
 * the new table, walks every key of the old one and moves each with {@link #moveKey}: it copies
 * a live node into the new table and then replaces it in the old one with {@code MOVED}, or
 * seals an absent key with {@code MOVED}; last it makes the new table the head. Readers look in
 * the old table first and follow {@code MOVED} to the new one, so they never wait. A writer
 * that finds a move under way moves its own key first and then works in the new table; nothing
 * is inserted into a table for a key that is not yet sealed in its predecessor, so the two
 * tables never hold different live nodes for one key.
 *
 * <p><i>Publishing an insertion.</i> An insertion puts a {@code PENDING} node in the table and
 * then commits it (CAS to the value) only if the table is not moving: an insertion that lands
 * in a table after the mover walked past its key would otherwise be lost. If the table started
 * moving, the pending node is aborted (CAS to {@code ABORTED}) and the insertion starts again from
 * the head. Readers take a pending node for absent; a writer that meets one commits it for its
 * owner (if the table is not moving) or aborts it (if it is), so a stalled owner holds nobody
 * up. The owner learns the outcome from the node.
 *
 * <p><i>Bound.</i> {@link #count} is the number of live entries. Under EVICT an insertion
 * increments it after commit and, while it exceeds the bound, evicts: it takes the shared
 * iterator ({@link #hand}, a clock hand over the head table), samples {@link #SAMPLES} live
 * entries and kills the one whose {@code stamp} is oldest by the logical {@link #clock}, which
 * each eviction advances; {@code get} sets a node's stamp to the clock. Under REJECT an
 * insertion reserves its slot in {@code count} before it publishes and releases it if it
 * inserts nothing.
 *
 * <p><i>Triggers for a move.</i> A table tracks the high-water mark of {@code count} while it is
 * the head and its insertions. A removal that leaves {@code count} at a quarter of the
 * high-water mark (from {@link #shrinkFloor}) moves to a table sized for the live entries; so
 * does an insertion that makes the table's insertions pass four times its high-water mark,
 * because {@code NonBlockingHashMapLong} fills with removed keys under churn and, resizing
 * often, doubles instead of cleaning.
 *
 * <p><i>Budgets.</i> A member of a budget, or a map attached to an outer map's entry, charges
 * each value's weight when its insertion commits, the difference when a swap succeeds and gives
 * it back when a kill succeeds: each at the CAS that decides it, so every value is charged once
 * and released once. Weights are not stored: a released value is weighed again, so the weigher
 * must weigh a value the same way while it is stored. Under REJECT the weight is reserved in
 * the budget before the insertion is published. The budget may pick this map from any thread;
 * it then evicts by the same sampler.
 *
 * <p>Not part of the public API.
 */
public final class LockFreeLong2ObjectMap<V> extends AbstractLong2ObjectMap<V>
    implements ConcurrentBoundedLong2ObjectMap<V>, BudgetMember, Attachable {
  private static final long serialVersionUID = 1L;
  private static final System.Logger LOGGER =
      System.getLogger(LockFreeLong2ObjectMap.class.getName());

  /** The default size below which the map does not move to a smaller table. */
  public static final int SHRINK_FLOOR = 256;
  /** How many live entries an eviction compares. */
  static final int SAMPLES = 5;
  /** An empty map's retained bytes (JOL, 64-bit JVM, compressed references). */
  static final long SHELL_BYTES = 1300;
  /** A {@link Node}'s bytes (JOL), and a {@link TimedNode}'s. */
  static final long NODE_BYTES = 24;
  static final long TIMED_NODE_BYTES = 32;
  /** The least time between two sweeps of an idle expiring map. */
  static final long MIN_SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

  static final Object PENDING = new Object();
  static final Object DEAD = new Object();
  /** The end of a pending node that was never committed: unlike DEAD, it was never counted. */
  static final Object ABORTED = new Object();
  /** Replaces a key's node in a table that moved on: look in {@code next}. */
  static final Node MOVED = new Node(DEAD, 0);

  private static final VarHandle VALUE;
  private static final VarHandle NEXT;
  private static final VarHandle HEAD;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      VALUE = lookup.findVarHandle(Node.class, "value", Object.class);
      NEXT = lookup.findVarHandle(Table.class, "next", Table.class);
      HEAD = lookup.findVarHandle(LockFreeLong2ObjectMap.class, "head", Table.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** An entry's state, shared by every table that holds it. */
  static class Node {
    volatile Object value;
    /** The value a pending node will commit; null once committed or aborted. */
    Object staged;
    /** The {@link #clock} when the entry was last read or written; racy by design. */
    int stamp;

    Node(Object value, int stamp) {
      this.value = value;
      this.stamp = stamp;
    }
  }

  /** A node with an expiry time. */
  static final class TimedNode extends Node {
    /** Ticker time at which the entry expires; written before the value is published. */
    long deadline;

    TimedNode(Object value, int stamp, long deadline) {
      super(value, stamp);
      this.deadline = deadline;
    }
  }

  /** One backing table and, once it started moving, its successor. */
  static final class Table {
    final NonBlockingHashMapLong<Node> map;
    volatile Table next;
    /** The largest {@link #count} seen while this table was the head; racy. */
    volatile long highWater;
    /** Insertions into this table. */
    final AtomicLong insertions = new AtomicLong();
    /**
     * The slots of the NBHML table last seen by an insertion that counts resizes. Only the
     * count: the table object links to its successors and would keep them all.
     */
    volatile long seenSlots;

    Table(int expected) {
      map = new NonBlockingHashMapLong<>(Math.max(16, expected * 2));
      highWater = expected;
      seenSlots = NbhmlTables.slots(NbhmlTables.table(map));
    }

    /** Counts a resize of this table that happened since the last look, if one did. */
    void noteResize(MetricsRecorder recorder, String name) {
      long now = NbhmlTables.slots(NbhmlTables.table(map));
      if (now != seenSlots) {
        synchronized (this) {
          long seen = seenSlots;
          if (now != seen) {
            seenSlots = now;
            Resizes.resized(recorder, name, seen, now);
          }
        }
      }
    }
  }

  /** The clock hand of the eviction sampler: an iterator over one table's keys. */
  private static final class Hand {
    final Table table;
    final NonBlockingHashMapLong<Node>.IteratorLong keys;

    Hand(Table table) {
      this.table = table;
      this.keys = keys(table);
    }
  }

  private final String name;
  private final long maximumSize;
  private final boolean reject;
  private final long ttl;
  private final Ticker ticker;
  private final RemovalListener<? super Long, ? super V> listener;
  private final MetricsRecorder recorder;
  /** Whether insertions look for resizes of the NBHML table, to count them. */
  private final boolean countsResizes;
  private final int shrinkFloor;
  private final transient Account account;
  private final transient LedgerSlot ledger;
  private final transient Weigher<Object, Object> weigher;
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong peak = new AtomicLong();
  private final AtomicReference<Hand> hand = new AtomicReference<>();
  private volatile Table head;
  /** The logical clock of the LRU sampler; advanced by evictions, racy by design. */
  private int clock;
  private transient ObjectSet<Entry<V>> entrySet;

  public LockFreeLong2ObjectMap(MapSpec<Long, V> spec) {
    this(spec, SHRINK_FLOOR);
  }

  /** With another shrink floor, so that tests can watch small maps move. */
  public LockFreeLong2ObjectMap(MapSpec<Long, V> spec, int shrinkFloor) {
    this.name = (spec.name() != null) ? spec.name()
        : "SafeMap@" + Integer.toHexString(System.identityHashCode(this));
    this.maximumSize = spec.bound();
    this.reject = spec.rejects();
    this.ttl = spec.expires() ? spec.expireAfterWriteNanos() : -1;
    this.ticker = (spec.ticker() != null) ? spec.ticker() : Ticker.systemTicker();
    this.listener = spec.removalListener();
    this.recorder = MetricsRecorder.create(spec.recordMetrics());
    this.countsResizes = spec.recordMetrics() && NbhmlTables.readable();
    this.shrinkFloor = shrinkFloor;
    @SuppressWarnings("unchecked")
    Weigher<Object, Object> w = (Weigher<Object, Object>) ((spec.weigher() != null)
        ? spec.weigher() : Weigher.estimatingRetainedBytes());
    this.weigher = w;
    // joins before its table exists: the budget never picks a member that holds nothing
    this.account = spec.budgeted()
        ? spec.membership().join(this, name, true, spec.rejects()) : null;
    this.ledger = new LedgerSlot(account);
    this.head = new Table(Math.max(spec.initialCapacity(), 0));
    head.highWater = 0;
    if (ttl >= 0) {
      SweepTask.schedule(this);
    }
  }

  // ----- reads -----

  @Override
  public V get(long key) {
    Object v = liveValue(key, true);
    if (v == null) {
      recorder.recordMiss();
      return null;
    }
    recorder.recordHit();
    @SuppressWarnings("unchecked")
    V value = (V) v;
    return value;
  }

  @Override
  public boolean containsKey(long key) {
    return liveValue(key, false) != null;
  }

  /** The key's live value, or null; refreshes the entry's stamp when {@code touch}. */
  private Object liveValue(long key, boolean touch) {
    Table t = head;
    for (;;) {
      Node n = t.map.get(key);
      if (n == MOVED) {
        t = t.next;
        continue;
      }
      if (n == null) {
        return null;
      }
      Object v = n.value;
      if (!isLive(v)) {
        return null;
      }
      if (ttl >= 0 && expired(n)) {
        kill(key, n, v, RemovalCause.EXPIRED);
        return null;
      }
      if (touch) {
        touch(n);
      }
      return v;
    }
  }

  /** Stamps the node with the clock; writes only when the clock moved, to spare the cache line. */
  private void touch(Node n) {
    int now = clock;
    if (n.stamp != now) {
      n.stamp = now;
    }
  }

  /** Whether a node's value field holds a value rather than one of the state markers. */
  private static boolean isLive(Object v) {
    return v != PENDING && v != DEAD && v != ABORTED;
  }

  private boolean expired(Node n) {
    return ticker.read() - ((TimedNode) n).deadline >= 0;
  }

  // ----- the write engine -----

  /**
   * The key's live node in the newest table, after moving the key out of a moving table and
   * cleaning what it meets (dead, pending or expired nodes); null if the key is absent.
   */
  private Node liveNode(long key) {
    for (;;) {
      Table t = headForWrite(key);
      Node n = t.map.get(key);
      if (n == null) {
        return null;
      }
      if (n == MOVED) {
        continue;
      }
      Object v = n.value;
      if (v == PENDING) {
        settle(t, n);
      } else if (!isLive(v)) {
        t.map.remove(key, n);
      } else if (ttl >= 0 && expired(n)) {
        kill(key, n, v, RemovalCause.EXPIRED);
      } else {
        return n;
      }
    }
  }

  /** The head, once the key has been moved out of every table that is moving. */
  private Table headForWrite(long key) {
    Table t = head;
    for (Table next = t.next; next != null; next = t.next) {
      moveKey(t, key);
      t = next;
    }
    return t;
  }

  /** Commits another writer's pending node if its table is not moving, else aborts it. */
  private static void settle(Table t, Node n) {
    if (t.next == null) {
      Object staged = n.staged;
      if (staged != null && VALUE.compareAndSet(n, PENDING, staged)) {
        n.staged = null; // the owner may be stalled; do not keep the value twice
      }
    } else {
      VALUE.compareAndSet(n, PENDING, ABORTED);
    }
  }

  /**
   * Inserts the key, absent when the caller looked. Returns true if the entry was inserted,
   * false if the key turned out present (the caller looks again).
   *
   * @throws CapacityExceededException under REJECT when the map is full
   */
  private boolean insert(long key, V value) {
    Ledger l = ledger.get();
    long w = (l != null) ? weight(key, value) : 0;
    boolean reserved = reject && l == account && account != null;
    if (reject) {
      reserve();
      if (reserved && !account.tryReserve(w)) {
        count.decrementAndGet();
        recorder.recordRejection();
        throw new CapacityExceededException(account.fullMessage(w));
      }
    }
    for (;;) {
      Table t = headForWrite(key);
      Node n = newNode(value);
      Node present = t.map.putIfAbsent(key, n);
      if (present == MOVED) {
        continue;
      }
      if (present != null) {
        if (reject) {
          count.decrementAndGet();
          if (reserved) {
            account.charge(-w);
          }
        }
        return false;
      }
      if (t.next != null) {
        VALUE.compareAndSet(n, PENDING, ABORTED);
      } else {
        VALUE.compareAndSet(n, PENDING, value);
      }
      n.staged = null;
      if (n.value == ABORTED) {
        t.map.remove(key, n);
        continue;
      }
      if (l != null) {
        if (!reserved) {
          l.charge(w);
        }
        attachStored(n, value, l, key);
      }
      afterInsert(t);
      return true;
    }
  }

  /**
   * Attaches a nested collection to the entry it was just stored in. The store was a CAS that
   * the attach cannot be part of, so a writer may remove or replace the value in between and
   * detach it before it was attached: looking again afterwards detaches it then (detaching
   * twice is harmless).
   */
  private static void attachStored(Node n, Object value, Ledger l, long key) {
    if (value instanceof Attachable) {
      Nesting.attach(value, l, key);
      if (n.value != value) {
        Nesting.detach(value, l, key);
      }
    }
  }

  /** What a value is charged to the ledger: a nested collection as its shell. */
  private long weight(long key, Object value) {
    return Nesting.weight(weigher, key, value);
  }


  /** Frees room in the budget after a write. */
  private void settleBudget() {
    Ledger l = ledger.get();
    if (l != null) {
      l.settle();
    }
  }

  private Node newNode(V value) {
    Node n = (ttl < 0) ? new Node(PENDING, clock)
        : new TimedNode(PENDING, clock, ticker.read() + ttl);
    n.staged = value;
    return n;
  }

  private void reserve() {
    for (;;) {
      long c = count.get();
      if (c >= maximumSize) {
        recorder.recordRejection();
        throw new CapacityExceededException(Checks.fullMessage(name, maximumSize));
      }
      if (count.compareAndSet(c, c + 1)) {
        return;
      }
    }
  }

  private void afterInsert(Table t) {
    recorder.recordInsertion();
    if (countsResizes) {
      t.noteResize(recorder, name);
    }
    long c = reject ? count.get() : count.incrementAndGet();
    if (c > maximumSize) {
      evict();
      c = count.get();
    }
    if (c > t.highWater) {
      t.highWater = c;
      if (c > peak.get()) {
        peak.accumulateAndGet(c, Math::max);
      }
    }
    if (t.insertions.incrementAndGet() > 4 * Math.max(t.highWater, shrinkFloor)) {
      move(t);
    }
  }

  /** Replaces a live value; returns the old one, or null if the node is no longer live. */
  private Object swap(long key, Node n, Object expected, V value) {
    if (ttl >= 0) {
      // An entry that expired since the caller looked is dropped, not overwritten: a reader
      // may already have seen it absent.
      TimedNode timed = (TimedNode) n;
      long now = ticker.read();
      if (now - timed.deadline >= 0) {
        kill(key, n, expected, RemovalCause.EXPIRED);
        return null;
      }
      timed.deadline = now + ttl;
    }
    Ledger l = ledger.get();
    long delta = (l != null) ? weight(key, value) - weight(key, expected) : 0;
    boolean reserved = reject && l == account && account != null && delta > 0;
    if (reserved && !account.tryReserve(delta)) {
      recorder.recordRejection();
      throw new CapacityExceededException(account.fullMessage(delta));
    }
    if (!VALUE.compareAndSet(n, expected, value)) {
      if (reserved) {
        account.charge(-delta);
      }
      return null;
    }
    if (l != null) {
      if (!reserved) {
        l.charge(delta);
      }
      if (expected != value) {
        Nesting.detach(expected, l, key);
        attachStored(n, value, l, key);
      }
    }
    touch(n);
    recorder.recordRemoval(RemovalCause.REPLACED);
    notifyListener(key, expected, RemovalCause.REPLACED);
    return expected;
  }

  /**
   * Kills a live node and unlinks it from every table; true if this call removed the entry.
   */
  private boolean kill(long key, Node n, Object expected, RemovalCause cause) {
    return killAndRelease(key, n, expected, cause) >= 0;
  }

  /**
   * As {@link #kill}; returns the bytes given back to the ledger (0 without one), or -1 if this
   * call did not remove the entry.
   */
  private long killAndRelease(long key, Node n, Object expected, RemovalCause cause) {
    if (!VALUE.compareAndSet(n, expected, DEAD)) {
      return -1;
    }
    count.decrementAndGet();
    long released = 0;
    Ledger l = ledger.get();
    if (l != null) {
      released = Nesting.detach(expected, l, key);
      try {
        long w = weight(key, expected);
        l.charge(-w);
        released += w;
      } catch (RuntimeException e) {
        LOGGER.log(System.Logger.Level.WARNING, "weigher failed while releasing an entry of "
            + name + "; its bytes stay charged to its budget", e);
      }
    }
    for (Table t = head; t != null; t = t.next) {
      t.map.remove(key, n);
    }
    recorder.recordRemoval(cause);
    notifyListener(key, expected, cause);
    maybeShrink();
    return released;
  }

  private void notifyListener(long key, Object value, RemovalCause cause) {
    if (listener == null) {
      return;
    }
    try {
      @SuppressWarnings("unchecked")
      V v = (V) value;
      listener.onRemoval(key, v, cause);
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "removal listener of " + name + " threw", e);
    }
  }

  // ----- eviction -----

  /**
   * Evicts sampled entries while the map is above its bound. Gives up only when a sample went
   * round the whole table without a live entry: the surplus is then entries whose removal or
   * insertion is in flight, and their writers settle it.
   */
  private void evict() {
    while (count.get() > maximumSize && evictOne() >= 0) {
      // next victim
    }
  }

  /**
   * Evicts sampled entries until {@code bytes} are freed; any thread may call it. Gives up as
   * {@link #evict} does.
   */
  @Override
  public long evictForBudget(long bytes) {
    long freed = 0;
    while (freed < bytes && count.get() > 0) {
      long released = evictOne();
      if (released < 0) {
        break;
      }
      freed += released;
      account.recordEviction();
    }
    return freed;
  }

  /**
   * Samples live entries from the clock hand and kills the least recent; returns the bytes that
   * released (0 if another writer won the race for the victim, which counts as progress), or -1
   * if the hand went round the whole table without meeting a live entry.
   */
  private long evictOne() {
    Hand h = hand.getAndSet(null);
    Table t = head;
    if (h == null || h.table != t) {
      h = new Hand(t);
    }
    long victimKey = 0;
    Node victim = null;
    Object victimValue = null;
    int oldest = 0;
    int now = clock;
    boolean wrapped = false;
    for (int sampled = 0; sampled < SAMPLES; ) {
      if (!h.keys.hasNext()) {
        if (wrapped) {
          break;
        }
        wrapped = true;
        h = new Hand(t);
        continue;
      }
      long key = h.keys.nextLong();
      Node n = resolve(t, key);
      if (n == null) {
        continue;
      }
      Object v = n.value;
      if (!isLive(v)) {
        continue;
      }
      if (ttl >= 0 && expired(n)) {
        long released = killAndRelease(key, n, v, RemovalCause.EXPIRED);
        putBack(h);
        return Math.max(0, released);
      }
      int age = now - n.stamp;
      if (victim == null || age > oldest) {
        victimKey = key;
        victim = n;
        victimValue = v;
        oldest = age;
      }
      sampled++;
    }
    putBack(h);
    clock = now + 1;
    if (victim == null) {
      return -1;
    }
    return Math.max(0, killAndRelease(victimKey, victim, victimValue, RemovalCause.SIZE));
  }

  /**
   * The table's keys as JCTools' iterator, whose {@code nextLong()} does not box: {@code keys()}
   * is declared to return an {@code Enumeration<Long>} but returns that iterator.
   */
  @SuppressWarnings("unchecked")
  static NonBlockingHashMapLong<Node>.IteratorLong keys(Table t) {
    return (NonBlockingHashMapLong<Node>.IteratorLong) t.map.keys();
  }

  /** Returns the hand for the next eviction, unless its table is no longer the head. */
  private void putBack(Hand h) {
    hand.set((h.table == head) ? h : null);
  }

  /** The node for the key in this table or, if it moved, in a later one; null if none. */
  private static Node resolve(Table t, long key) {
    for (; t != null; t = t.next) {
      Node n = t.map.get(key);
      if (n != MOVED) {
        return n;
      }
    }
    return null;
  }

  // ----- moving to a smaller table -----

  private void maybeShrink() {
    Table t = head;
    long high = t.highWater;
    if (high >= shrinkFloor && count.get() <= high / 4 && t.next == null) {
      move(t);
    }
  }

  /** Moves every entry of the head {@code t} to a fresh table sized for the live entries. */
  private void move(Table t) {
    if (head != t || t.next != null) {
      return;
    }
    Table next = new Table((int) Math.min(Math.max(count.get(), 0), Integer.MAX_VALUE / 8));
    if (!NEXT.compareAndSet(t, null, next)) {
      return;
    }
    NonBlockingHashMapLong<Node>.IteratorLong keys = keys(t);
    while (keys.hasNext()) {
      moveKey(t, keys.nextLong());
    }
    HEAD.compareAndSet(this, t, next);
    Resizes.notify(name, NbhmlTables.slots(NbhmlTables.table(t.map)),
        NbhmlTables.slots(NbhmlTables.table(next.map)));
    // The eviction hand iterates the old table and would keep it reachable.
    Hand h = hand.get();
    if (h != null && h.table == t) {
      hand.compareAndSet(h, null);
    }
    recorder.recordShrink();
  }

  /** Seals the key in the moving table {@code t}, copying its live node to {@code t.next}. */
  private static void moveKey(Table t, long key) {
    Table next = t.next;
    for (;;) {
      Node n = t.map.get(key);
      if (n == MOVED) {
        return;
      }
      if (n == null) {
        if (t.map.putIfAbsent(key, MOVED) == null) {
          return;
        }
        continue;
      }
      Object v = n.value;
      if (v == PENDING) {
        VALUE.compareAndSet(n, PENDING, ABORTED);
        continue;
      }
      if (isLive(v)) {
        next.map.putIfAbsent(key, n);
        if (!isLive(n.value)) {
          next.map.remove(key, n);
        }
      }
      if (t.map.replace(key, n, MOVED)) {
        return;
      }
    }
  }

  // ----- the atomic primitives -----

  @Override
  public V put(long key, V value) {
    return write(key, value, true, true);
  }

  @Override
  public V putIfAbsent(long key, V value) {
    return write(key, value, true, false);
  }

  @Override
  public V replace(long key, V value) {
    return write(key, value, false, true);
  }

  /**
   * What {@code put}, {@code putIfAbsent} and {@code replace} share: inserts an absent key if
   * {@code insertAbsent}, replaces a present value if {@code replacePresent}; returns the value
   * present before, or null.
   */
  private V write(long key, V value, boolean insertAbsent, boolean replacePresent) {
    try {
      return writeOnce(key, value, insertAbsent, replacePresent);
    } finally {
      settleBudget();
    }
  }

  private V writeOnce(long key, V value, boolean insertAbsent, boolean replacePresent) {
    requireNonNull(value, "value");
    for (;;) {
      Node n = liveNode(key);
      if (n == null) {
        if (!insertAbsent || insert(key, value)) {
          return null;
        }
        continue;
      }
      Object old = n.value;
      if (isLive(old) && (!replacePresent || swap(key, n, old, value) != null)) {
        @SuppressWarnings("unchecked")
        V previous = (V) old;
        return previous;
      }
    }
  }

  @Override
  public boolean replace(long key, V oldValue, V newValue) {
    requireNonNull(oldValue, "oldValue");
    requireNonNull(newValue, "newValue");
    for (;;) {
      Node n = liveNode(key);
      if (n == null) {
        return false;
      }
      Object current = n.value;
      if (!isLive(current)) {
        continue;
      }
      if (!current.equals(oldValue)) {
        return false;
      }
      if (swap(key, n, current, newValue) != null) {
        settleBudget();
        return true;
      }
    }
  }

  @Override
  public V remove(long key) {
    for (;;) {
      Node n = liveNode(key);
      if (n == null) {
        return null;
      }
      Object old = n.value;
      if (isLive(old) && kill(key, n, old, RemovalCause.EXPLICIT)) {
        @SuppressWarnings("unchecked")
        V previous = (V) old;
        return previous;
      }
    }
  }

  @Override
  public boolean remove(long key, Object value) {
    if (value == null) {
      return false;
    }
    for (;;) {
      Node n = liveNode(key);
      if (n == null) {
        return false;
      }
      Object current = n.value;
      if (!isLive(current)) {
        continue;
      }
      if (!current.equals(value)) {
        return false;
      }
      if (kill(key, n, current, RemovalCause.EXPLICIT)) {
        return true;
      }
    }
  }

  // ----- compound operations: retry loops over the primitives -----

  @Override
  public V computeIfAbsent(long key, LongFunction<? extends V> mappingFunction) {
    requireNonNull(mappingFunction, "mappingFunction");
    V v = get(key);
    if (v != null) {
      return v;
    }
    V computed = mappingFunction.apply(key);
    if (computed == null) {
      return null;
    }
    V present = putIfAbsent(key, computed);
    return (present == null) ? computed : present;
  }

  @Override
  public V computeIfAbsent(long key, Long2ObjectFunction<? extends V> mappingFunction) {
    requireNonNull(mappingFunction, "mappingFunction");
    return computeIfAbsent(key, (LongFunction<? extends V>) k -> mappingFunction.containsKey(k)
        ? mappingFunction.get(k) : null);
  }

  @Override
  public V computeIfPresent(long key,
      BiFunction<? super Long, ? super V, ? extends V> remappingFunction) {
    requireNonNull(remappingFunction, "remappingFunction");
    for (V old = get(key); old != null; old = get(key)) {
      V computed = remappingFunction.apply(key, old);
      if (computed == null ? remove(key, old) : replace(key, old, computed)) {
        return computed;
      }
    }
    return null;
  }

  @Override
  public V compute(long key, BiFunction<? super Long, ? super V, ? extends V> remappingFunction) {
    requireNonNull(remappingFunction, "remappingFunction");
    for (;;) {
      V old = get(key);
      V computed = remappingFunction.apply(key, old);
      if (old == null) {
        if (computed == null || putIfAbsent(key, computed) == null) {
          return computed;
        }
      } else if (computed == null ? remove(key, old) : replace(key, old, computed)) {
        return computed;
      }
    }
  }

  @Override
  public V merge(long key, V value,
      BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
    requireNonNull(value, "value");
    requireNonNull(remappingFunction, "remappingFunction");
    for (;;) {
      V old = get(key);
      if (old == null) {
        if (putIfAbsent(key, value) == null) {
          return value;
        }
        continue;
      }
      V computed = remappingFunction.apply(old, value);
      if (computed == null ? remove(key, old) : replace(key, old, computed)) {
        return computed;
      }
    }
  }

  @Override
  public V getOrDefault(long key, V defaultValue) {
    V v = get(key);
    return (v != null) ? v : defaultValue;
  }

  // ----- the boxed Map and ConcurrentMap methods -----

  private static long unbox(Object key) {
    return (Long) requireNonNull(key, "key");
  }

  @Deprecated
  @Override
  public V get(Object key) {
    return (key instanceof Long) ? get(((Long) key).longValue()) : null;
  }

  @Deprecated
  @Override
  public boolean containsKey(Object key) {
    return (key instanceof Long) && containsKey(((Long) key).longValue());
  }

  @Deprecated
  @Override
  public V getOrDefault(Object key, V defaultValue) {
    V v = get(key);
    return (v != null) ? v : defaultValue;
  }

  @Deprecated
  @Override
  public V put(Long key, V value) {
    return put(unbox(key), value);
  }

  @Override
  public V putIfAbsent(Long key, V value) {
    return putIfAbsent(unbox(key), value);
  }

  @Deprecated
  @Override
  public V remove(Object key) {
    return (key instanceof Long) ? remove(((Long) key).longValue()) : null;
  }

  @Override
  public boolean remove(Object key, Object value) {
    return (key instanceof Long) && remove(((Long) key).longValue(), value);
  }

  @Override
  public V replace(Long key, V value) {
    return replace(unbox(key), value);
  }

  @Override
  public boolean replace(Long key, V oldValue, V newValue) {
    return replace(unbox(key), oldValue, newValue);
  }

  @Override
  public V computeIfAbsent(Long key, Function<? super Long, ? extends V> mappingFunction) {
    requireNonNull(mappingFunction, "mappingFunction");
    return computeIfAbsent(unbox(key), (LongFunction<? extends V>) mappingFunction::apply);
  }

  @Override
  public V computeIfPresent(Long key,
      BiFunction<? super Long, ? super V, ? extends V> remappingFunction) {
    return computeIfPresent(unbox(key), remappingFunction);
  }

  @Override
  public V compute(Long key, BiFunction<? super Long, ? super V, ? extends V> remappingFunction) {
    return compute(unbox(key), remappingFunction);
  }

  @Override
  public V merge(Long key, V value,
      BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
    return merge(unbox(key), value, remappingFunction);
  }

  @Deprecated
  @Override
  public void forEach(BiConsumer<? super Long, ? super V> action) {
    requireNonNull(action, "action");
    for (ObjectIterator<Entry<V>> it = long2ObjectEntrySet().iterator(); it.hasNext(); ) {
      Entry<V> e = it.next();
      action.accept(e.getLongKey(), e.getValue());
    }
  }

  @Override
  public void putAll(Map<? extends Long, ? extends V> m) {
    requireNonNull(m, "map");
    for (Map.Entry<? extends Long, ? extends V> e : m.entrySet()) {
      put(e.getKey(), e.getValue());
    }
  }

  /** Always null: a concurrent map's absent value. */
  @Override
  public V defaultReturnValue() {
    return null;
  }

  /**
   * Unsupported: {@code null} means absent in a {@link java.util.concurrent.ConcurrentMap}.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public void defaultReturnValue(V rv) {
    throw new UnsupportedOperationException(
        "the default return value of a concurrent map is null and cannot be changed");
  }

  // ----- size, clear, views -----

  @Override
  public int size() {
    return (int) Math.min(Math.max(count.get(), 0), Integer.MAX_VALUE);
  }

  @Override
  public boolean isEmpty() {
    return count.get() <= 0;
  }

  /** Removes every entry present when it starts (cause EXPLICIT), then moves to a small table. */
  @Override
  public void clear() {
    for (ObjectIterator<Entry<V>> it = long2ObjectEntrySet().iterator(); it.hasNext(); ) {
      it.next();
      it.remove();
    }
  }

  @Override
  public ObjectSet<Entry<V>> long2ObjectEntrySet() {
    ObjectSet<Entry<V>> es = entrySet;
    return (es != null) ? es : (entrySet = new EntrySet());
  }

  private final class EntrySet extends AbstractObjectSet<Entry<V>> {
    @Override
    public ObjectIterator<Entry<V>> iterator() {
      return new EntryIterator();
    }

    @Override
    public int size() {
      return LockFreeLong2ObjectMap.this.size();
    }

    @Override
    public boolean contains(Object o) {
      if (!(o instanceof Map.Entry)) {
        return false;
      }
      Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
      Object value = (e.getKey() instanceof Long) ? get(e.getKey()) : null;
      return value != null && value.equals(e.getValue());
    }

    @Override
    public boolean remove(Object o) {
      if (!(o instanceof Map.Entry)) {
        return false;
      }
      Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
      return LockFreeLong2ObjectMap.this.remove(e.getKey(), e.getValue());
    }

    @Override
    public void clear() {
      LockFreeLong2ObjectMap.this.clear();
    }
  }

  /** Walks the keys of the head table when it was created, resolving moved keys. */
  private final class EntryIterator implements ObjectIterator<Entry<V>> {
    private final Table table = head;
    private final NonBlockingHashMapLong<Node>.IteratorLong keys = keys(table);
    private MapEntry next;
    private MapEntry last;

    EntryIterator() {
      advance();
    }

    private void advance() {
      next = null;
      while (keys.hasNext()) {
        long key = keys.nextLong();
        Node n = resolve(table, key);
        if (n == null) {
          continue;
        }
        Object v = n.value;
        if (isLive(v) && !(ttl >= 0 && expired(n))) {
          @SuppressWarnings("unchecked")
          V value = (V) v;
          next = new MapEntry(key, value);
          return;
        }
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Entry<V> next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      last = next;
      advance();
      return last;
    }

    @Override
    public void remove() {
      Checks.requireState(last != null, "next() was not called, or remove() was already called");
      LockFreeLong2ObjectMap.this.remove(last.getLongKey());
      last = null;
    }
  }

  /** An entry whose {@code setValue} writes through, as {@code ConcurrentHashMap}'s. */
  private final class MapEntry extends BasicEntry<V> {
    MapEntry(long key, V value) {
      super(key, value);
    }

    @Override
    public V setValue(V value) {
      requireNonNull(value, "value");
      V old = this.value;
      this.value = value;
      put(key, value);
      return old;
    }
  }

  /** As {@link java.util.AbstractMap#toString()}: {@code {1=a, 2=b}}, not fastutil's arrows. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("{");
    for (ObjectIterator<Entry<V>> it = long2ObjectEntrySet().iterator(); it.hasNext(); ) {
      Entry<V> e = it.next();
      s.append(e.getLongKey()).append('=').append(e.getValue());
      if (it.hasNext()) {
        s.append(", ");
      }
    }
    return s.append('}').toString();
  }

  // ----- SafeCollection -----

  @Override
  public String name() {
    return name;
  }

  @Override
  public CollectionMetrics metrics() {
    long size = Math.max(count.get(), 0);
    CollectionMetrics.Builder b = CollectionMetrics.builder()
        .size(size)
        .bound(maximumSize)
        .peakSize(Math.max(peak.get(), size));
    long slots = NbhmlTables.slots(NbhmlTables.table(head.map));
    if (slots >= 0) {
      b.capacity(slots);
    }
    if (account != null) {
      b.bytes(account.maximumBytes(), Math.max(0, account.usedBytes()));
      b.budget((BudgetMetrics) account.budget().publicMetrics());
    } else {
      // NBHML's key and value arrays (two extra value slots), and a node per entry
      b.estimatedBytes(SHELL_BYTES + Footprint.array(Math.max(slots, 0), Long.BYTES)
          + Footprint.array(Math.max(slots, 0) + 2, Footprint.REFERENCE)
          + size * ((ttl < 0) ? NODE_BYTES : TIMED_NODE_BYTES));
    }
    recorder.snapshot(b);
    return b.build();
  }

  // ----- nesting -----

  /**
   * Counts this map in an outer map's entry: charges the live values now (attaching nested
   * collections among them) and every change from now on.
   */
  @Override
  public void attachTo(Ledger outer, Object key) {
    Attachment link = ledger.attach(outer, key);
    if (link == null) {
      return;
    }
    Nesting.chargeContent(link, long2ObjectEntrySet(), (Long k, V v) -> weight(k, v));
  }

  @Override
  public long detachFrom(Ledger outer, Object key) {
    return ledger.detach(outer, key);
  }

  @Override
  public long shellBytes() {
    return SHELL_BYTES;
  }

  /** Drops expired entries and, if the map shrank far, moves it to a smaller table. */
  @Override
  public void cleanUp() {
    if (ttl >= 0) {
      sweep();
    }
    maybeShrink();
  }

  /** Kills every expired entry. */
  private void sweep() {
    Table t = head;
    NonBlockingHashMapLong<Node>.IteratorLong keys = keys(t);
    while (keys.hasNext()) {
      long key = keys.nextLong();
      Node n = resolve(t, key);
      if (n != null) {
        Object v = n.value;
        if (isLive(v) && expired(n)) {
          kill(key, n, v, RemovalCause.EXPIRED);
        }
      }
    }
  }

  /** Sweeps an idle expiring map from the shared sweeper thread, holding it only weakly. */
  private static final class SweepTask implements Runnable {
    private final WeakReference<LockFreeLong2ObjectMap<?>> map;
    private final long period;

    private SweepTask(LockFreeLong2ObjectMap<?> map) {
      this.map = new WeakReference<>(map);
      this.period = Math.max(map.ttl / 2, MIN_SWEEP_NANOS);
    }

    static void schedule(LockFreeLong2ObjectMap<?> map) {
      SweepTask task = new SweepTask(map);
      Sweeper.schedule(task, task.period, TimeUnit.NANOSECONDS);
    }

    @Override
    public void run() {
      LockFreeLong2ObjectMap<?> m = map.get();
      if (m == null) {
        return;
      }
      try {
        m.cleanUp();
      } catch (RuntimeException e) {
        LOGGER.log(System.Logger.Level.WARNING, "sweep of " + m.name + " failed", e);
      }
      Sweeper.schedule(this, period, TimeUnit.NANOSECONDS);
    }
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    throw new NotSerializableException("lock-free safe maps are not serializable: copy the "
        + "entries into a map that is");
  }
}
