package dev.safecollections.internal.caffeine;

import static dev.safecollections.internal.Checks.requireNonNull;

import dev.safecollections.BudgetMetrics;
import dev.safecollections.CapacityExceededException;
import dev.safecollections.CollectionMetrics;
import dev.safecollections.ConcurrentBoundedMap;
import dev.safecollections.RemovalCause;
import dev.safecollections.RemovalListener;
import dev.safecollections.internal.Footprint;
import dev.safecollections.internal.MapSpec;
import dev.safecollections.internal.MetricsRecorder;
import dev.safecollections.internal.Resizes;
import dev.safecollections.Weigher;
import dev.safecollections.internal.budget.Account;
import dev.safecollections.internal.budget.Attachable;
import dev.safecollections.internal.budget.Attachment;
import dev.safecollections.internal.budget.BudgetMember;
import dev.safecollections.internal.budget.Ledger;
import dev.safecollections.internal.budget.LedgerSlot;
import dev.safecollections.internal.budget.Nesting;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.StampedLock;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A thread-safe bounded map over a Caffeine cache.
 *
 * <h2>Design</h2>
 *
 * <p><b>Bound (I1).</b> Caffeine runs its maintenance (eviction, expiry, listener calls) on the
 * calling thread here ({@code executor(Runnable::run)}), but a writer that loses the race for
 * Caffeine's eviction lock leaves its eviction to the lock holder, which may already be past
 * that point. So the last writer out (the one that finds no other write in flight when it
 * releases the read lock below) checks the size and, when it is over the bound, runs
 * {@code cleanUp()} itself; in a byte-bounded map it always does, since the weight is not
 * visible without the lock. Once concurrent writers have all returned, the map is within its
 * bound. Only the last writer does this, because a blocking {@code cleanUp()} after every
 * insertion made concurrent writers queue on Caffeine's eviction lock (a quarter of Caffeine's
 * put throughput with two threads, in {@code MapThroughputBenchmark}).
 * With {@code REJECT}, Caffeine has no bound of its own: an {@link Admission} reserves a slot
 * (and bytes) inside the atomic compute of each write and refuses it before it changes
 * anything; releases follow removals, so the bound holds at every instant. Every REJECT write,
 * removals included, goes through such a compute so that admission sees it; a refusal while
 * other writes are in flight waits for them, which makes rejections linearizable (see
 * {@link Admission}), and a refusal first runs maintenance once, so expired entries that were
 * not yet reclaimed never cause one.
 *
 * <p><b>Compaction (I2).</b> Caffeine's hash table and frequency sketch never shrink, so the
 * map tracks the high-water size of its current backing cache and, when the size falls to a
 * quarter of it (and the high water was at least {@value #COMPACTION_MIN_PEAK} entries), builds
 * a new cache sized for the live entries, copies them with their remaining time to live, and
 * swaps it in. {@code clear()} does the same from {@value #CLEAR_MIN_PEAK} entries, returning
 * the map to a fresh footprint. The factor of four is the hysteresis: after a rebuild at size
 * {@code n} the next needs growth past {@code 4n} and a fall back to {@code n}, so the copying
 * costs O(1) amortized per removal and alternating growth and shrinkage cannot thrash. The
 * backing table therefore holds at most about four times the live entries once removals
 * settle.
 *
 * <p>Each backing cache is a {@link Generation}. Writes hold the read side of a
 * {@link StampedLock}; a rebuild holds the write side, taken only with {@code tryWriteLock} so
 * that no thread ever waits for it (a listener or compute function that writes back into the
 * map cannot deadlock against it); a rebuild that finds the lock busy is retried by the next
 * write or sweep. Reads are optimistic and retry under the read lock only if a rebuild ran
 * meanwhile. During a rebuild the old cache's ticker is frozen, so nothing expires in it
 * between the moment its remaining lifetimes are read and the swap; an entry whose time ran
 * out during the copy is left behind and reported {@code EXPIRED} by the rebuild itself once the
 * new cache is in place (a rebuild that fails part way keeps the old cache and reports nothing). A retired generation
 * reports nothing to listeners or metrics. Values of weakly held entries that the collector
 * clears during the copy are dropped without a {@code COLLECTED} notification.
 *
 * <p><b>Idle expiry (I4).</b> Expiring maps give Caffeine a scheduler backed by the one shared
 * daemon {@link dev.safecollections.internal.Sweeper} thread. Its tasks reach the map only
 * through a weak reference, so a pending sweep never keeps an unreachable map alive, and a
 * sweep also checks for compaction.
 *
 * <p><b>Release (I3).</b> Removal, replacement and eviction drop the value from the cache
 * within the call; listeners run synchronously and the map keeps no reference afterwards.
 *
 * <p><b>Budgets.</b> A member of a budget, or a map attached to an outer map's entry (its
 * {@link LedgerSlot} holds the account or the link), charges each stored value's weight after a
 * plain write and gives it back when Caffeine reports the value removed, replaced included:
 * Caffeine reports {@code REPLACED} exactly when the stored instance changes, so charges and
 * releases pair up without a compute. Writes that must decide inside the atomic step go through
 * a compute: REJECT reservations, and nested collections, which are attached to their entry in
 * the same step as they are stored. When the budget picks this map, {@link #evictForBudget}
 * removes Caffeine's coldest entries (its {@code coldest} snapshot) and reports them as
 * {@code SIZE}; a budget-only member gives Caffeine its maximum share as a weight bound, which
 * also provides that eviction order.
 *
 * <p>Not part of the public API: obtain instances from {@code SafeMaps}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class CaffeineBoundedMap<K, V> extends AbstractMap<K, V>
    implements ConcurrentBoundedMap<K, V>, BudgetMember, Attachable {
  /** The smallest high-water size at which removals trigger a rebuild. */
  static final long COMPACTION_MIN_PEAK = 4096;
  /** The smallest high-water size at which {@code clear()} rebuilds. */
  static final long CLEAR_MIN_PEAK = 64;
  /** Rebuild when the size falls to {@code 1 / SHRINK_FACTOR} of the high water. */
  static final long SHRINK_FACTOR = 4;
  /** Maintenance runs per sweep before the sweeper thread is handed to other collections. */
  static final int SWEEP_BATCHES = 64;
  /** The most entries one look at Caffeine's coldest entries takes, to evict for a budget. */
  static final int BUDGET_EVICTION_BATCH = 64;
  /** An empty map's retained bytes (JOL, 64-bit JVM, compressed references): its shell. */
  static final long SHELL_BYTES = 2400;

  /**
   * An entry's structure (JOL): Caffeine's node for a size-bounded cache with strong references,
   * and the {@code ConcurrentHashMap} node that holds it.
   */
  static final long NODE_BYTES = 64;
  /** What expiry adds to a node: its deadline and its links in the timer wheel. */
  static final long EXPIRY_NODE_BYTES = 16;
  /** What a weak or soft reference adds to a node, for keys or values: the reference object. */
  static final long REFERENCE_NODE_BYTES = 32;

  /** The budget eviction running on this thread, so its removals are reported as SIZE. */
  private static final ThreadLocal<BudgetEviction> EVICTING = new ThreadLocal<>();

  private static final System.Logger LOGGER =
      System.getLogger(CaffeineBoundedMap.class.getName());

  final MapSpec<K, V> spec;
  final MetricsRecorder metrics;
  private final String name;
  private final Admission admission;
  /** This map's share of a budget, or null. */
  private final Account account;
  /** Where stores are charged: the account, a link to an outer map's entry, or nothing. */
  private final LedgerSlot ledger;
  /** The structure bytes per entry, for {@link #metrics()}. */
  private final long nodeBytes;
  /** Whether the size counts entries that only maintenance removes: expired or collected. */
  private final boolean sizeNeedsCleanUp;
  private final StampedLock lock = new StampedLock();
  private final AtomicLong peakSize = new AtomicLong();
  private volatile Generation<K, V> current;
  /** The largest size of the current generation; racy, but only a compaction heuristic. */
  private volatile long highWater;

  private Set<K> keySet;
  private Collection<V> values;
  private Set<Entry<K, V>> entrySet;

  public CaffeineBoundedMap(MapSpec<K, V> spec) {
    this.spec = spec;
    this.metrics = MetricsRecorder.create(spec.recordMetrics());
    this.name = (spec.name() != null) ? spec.name()
        : "SafeMap@" + Integer.toHexString(System.identityHashCode(this));
    this.admission = spec.rejects() ? new Admission(spec) : null;
    this.sizeNeedsCleanUp = spec.expires() || spec.weakKeys()
        || spec.valueStrength() != MapSpec.ValueStrength.STRONG;
    this.nodeBytes = NODE_BYTES + (spec.expires() ? EXPIRY_NODE_BYTES : 0)
        + (spec.weakKeys() ? REFERENCE_NODE_BYTES : 0)
        + (spec.valueStrength() != MapSpec.ValueStrength.STRONG ? REFERENCE_NODE_BYTES : 0);
    // joins before its cache exists: the budget never picks a member that holds nothing
    this.account = spec.budgeted()
        ? spec.membership().join(this, name, true, spec.rejects()) : null;
    this.ledger = new LedgerSlot(account);
    this.current = Generation.create(this, Math.max(0, spec.initialCapacity()));
  }

  // ---------------------------------------------------------------- reads

  @Override
  public V get(Object key) {
    requireNonNull(key, "key");
    V value = read(key);
    if (value == null) {
      metrics.recordMiss();
    } else {
      metrics.recordHit();
    }
    return value;
  }

  @Override
  public V getOrDefault(Object key, V defaultValue) {
    V value = get(key);
    return (value == null) ? defaultValue : value;
  }

  @Override
  public boolean containsKey(Object key) {
    requireNonNull(key, "key");
    return read(key) != null;
  }

  @Override
  public boolean containsValue(Object value) {
    requireNonNull(value, "value");
    return current.map.containsValue(value);
  }

  private V read(Object key) {
    long stamp = lock.tryOptimisticRead();
    V value = current.map.get(key);
    if (!lock.validate(stamp)) {
      stamp = lock.readLock();
      try {
        value = current.map.get(key);
      } finally {
        lock.unlockRead(stamp);
      }
    }
    return value;
  }

  @Override
  public int size() {
    return (int) Math.min(Integer.MAX_VALUE, longSize());
  }

  @Override
  public boolean isEmpty() {
    return longSize() == 0;
  }

  /**
   * The size, after pending maintenance: collected references, and expired entries in the
   * timer-wheel buckets that time has passed (entries that expired within the current 1.07 s
   * bucket are still counted until it passes). While writes
   * are in flight an evicting map may hold entries those writes are about to evict; the size
   * never reports them, so it never exceeds the bound. Once the writers have returned it is
   * exact.
   */
  long longSize() {
    Generation<K, V> g = current;
    if (sizeNeedsCleanUp) {
      g.cache.cleanUp();
    }
    return Math.min(spec.bound(), g.cache.estimatedSize());
  }

  // ---------------------------------------------------------------- writes

  @Override
  public V put(K key, V value) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    if (weighsWrites(value)) {
      Outcome<V> outcome = new Outcome<>();
      remap(outcome, g -> g.map.compute(key, (k, old) -> outcome.admit(this, k, old, value)));
      return outcome.old;
    }
    Ledger l = ledger.get();
    long weight = (l != null) ? ledgerWeight(key, value) : 0;
    Generation<K, V> g;
    V old;
    long stamp = lock.readLock();
    try {
      g = current;
      old = g.map.put(key, value);
    } finally {
      lock.unlockRead(stamp);
    }
    charge(l, weight, old != value);
    afterWrite(g, (old == null) ? 1 : 0);
    return old;
  }

  @Override
  public V putIfAbsent(K key, V value) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    if (weighsWrites(value)) {
      Outcome<V> outcome = new Outcome<>();
      remap(outcome, g -> g.map.compute(key,
          (k, old) -> (old != null) ? outcome.keep(old) : outcome.admit(this, k, null, value)));
      return outcome.old;
    }
    Ledger l = ledger.get();
    long weight = (l != null) ? ledgerWeight(key, value) : 0;
    Generation<K, V> g;
    V old;
    long stamp = lock.readLock();
    try {
      g = current;
      old = g.map.putIfAbsent(key, value);
    } finally {
      lock.unlockRead(stamp);
    }
    charge(l, weight, old == null);
    afterWrite(g, (old == null) ? 1 : 0);
    return old;
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> map) {
    requireNonNull(map, "map");
    map.forEach(this::put);
  }

  @Override
  public V replace(K key, V value) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    if ((admission != null && spec.boundedByBytes()) || weighsWrites(value)) {
      return computeIfPresentReturningOld(key, (k, old) -> value);
    }
    Ledger l = ledger.get();
    long weight = (l != null) ? ledgerWeight(key, value) : 0;
    Generation<K, V> g;
    V old;
    long stamp = lock.readLock();
    try {
      g = current;
      old = g.map.replace(key, value);
    } finally {
      lock.unlockRead(stamp);
    }
    charge(l, weight, old != null && old != value);
    afterWrite(g, 0);
    return old;
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    requireNonNull(key, "key");
    requireNonNull(oldValue, "oldValue");
    requireNonNull(newValue, "newValue");
    if (chargesReplacements()) {
      boolean[] replaced = {false};
      computeIfPresent(key, (k, v) -> {
        replaced[0] = v.equals(oldValue);
        return replaced[0] ? newValue : v;
      });
      return replaced[0];
    }
    Generation<K, V> g;
    boolean replaced;
    long stamp = lock.readLock();
    try {
      g = current;
      replaced = g.map.replace(key, oldValue, newValue);
    } finally {
      lock.unlockRead(stamp);
    }
    afterWrite(g, 0);
    return replaced;
  }

  @Override
  public V remove(Object key) {
    requireNonNull(key, "key");
    if (admission != null) {
      @SuppressWarnings("unchecked")
      K k = (K) key;
      Outcome<V> outcome = new Outcome<>();
      remap(outcome, g -> g.map.computeIfPresent(k, (x, old) -> outcome.admit(this, x, old, null)));
      return outcome.old;
    }
    Generation<K, V> g;
    V old;
    long stamp = lock.readLock();
    try {
      g = current;
      old = g.map.remove(key);
    } finally {
      lock.unlockRead(stamp);
    }
    afterWrite(g, (old == null) ? 0 : -1);
    return old;
  }

  @Override
  public boolean remove(Object key, Object value) {
    requireNonNull(key, "key");
    if (value == null) {
      return false;
    }
    if (admission != null) {
      @SuppressWarnings("unchecked")
      K k = (K) key;
      Outcome<V> outcome = new Outcome<>();
      remap(outcome, g -> g.map.computeIfPresent(k, (x, old) ->
          old.equals(value) ? outcome.admit(this, x, old, null) : outcome.keep(old)));
      return outcome.sizeChange() < 0;
    }
    Generation<K, V> g;
    boolean removed;
    long stamp = lock.readLock();
    try {
      g = current;
      removed = g.map.remove(key, value);
    } finally {
      lock.unlockRead(stamp);
    }
    afterWrite(g, removed ? -1 : 0);
    return removed;
  }

  @Override
  public void clear() {
    if (admission != null) {
      // One by one, so that each removal releases its reservation atomically with it.
      for (K key : current.map.keySet()) {
        remove(key);
      }
      compactIfShrunk(CLEAR_MIN_PEAK);
      return;
    }
    long stamp = lock.readLock();
    try {
      current.map.clear();
    } finally {
      lock.unlockRead(stamp);
    }
    compactIfShrunk(CLEAR_MIN_PEAK);
  }

  @Override
  public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
    requireNonNull(key, "key");
    requireNonNull(mappingFunction, "mappingFunction");
    Outcome<V> outcome = new Outcome<>();
    return remap(outcome, g -> g.map.computeIfAbsent(key, k -> {
      V value = mappingFunction.apply(k);
      return outcome.admit(this, k, null, value);
    }));
  }

  @Override
  public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
    requireNonNull(key, "key");
    requireNonNull(remappingFunction, "remappingFunction");
    Outcome<V> outcome = new Outcome<>();
    return remap(outcome, g -> g.map.computeIfPresent(key,
        (k, old) -> outcome.admit(this, k, old, remappingFunction.apply(k, old))));
  }

  @Override
  public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
    requireNonNull(key, "key");
    requireNonNull(remappingFunction, "remappingFunction");
    Outcome<V> outcome = new Outcome<>();
    return remap(outcome, g -> g.map.compute(key,
        (k, old) -> outcome.admit(this, k, old, remappingFunction.apply(k, old))));
  }

  @Override
  public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    requireNonNull(remappingFunction, "remappingFunction");
    return compute(key, (k, old) -> (old == null) ? value : remappingFunction.apply(old, value));
  }

  private V computeIfPresentReturningOld(K key, BiFunction<? super K, ? super V, ? extends V> fn) {
    Outcome<V> outcome = new Outcome<>();
    remap(outcome, g -> g.map.computeIfPresent(key,
        (k, old) -> outcome.admit(this, k, old, fn.apply(k, old))));
    return outcome.old;
  }

  /** Runs one atomic compute under the read lock, through admission under REJECT. */
  private V remap(Outcome<V> outcome, Function<Generation<K, V>, V> operation) {
    Generation<K, V> g;
    V result;
    long stamp = lock.readLock();
    try {
      g = current;
      result = (admission == null) ? operation.apply(g) : admitted(g, outcome, operation);
    } finally {
      lock.unlockRead(stamp);
    }
    afterWrite(g, outcome.sizeChange());
    return result;
  }

  /**
   * Runs the compute until {@link Admission} grants it or says the map is full with nothing in
   * flight. A full map may still hold expired or collected entries whose reservations are not
   * yet released, so before rejecting it runs maintenance once and tries again.
   */
  private V admitted(Generation<K, V> g, Outcome<V> outcome, Function<Generation<K, V>, V> operation) {
    Admission previous = admission.enter();
    boolean mayWait = (previous != admission);
    boolean cleanedUp = false;
    try {
      for (;;) {
        outcome.reset(mayWait);
        try {
          V result = operation.apply(g);
          outcome.settle(admission);
          return result;
        } catch (Refusal refusal) {
          if (refusal == Refusal.BUSY) {
            mayWait = admission.awaitSettled();
          } else if (!cleanedUp) {
            cleanedUp = true;
            g.cache.cleanUp();
          } else {
            metrics.recordRejection();
            throw new CapacityExceededException(outcome.budgetRefused
                ? account.fullMessage(outcome.budgetNeeded) : admission.describeBound(name));
          }
        } catch (RuntimeException | Error e) {
          outcome.abandon(admission);
          throw e;
        }
      }
    } finally {
      Admission.exit(previous);
    }
  }

  /**
   * Whether {@code replace(key, old, new)} must run as a compute: to reserve the difference in
   * weight under REJECT, or to see which stored instance it replaced, which decides whether the
   * ledger is charged (a plain {@code replace} does not tell).
   */
  private boolean chargesReplacements() {
    return (admission != null && spec.boundedByBytes()) || ledger.get() != null;
  }

  /**
   * Whether storing this value must run as an atomic compute: to reserve under REJECT, or to
   * attach a nested collection to its entry atomically with the store (attached afterwards, it
   * could outlive an entry removed meanwhile).
   */
  private boolean weighsWrites(V value) {
    return admission != null || (value instanceof Attachable && ledger.get() != null);
  }

  /**
   * After a plain write: charges the ledger, if any, with the weight of a value that was
   * stored. Caffeine reports a replaced value as {@code REPLACED} exactly when the stored
   * instance changed, and that removal releases the old weight, so the two always pair up.
   */
  private static void charge(Ledger l, long weight, boolean stored) {
    if (l != null && stored) {
      l.charge(weight);
    }
  }

  /**
   * Under REJECT, inside the atomic compute that changes {@code key}: reserves what a stored
   * value adds, or announces a removal whose release the listener will make. Throws a
   * {@link Refusal}, before anything changes, when the reservation is not granted.
   */
  void admit(Outcome<V> outcome, K key, V old, V value) {
    if (value == old) {
      return;
    }
    if (admission != null) {
      if (value == null) {
        admission.removing();
        return;
      }
      admitEntry(outcome, key, old, value);
    }
    Ledger l = ledger.get();
    if (l == null || value == null) {
      return;
    }
    // Charges the new value's whole weight: the REPLACED removal of the old one releases its own.
    long weight = ledgerWeight(key, value);
    if (l == account && spec.rejects() && old != null) {
      long delta = weight - ledgerWeight(key, old);
      if (delta > 0 && !account.tryReserve(delta)) {
        outcome.abandon(admission);
        outcome.budgetRefused = true;
        outcome.budgetNeeded = delta;
        throw Refusal.FULL;
      }
      l.charge(weight - Math.max(delta, 0));
    } else if (l == account && spec.rejects()) {
      if (!account.tryReserve(weight)) {
        outcome.abandon(admission);
        outcome.budgetRefused = true;
        outcome.budgetNeeded = weight;
        throw Refusal.FULL;
      }
    } else {
      l.charge(weight);
    }
    outcome.charged(l, weight);
    Nesting.attach(value, l, key);
  }

  /** Under REJECT: reserves the entry (and its bytes under a byte bound) in the admission. */
  private void admitEntry(Outcome<V> outcome, K key, V old, V value) {
    long entries = (old == null) ? 1 : 0;
    long added = 0;
    long freed = 0;
    if (spec.boundedByBytes()) {
      long delta = weigh(key, value) - ((old == null) ? 0 : weigh(key, old));
      added = Math.max(0, delta);
      freed = Math.max(0, -delta);
    }
    if (entries == 0 && added == 0 && freed == 0) {
      return;
    }
    switch (admission.reserve(entries, added, outcome.mayWait)) {
      case ADMITTED:
        outcome.reserved(entries, added, freed);
        return;
      case BUSY:
        throw Refusal.BUSY;
      default:
        throw Refusal.FULL;
    }
  }

  /** Thrown through the backing compute to abandon it unchanged; never escapes this class. */
  static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Refusal BUSY = new Refusal("busy");
    static final Refusal FULL = new Refusal("full");

    private Refusal(String message) {
      super(message, null, false, false);
    }
  }


  /** What an entry is charged to its ledger: a nested collection as its shell. */
  long ledgerWeight(K key, V value) {
    Weigher<? super K, ? super V> w = spec.weigher();
    return Nesting.weight((w != null) ? w : Weigher.estimatingRetainedBytes(), key, value);
  }

  /** The entry's weight, checked, and clamped to Caffeine's per-entry limit on either policy. */
  long weigh(K key, V value) {
    long weight = spec.budgeted() ? ledgerWeight(key, value) : spec.weigher().weigh(key, value);
    if (weight < 0) {
      throw new IllegalArgumentException("weight must not be negative: " + weight);
    }
    return Math.min(weight, Integer.MAX_VALUE);
  }

  /**
   * After every write, outside the lock: enforce the bound, note the peak, and rebuild the
   * backing store if the content shrank (by this write, or by expired or collected entries
   * that its maintenance reclaimed).
   */
  private void afterWrite(Generation<K, V> g, int sizeChange) {
    if (sizeChange > 0) {
      metrics.recordInsertion();
    }
    Ledger l = ledger.get();
    if (l != null) {
      l.settle();
    }
    // Only writers hold the read lock, so a count of zero means no write is in flight: this one
    // is the last, and settles what all of them left pending. Earlier ones skip the blocking
    // cleanUp that would make concurrent writers queue on Caffeine's eviction lock.
    if (admission == null && lock.getReadLockCount() == 0) {
      if (spec.boundedByBytes()) {
        g.cache.cleanUp();
      } else if (sizeChange > 0 && g.cache.estimatedSize() > spec.maximumSize()) {
        g.cache.cleanUp();
      }
    }
    long size = g.cache.estimatedSize();
    if (sizeChange > 0) {
      notePeak(size);
    }
    compactIfShrunk(size, COMPACTION_MIN_PEAK);
  }

  private void notePeak(long size) {
    if (size > highWater) {
      highWater = size;
      Generation<K, V> g = current;
      long table = g.table;
      if (size >= table - (table >>> 2)) {     // ConcurrentHashMap doubles at three quarters
        modelGrowth(g, size);
      }
    }
    // A concurrent writer may see an entry that another writer's cleanUp is about to evict:
    // that is pending work, not retained state, so the peak never reports more than the bound.
    long observed = Math.min(size, spec.bound());
    if (observed > peakSize.get()) {
      peakSize.accumulateAndGet(observed, Math::max);
    }
  }

  /** Doubles the modeled table of {@code g} as {@code ConcurrentHashMap} did to hold {@code size}. */
  private void modelGrowth(Generation<K, V> g, long size) {
    synchronized (g) {
      long from = g.table;
      long to = ConcurrentTable.after(from, size);
      if (to > from) {
        g.modelTable(to);
        for (long n = from; n < to; n <<= 1) {
          Resizes.resized(metrics, name, n, n << 1);
        }
      }
    }
  }

  // ---------------------------------------------------------------- compaction

  /** Rebuilds the backing cache if the size is at most a quarter of the high water. */
  void compactIfShrunk(long minimumPeak) {
    compactIfShrunk(current.cache.estimatedSize(), minimumPeak);
  }

  private void compactIfShrunk(long observedSize, long minimumPeak) {
    long peak = highWater;
    if (peak < minimumPeak || observedSize * SHRINK_FACTOR > peak) {
      return;
    }
    long stamp = lock.tryWriteLock();
    if (stamp == 0) {
      return; // another thread is inside an operation; the next write or sweep retries
    }
    try {
      Generation<K, V> old = current;
      if (highWater >= minimumPeak && old.cache.estimatedSize() * SHRINK_FACTOR <= highWater) {
        rebuild(old);
      }
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** Copies the live entries into a cache sized for them. Holds the write lock. */
  private void rebuild(Generation<K, V> old) {
    long frozenAt = old.freezeTime();
    old.cache.cleanUp();
    long size = old.cache.estimatedSize();
    int capacity = (int) Math.min(Integer.MAX_VALUE, Math.max(size, spec.initialCapacity()));
    Generation<K, V> fresh = Generation.create(this, capacity);
    List<Entry<K, V>> expiredDuringCopy = new ArrayList<>();
    old.retired = true;
    try {
      for (Entry<K, V> e : old.map.entrySet()) {
        if (!fresh.copy(old, e.getKey(), e.getValue(), frozenAt)) {
          expiredDuringCopy.add(new SimpleImmutableEntry<>(e.getKey(), e.getValue()));
        }
      }
    } catch (RuntimeException | Error e) {
      fresh.retired = true;
      old.retired = false;
      old.unfreezeTime();
      LOGGER.log(System.Logger.Level.WARNING, "compaction of " + name + " failed; kept as is", e);
      return;
    }
    long freshSize = fresh.cache.estimatedSize();
    fresh.modelTable(ConcurrentTable.after(fresh.table, freshSize));
    current = fresh;
    highWater = freshSize;
    Resizes.resized(metrics, name, old.table, fresh.table);
    for (Entry<K, V> e : expiredDuringCopy) {
      onRemoval(e.getKey(), e.getValue(), RemovalCause.EXPIRED);
    }
  }

  /**
   * Called by the shared sweeper thread to run Caffeine's scheduled expiry for a generation.
   * Caffeine expires a bounded batch of entries per maintenance run and, with a same-thread
   * executor, would wait a whole pacing interval before the next batch; so the sweep repeats
   * maintenance while it makes progress, up to {@value #SWEEP_BATCHES} batches, and then hands
   * the thread to other collections by rescheduling itself at once.
   */
  void sweep(Generation<K, V> g, Runnable caffeineCleanup, Sweeps sweeps) {
    long stamp = lock.tryReadLock();
    if (stamp == 0) {
      sweeps.retryLater(); // a rebuild is running; it will schedule its own sweeps
      return;
    }
    boolean drained = true;
    try {
      if (!g.retired) {
        caffeineCleanup.run();
        drained = drainExpired(g);
      }
    } finally {
      lock.unlockRead(stamp);
    }
    if (!drained) {
      sweeps.continueNow();
    }
    compactIfShrunk(COMPACTION_MIN_PEAK);
  }

  /** Runs maintenance until a run removes nothing; false if the batch budget ran out first. */
  private static boolean drainExpired(Generation<?, ?> g) {
    for (int batch = 0; batch < SWEEP_BATCHES; batch++) {
      long before = g.cache.estimatedSize();
      g.cache.cleanUp();
      if (g.cache.estimatedSize() >= before) {
        return true;
      }
    }
    return false;
  }

  /** How a sweep asks to run again. */
  interface Sweeps {
    /** After a short delay, because a rebuild holds the map. */
    void retryLater();

    /** As soon as the sweeper is free, because expired entries remain. */
    void continueNow();
  }

  @Override
  public void cleanUp() {
    current.cache.cleanUp();
    compactIfShrunk(COMPACTION_MIN_PEAK);
  }

  // ---------------------------------------------------------------- removal notifications

  /** Every removal from the current generation, on the thread that caused it. */
  void onRemoval(K key, V value, RemovalCause cause) {
    // only budget members evict for a budget: others skip the thread-local lookup
    BudgetEviction eviction = (account != null) ? EVICTING.get() : null;
    boolean forBudget = eviction != null && eviction.map == this && cause == RemovalCause.EXPLICIT;
    if (forBudget) {
      cause = RemovalCause.SIZE;
    }
    Ledger l = ledger.get();
    if (l != null) {
      release(l, key, value, cause, forBudget ? eviction : null);
    }
    metrics.recordRemoval(cause);
    if (admission != null && cause != RemovalCause.REPLACED) {
      long freed = 0;
      try {
        freed = spec.boundedByBytes() ? weigh(key, value) : 0;
      } catch (RuntimeException e) {
        LOGGER.log(System.Logger.Level.WARNING, "weigher failed while releasing an entry of "
            + name + "; its bytes stay charged", e);
      }
      admission.released(freed, cause == RemovalCause.EXPLICIT);
    }
    RemovalListener<? super K, ? super V> listener = spec.removalListener();
    if (listener != null) {
      try {
        listener.onRemoval(key, value, cause);
      } catch (RuntimeException e) {
        LOGGER.log(System.Logger.Level.WARNING, "removal listener of " + name + " threw", e);
      }
    }
  }

  /**
   * Gives a removed or replaced value's bytes back to the ledger and detaches a nested
   * collection; counts a budget eviction.
   */
  private void release(Ledger l, K key, V value, RemovalCause cause, BudgetEviction eviction) {
    long freed = Nesting.detach(value, l, key);
    try {
      long weight = ledgerWeight(key, value);
      l.charge(-weight);
      freed += weight;
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "weigher failed while releasing an entry of "
          + name + "; its bytes stay charged to its budget", e);
    }
    if (eviction != null) {
      eviction.freed += freed;
      account.recordEviction();
    } else if (account != null && cause == RemovalCause.SIZE && !spec.boundedBySize()) {
      account.recordEviction(); // Caffeine evicted at the map's maximum share of the budget
    }
  }

  /** Whether any removal must reach {@link #onRemoval}; if not, Caffeine needs no listener. */
  boolean observesRemovals() {
    return spec.recordMetrics() || spec.removalListener() != null || spec.rejects()
        || ledger.get() != null;
  }

  // ---------------------------------------------------------------- nesting

  /**
   * Counts this map as part of an outer map's entry: charges what it holds now (attaching the
   * collections among its values in turn) and everything it stores from now on. A backing cache
   * built without a removal listener is first rebuilt with one, under the write lock.
   */
  @Override
  public void attachTo(Ledger outer, Object key) {
    Attachment link = ledger.attach(outer, key);
    if (link == null) {
      return;
    }
    if (!current.observesRemovals) {
      long stamp = lock.writeLock();
      try {
        if (!current.observesRemovals) {
          rebuild(current);
        }
      } finally {
        lock.unlockWrite(stamp);
      }
    }
    Nesting.chargeContent(link, current.map.entrySet(), this::ledgerWeight);
  }

  @Override
  public long detachFrom(Ledger outer, Object key) {
    return ledger.detach(outer, key);
  }

  @Override
  public long shellBytes() {
    return SHELL_BYTES;
  }

  // ---------------------------------------------------------------- budget

  /**
   * Evicts the coldest entries by Caffeine's policy until {@code bytes} are freed: takes a
   * snapshot of the coldest few (Caffeine's {@code coldest}, which runs maintenance first and
   * walks its eviction order) and removes each if still mapped to the same value, reporting the
   * removal as {@code SIZE}. Any thread may call it.
   */
  @Override
  public long evictForBudget(long bytes) {
    BudgetEviction eviction = new BudgetEviction(this);
    BudgetEviction previous = EVICTING.get();
    EVICTING.set(eviction);
    try {
      while (eviction.freed < bytes) {
        long before = eviction.freed;
        long stamp = lock.readLock();
        try {
          Generation<K, V> g = current;
          Map<K, V> coldest = g.cache.policy().eviction()
              .map(e -> e.coldest(batchFor(bytes - eviction.freed)))
              .orElse(Map.of());
          for (Entry<K, V> e : coldest.entrySet()) {
            if (eviction.freed >= bytes) {
              break;
            }
            g.map.remove(e.getKey(), e.getValue());
          }
        } finally {
          lock.unlockRead(stamp);
        }
        if (eviction.freed == before) {
          break;
        }
      }
    } finally {
      if (previous == null) {
        EVICTING.remove();
      } else {
        EVICTING.set(previous);
      }
    }
    compactIfShrunk(COMPACTION_MIN_PEAK);
    return eviction.freed;
  }

  /** How many of the coldest entries to look at to free {@code bytes}, by the average weight. */
  private int batchFor(long bytes) {
    long size = Math.max(1, current.cache.estimatedSize());
    long average = Math.max(1, account.usedBytes() / size);
    return (int) Math.max(1, Math.min(BUDGET_EVICTION_BATCH, bytes / average + 1));
  }

  /** One {@link #evictForBudget} call: the map it evicts from and the bytes freed so far. */
  private static final class BudgetEviction {
    final CaffeineBoundedMap<?, ?> map;
    long freed;

    BudgetEviction(CaffeineBoundedMap<?, ?> map) {
      this.map = map;
    }
  }

  // ---------------------------------------------------------------- SafeCollection

  @Override
  public String name() {
    return name;
  }

  @Override
  public CollectionMetrics metrics() {
    CollectionMetrics.Builder b = CollectionMetrics.builder()
        .size(longSize())
        .bound(spec.bound())
        .peakSize(peakSize.get())
        .capacity(current.table);
    if (spec.boundedByBytes()) {
      long bytes = (admission != null) ? admission.bytes() : current.weightedSize();
      b.bytes(spec.maximumBytes(), Math.max(0, bytes));
    } else if (account != null) {
      b.bytes(account.maximumBytes(), Math.max(0, account.usedBytes()));
      b.budget((BudgetMetrics) account.budget().publicMetrics());
    } else {
      b.estimatedBytes(structureBytes());
    }
    metrics.snapshot(b);
    return b.build();
  }

  /**
   * Caffeine's fixed parts, the modeled table, a node per entry in Caffeine and in its map
   * (sizes by JOL for each kind of node), and the frequency sketch of a size-bounded cache, which
   * Caffeine allocates at its full size when the cache first fills halfway.
   */
  private long structureBytes() {
    Generation<K, V> g = current;
    long size = Math.max(0, g.cache.estimatedSize());
    long bytes = SHELL_BYTES + Footprint.array(g.table, Footprint.REFERENCE) + size * nodeBytes;
    if (spec.boundedBySize() && highWater >= spec.maximumSize() / 2) {
      long slots = Long.highestOneBit(Math.max(1, Math.min(spec.maximumSize(), 1 << 30)) * 2 - 1);
      bytes += Footprint.array(slots, Long.BYTES);
    }
    return bytes;
  }

  // ---------------------------------------------------------------- views

  @Override
  public Set<K> keySet() {
    Set<K> ks = keySet;
    return (ks != null) ? ks : (keySet = new KeySet());
  }

  @Override
  public Collection<V> values() {
    Collection<V> vs = values;
    return (vs != null) ? vs : (values = new Values());
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    Set<Entry<K, V>> es = entrySet;
    return (es != null) ? es : (entrySet = new EntrySet());
  }

  /** Weakly consistent; writes go through the map so bounds, metrics and locks apply. */
  private final class EntryIterator implements Iterator<Entry<K, V>> {
    private final Iterator<Entry<K, V>> delegate = current.map.entrySet().iterator();
    private K lastKey;

    @Override
    public boolean hasNext() {
      return delegate.hasNext();
    }

    @Override
    public Entry<K, V> next() {
      Entry<K, V> e = delegate.next();
      lastKey = e.getKey();
      return new WriteThroughEntry(e.getKey(), e.getValue());
    }

    @Override
    public void remove() {
      if (lastKey == null) {
        throw new IllegalStateException("next() was not called, or remove() was already called");
      }
      CaffeineBoundedMap.this.remove(lastKey);
      lastKey = null;
    }
  }

  private final class WriteThroughEntry extends SimpleEntry<K, V> {
    private static final long serialVersionUID = 1L;

    WriteThroughEntry(K key, V value) {
      super(key, value);
    }

    @Override
    public V setValue(V value) {
      requireNonNull(value, "value");
      put(getKey(), value);
      return super.setValue(value);
    }
  }

  private final class EntrySet extends AbstractSet<Entry<K, V>> {
    @Override
    public Iterator<Entry<K, V>> iterator() {
      return new EntryIterator();
    }

    @Override
    public int size() {
      return CaffeineBoundedMap.this.size();
    }

    @Override
    public boolean isEmpty() {
      return CaffeineBoundedMap.this.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
      if (!(o instanceof Entry<?, ?>)) {
        return false;
      }
      Entry<?, ?> e = (Entry<?, ?>) o;
      if (e.getKey() == null || e.getValue() == null) {
        return false;
      }
      V value = read(e.getKey());
      return value != null && value.equals(e.getValue());
    }

    @Override
    public boolean remove(Object o) {
      if (!(o instanceof Entry<?, ?>)) {
        return false;
      }
      Entry<?, ?> e = (Entry<?, ?>) o;
      return e.getKey() != null && CaffeineBoundedMap.this.remove(e.getKey(), e.getValue());
    }

    @Override
    public void clear() {
      CaffeineBoundedMap.this.clear();
    }
  }

  private final class KeySet extends AbstractSet<K> {
    @Override
    public Iterator<K> iterator() {
      Iterator<Entry<K, V>> entries = new EntryIterator();
      return new Iterator<K>() {
        @Override public boolean hasNext() { return entries.hasNext(); }
        @Override public K next() { return entries.next().getKey(); }
        @Override public void remove() { entries.remove(); }
      };
    }

    @Override
    public int size() {
      return CaffeineBoundedMap.this.size();
    }

    @Override
    public boolean isEmpty() {
      return CaffeineBoundedMap.this.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
      return containsKey(o);
    }

    @Override
    public boolean remove(Object o) {
      return CaffeineBoundedMap.this.remove(o) != null;
    }

    @Override
    public void clear() {
      CaffeineBoundedMap.this.clear();
    }
  }

  private final class Values extends AbstractCollection<V> {
    @Override
    public Iterator<V> iterator() {
      Iterator<Entry<K, V>> entries = new EntryIterator();
      return new Iterator<V>() {
        @Override public boolean hasNext() { return entries.hasNext(); }
        @Override public V next() { return entries.next().getValue(); }
        @Override public void remove() { entries.remove(); }
      };
    }

    @Override
    public int size() {
      return CaffeineBoundedMap.this.size();
    }

    @Override
    public boolean isEmpty() {
      return CaffeineBoundedMap.this.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
      return containsValue(o);
    }

    @Override
    public void clear() {
      CaffeineBoundedMap.this.clear();
    }
  }

  /** What one compute did: the old value, the change in size and what it reserved. */
  private static final class Outcome<V> {
    V old;
    int sizeChange;
    boolean mayWait = true;
    private boolean reserved;
    private long reservedEntries;
    private long addedBytes;
    private long freedBytes;
    /** What this write charged its ledger, and which. */
    long charged;
    Ledger chargedTo;
    boolean budgetRefused;
    long budgetNeeded;

    void reset(boolean wait) {
      old = null;
      sizeChange = 0;
      mayWait = wait;
      reserved = false;
      charged = 0;
      chargedTo = null;
      budgetRefused = false;
    }

    void charged(Ledger l, long bytes) {
      chargedTo = l;
      charged = bytes;
    }

    V keep(V existing) {
      old = existing;
      return existing;
    }

    <K> V admit(CaffeineBoundedMap<K, V> map, K key, V existing, V value) {
      map.admit(this, key, existing, value);
      old = existing;
      sizeChange = (existing == null) ? ((value == null) ? 0 : 1) : ((value == null) ? -1 : 0);
      return value;
    }

    void reserved(long entries, long added, long freed) {
      reserved = true;
      reservedEntries = entries;
      addedBytes = added;
      freedBytes = freed;
    }

    /** The compute returned: what it reserved is stored. */
    void settle(Admission admission) {
      if (reserved) {
        admission.stored(freedBytes);
        reserved = false;
      }
    }

    /** The compute failed: give back what it reserved in the admission and the budget. */
    void abandon(Admission admission) {
      if (reserved) {
        admission.abandoned(reservedEntries, addedBytes);
        reserved = false;
      }
      if (chargedTo != null) {
        chargedTo.charge(-charged);
        chargedTo = null;
      }
    }

    int sizeChange() {
      return sizeChange;
    }
  }
}
