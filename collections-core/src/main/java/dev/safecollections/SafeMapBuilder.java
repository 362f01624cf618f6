package dev.safecollections;

import static dev.safecollections.internal.Checks.requireNonNull;
import static dev.safecollections.internal.Checks.requirePositive;
import static dev.safecollections.internal.Checks.requireState;
import static dev.safecollections.internal.Checks.requireUnset;

import dev.safecollections.internal.Live;
import dev.safecollections.internal.Checks;
import dev.safecollections.internal.MapSpec;
import dev.safecollections.internal.MapSpec.ValueStrength;
import dev.safecollections.internal.caffeine.CaffeineBoundedMap;
import dev.safecollections.internal.jctools.LockFreeLong2ObjectMap;
import java.time.Duration;
import java.util.StringJoiner;

/**
 * Builds a {@link ConcurrentBoundedMap}, a lock-free {@link ConcurrentBoundedLong2ObjectMap}
 * ({@link #buildConcurrentLongToObject()}) or, after {@link #singleThreaded()}, a map for one
 * thread. Obtain one from {@link SafeMaps#builder()}.
 *
 * <p>Rules, as Caffeine's builder: each option may be set once (a second call throws
 * {@link IllegalStateException} naming the earlier value); a bad value throws
 * {@link IllegalArgumentException} naming the parameter and the value; checks that span
 * options run in {@link #build()}; {@code build()} does not change the builder, so one
 * builder can build many maps. A builder is not thread-safe.
 *
 * <p>A map must have a bound: {@link #maximumSize(long)}, {@link #maximumBytes(long)} or a
 * shared {@link #budget(MemoryBudget)}. {@code build()} without one fails.
 *
 * @param <K> the key type of the maps this builder builds
 * @param <V> the value type of the maps this builder builds
 */
public final class SafeMapBuilder<K, V> {
  private static final long UNSET = MapSpec.UNSET;

  private String name;
  private long maximumSize = UNSET;
  private long maximumBytes = UNSET;
  private Weigher<? super K, ? super V> weigher;
  private Duration expireAfterWrite;
  private Duration expireAfterAccess;
  private OverflowPolicy overflowPolicy;
  private RemovalListener<? super K, ? super V> removalListener;
  private boolean weakKeys;
  private ValueStrength valueStrength;
  private Ticker ticker;
  private boolean recordMetrics;
  private int initialCapacity = (int) UNSET;
  private final BudgetSettings budget = new BudgetSettings();

  SafeMapBuilder() {}

  /**
   * Bounds the map to this many entries. What happens at the bound is set by
   * {@link #overflowPolicy(OverflowPolicy)}: by default the map evicts entries it judges least
   * likely to be used again (Caffeine's W-TinyLFU).
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   * @throws IllegalStateException if the maximum size was already set
   */
  public SafeMapBuilder<K, V> maximumSize(long maximumSize) {
    requireUnset(this.maximumSize == UNSET ? null : this.maximumSize, "maximum size");
    this.maximumSize = requirePositive(maximumSize, "maximum size");
    return this;
  }

  /**
   * Bounds the map by the total weight of its entries in bytes. Entries are weighed by
   * {@link #weigher(Weigher)} if one is set, otherwise by
   * {@link Weigher#estimatingRetainedBytes()}.
   *
   * @throws IllegalArgumentException if {@code maximumBytes} is not positive
   * @throws IllegalStateException if the maximum bytes were already set
   */
  public SafeMapBuilder<K, V> maximumBytes(long maximumBytes) {
    requireUnset(this.maximumBytes == UNSET ? null : this.maximumBytes, "maximum bytes");
    this.maximumBytes = requirePositive(maximumBytes, "maximum bytes");
    return this;
  }

  /**
   * Weighs entries for {@link #maximumBytes(long)} with this weigher instead of the built-in
   * estimator.
   *
   * @throws NullPointerException if {@code weigher} is null
   * @throws IllegalStateException if a weigher was already set
   */
  public <K1 extends K, V1 extends V> SafeMapBuilder<K1, V1> weigher(
      Weigher<? super K1, ? super V1> weigher) {
    requireNonNull(weigher, "weigher");
    requireUnset(this.weigher, "weigher");
    @SuppressWarnings("unchecked")
    SafeMapBuilder<K1, V1> self = (SafeMapBuilder<K1, V1>) this;
    self.weigher = weigher;
    return self;
  }

  /**
   * Expires each entry this long after it was created or its value last replaced. Expired
   * entries are never returned and are reclaimed while the map is idle by a shared sweeper.
   *
   * @throws NullPointerException if {@code ttl} is null
   * @throws IllegalArgumentException if {@code ttl} is zero or negative
   * @throws IllegalStateException if expire-after-write was already set
   */
  public SafeMapBuilder<K, V> expireAfterWrite(Duration ttl) {
    requireUnset(expireAfterWrite, "expire after write");
    expireAfterWrite = requirePositive(ttl, "ttl");
    return this;
  }

  /**
   * Expires each entry this long after it was last read or written. Cannot be combined with
   * {@link #expireAfterWrite(Duration)}.
   *
   * @throws NullPointerException if {@code ttl} is null
   * @throws IllegalArgumentException if {@code ttl} is zero or negative
   * @throws IllegalStateException if expire-after-access was already set
   */
  public SafeMapBuilder<K, V> expireAfterAccess(Duration ttl) {
    requireUnset(expireAfterAccess, "expire after access");
    expireAfterAccess = requirePositive(ttl, "ttl");
    return this;
  }

  /**
   * Sets what happens when a write would take the map past its bound: {@link OverflowPolicy#EVICT}
   * (the default) or {@link OverflowPolicy#REJECT}.
   *
   * @throws NullPointerException if {@code policy} is null
   * @throws IllegalStateException if the overflow policy was already set
   */
  public SafeMapBuilder<K, V> overflowPolicy(OverflowPolicy policy) {
    requireNonNull(policy, "policy");
    requireUnset(overflowPolicy, "overflow policy");
    overflowPolicy = policy;
    return this;
  }

  /**
   * Tells this listener of every removal with its {@link RemovalCause}. The listener runs
   * synchronously on the thread that caused the removal; see {@link RemovalListener}.
   *
   * @throws NullPointerException if {@code listener} is null
   * @throws IllegalStateException if a removal listener was already set
   */
  public <K1 extends K, V1 extends V> SafeMapBuilder<K1, V1> removalListener(
      RemovalListener<? super K1, ? super V1> listener) {
    requireNonNull(listener, "listener");
    requireUnset(removalListener, "removal listener");
    @SuppressWarnings("unchecked")
    SafeMapBuilder<K1, V1> self = (SafeMapBuilder<K1, V1>) this;
    self.removalListener = listener;
    return self;
  }

  /**
   * Holds keys weakly: an entry is dropped ({@link RemovalCause#COLLECTED}) once its key is
   * otherwise unreachable. Keys are then compared by identity ({@code ==}), not {@code equals},
   * which departs from the {@link java.util.Map} contract.
   *
   * @throws IllegalStateException if weak keys were already set
   */
  public SafeMapBuilder<K, V> weakKeys() {
    requireState(!weakKeys, "weak keys were already set");
    weakKeys = true;
    return this;
  }

  /**
   * Holds values weakly: an entry is dropped ({@link RemovalCause#COLLECTED}) once its value is
   * otherwise unreachable. Values are then compared by identity in {@code remove(key, value)}
   * and {@code replace(key, old, new)}.
   *
   * @throws IllegalStateException if the value strength was already set
   */
  public SafeMapBuilder<K, V> weakValues() {
    requireUnset(valueStrength, "value strength");
    valueStrength = ValueStrength.WEAK;
    return this;
  }

  /**
   * Holds values softly: the garbage collector drops entries ({@link RemovalCause#COLLECTED})
   * when memory runs short. Prefer a real bound; soft references are a last resort.
   *
   * @throws IllegalStateException if the value strength was already set
   */
  public SafeMapBuilder<K, V> softValues() {
    requireUnset(valueStrength, "value strength");
    valueStrength = ValueStrength.SOFT;
    return this;
  }

  /**
   * Reads time for expiry from this ticker instead of {@link System#nanoTime()}; for tests.
   *
   * @throws NullPointerException if {@code ticker} is null
   * @throws IllegalStateException if a ticker was already set
   */
  public SafeMapBuilder<K, V> ticker(Ticker ticker) {
    requireNonNull(ticker, "ticker");
    requireUnset(this.ticker, "ticker");
    this.ticker = ticker;
    return this;
  }

  /**
   * Names the map in its metrics and {@code toString}.
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is blank
   * @throws IllegalStateException if a name was already set
   */
  public SafeMapBuilder<K, V> name(String name) {
    Checks.requireName(name);
    requireUnset(this.name, "name");
    this.name = name;
    return this;
  }

  /**
   * Keeps exact counters (hits, misses, insertions, removals by cause, rejections) for
   * {@link SafeCollection#metrics()}. Without it those counters stay zero and cost nothing.
   *
   * @throws IllegalStateException if metrics recording was already turned on
   */
  public SafeMapBuilder<K, V> recordMetrics() {
    requireState(!recordMetrics, "metrics recording was already turned on");
    recordMetrics = true;
    return this;
  }

  /**
   * Presizes the backing table for this many entries. The hint is clamped to the maximum size,
   * so a presize never allocates beyond the bound.
   *
   * @throws IllegalArgumentException if {@code initialCapacity} is negative
   * @throws IllegalStateException if the initial capacity was already set
   */
  public SafeMapBuilder<K, V> initialCapacity(int initialCapacity) {
    requireUnset(this.initialCapacity == UNSET ? null : this.initialCapacity, "initial capacity");
    this.initialCapacity = (int) Checks.requireNonNegative(initialCapacity, "initial capacity");
    return this;
  }

  /**
   * Makes the map a member of this shared budget: the estimated bytes of all its members
   * together stay within the budget's limit, and the map evicts (or, under {@link
   * OverflowPolicy#REJECT}, refuses) as {@link MemoryBudget} describes. A budget is a bound on
   * its own; it may be combined with {@link #maximumSize(long)}, not with {@link
   * #maximumBytes(long)}. Entries are weighed by {@link #weigher(Weigher)} if one is set,
   * otherwise by {@link Weigher#estimatingRetainedBytes()}.
   *
   * <p>A value that is itself a safe map, set or object list with no budget of its own is
   * weighed as its key plus a small fixed shell (the weigher is not asked), and its content is
   * counted as part of the entry from the moment it is stored: it re-weighs the entry as it
   * grows or shrinks, and the entry's removal, replacement or eviction gives its bytes back. A
   * collection is counted under one entry at a time; stored under a second key, or in a second
   * map, it counts there as its shell only. Attaching walks the inner collection once; after
   * that each of its writes charges only the difference it makes. A collection attached while
   * other threads write to it may be counted off by the entries written during the walk, and one
   * that leaves its entry and is stored again counts the collections nested in it as shells.
   *
   * @throws NullPointerException if {@code budget} is null
   * @throws IllegalStateException if a budget was already set
   */
  public SafeMapBuilder<K, V> budget(MemoryBudget budget) {
    this.budget.budget(budget);
    return this;
  }

  /**
   * Sets this map's shares of its {@link #budget(MemoryBudget)}, as fractions of the limit: other
   * members make it evict only what it holds above {@code minimumShare} (by whole entries), and
   * it never holds more than {@code maximumShare} once its writes return. Without this
   * call the shares are 0 and 1. The minimum shares of a budget's
   * live members must add up to at most 1; {@code build()} checks.
   *
   * @throws IllegalArgumentException if a share is outside [0, 1], {@code maximumShare} is 0, or
   *     {@code minimumShare} is greater than {@code maximumShare}
   * @throws IllegalStateException if the shares were already set
   */
  public SafeMapBuilder<K, V> budgetShares(double minimumShare, double maximumShare) {
    budget.shares(minimumShare, maximumShare);
    return this;
  }

  /**
   * Builds a thread-safe map with these settings. The builder is unchanged and may build again.
   *
   * @throws IllegalStateException if no bound was set, or the options conflict: both a maximum
   *     size and maximum bytes; maximum bytes and a budget; a weigher without maximum bytes or a
   *     budget; budget shares without a budget; a budget with weak keys or weak or soft values;
   *     both expire-after-write and expire-after-access; {@link OverflowPolicy#REJECT} with
   *     maximum bytes and weak or soft values (a collected value could not be weighed to release
   *     its bytes); minimum shares of the budget's members that would add up to more than 1
   */
  public <K1 extends K, V1 extends V> ConcurrentBoundedMap<K1, V1> build() {
    return Live.track(name, recordMetrics, buildCaffeine());
  }

  /** Lists {@code c}, built from these settings, for the metrics registry if they ask for it. */
  <T extends SafeCollection> T track(T c) {
    return Live.track(name, recordMetrics, c);
  }

  /** Builds as {@link #build()} does, without listing the map for the metrics registry. */
  <K1 extends K, V1 extends V> CaffeineBoundedMap<K1, V1> buildCaffeine() {
    return new CaffeineBoundedMap<>(this.<K1, V1>spec());
  }

  /**
   * Builds a lock-free map from {@code long} keys with these settings: see {@link
   * ConcurrentBoundedLong2ObjectMap} for its bound (sampled approximate-LRU eviction, or
   * REJECT), expiry and storage. It takes maximum size, a budget (with a weigher and shares),
   * expire-after-write, overflow policy, removal listener, ticker, name, metrics and initial
   * capacity. The builder is unchanged and
   * may build again.
   *
   * @throws IllegalStateException as {@link #build()}, or if an option the lock-free map cannot
   *     honour was set: maximum bytes, expire-after-access, weak keys, weak or soft values
   */
  public <V1 extends V> ConcurrentBoundedLong2ObjectMap<V1> buildConcurrentLongToObject() {
    @SuppressWarnings("unchecked")
    MapSpec<Long, V1> spec = (MapSpec<Long, V1>) (MapSpec<?, ?>) this.<K, V1>spec();
    requireState(maximumBytes == UNSET, "a lock-free map is bounded by maximumSize(long) or a "
        + "budget, not maximum bytes (" + maximumBytes + ")");
    requireState(expireAfterAccess == null, "a lock-free map expires after write, not after "
        + "access (" + expireAfterAccess + ")");
    requireState(!weakKeys && valueStrength == null, "a lock-free map holds keys and values "
        + "strongly: drop weakKeys(), weakValues() and softValues()");
    return Live.track(name, recordMetrics, new LockFreeLong2ObjectMap<>(spec));
  }

  /**
   * Turns to a map for one thread: returns a builder whose {@code build()} gives a
   * {@link BoundedMap} that is not thread-safe (like {@code HashMap}, and not a
   * {@link java.util.concurrent.ConcurrentMap}), evicts in exact LRU or FIFO order, and whose
   * {@code buildLongToLong()} and kin give primitive-specialized maps. The returned builder
   * builds from this builder's settings as they are when it builds; set them first.
   *
   * <p>Single-threaded maps take every setting that needs no second thread: maximum size, maximum
   * bytes (object maps only), a budget, a weigher, expiry, overflow policy, removal listener
   * (object maps only), ticker, name, metrics and initial capacity. The build methods of the
   * returned builder fail on the others (weak keys, weak or soft values).
   */
  public SingleThreadedMapBuilder<K, V> singleThreaded() {
    return new SingleThreadedMapBuilder<>(this);
  }

  /**
   * The settings for a single-threaded map: those {@link #build()} checks, and what a table
   * confined to one thread can honour.
   */
  <K1 extends K, V1 extends V> MapSpec<K1, V1> singleThreadedSpec(boolean primitive) {
    MapSpec<K1, V1> spec = spec();
    requireState(!primitive || maximumBytes == UNSET, "primitive maps and sets are bounded by "
        + "maximumSize(long), not maximum bytes (" + maximumBytes + ")");
    requireState(!weakKeys && valueStrength == null, "single-threaded collections hold keys and "
        + "values strongly: drop weakKeys(), weakValues() and softValues()");
    requireState(maximumSize <= Checks.MAX_ARRAY_SIZE, "maximum size of a single-threaded "
        + "collection must be at most " + Checks.MAX_ARRAY_SIZE + ": " + maximumSize);
    requireState(!primitive || removalListener == null, "a removal listener takes boxed keys "
        + "and values: primitive maps and sets do not accept one, use build()");
    return spec;
  }

  @SuppressWarnings("unchecked")
  private <K1 extends K, V1 extends V> MapSpec<K1, V1> spec() {
    requireState(maximumSize != UNSET || maximumBytes != UNSET || budget.isSet(),
        "no bound was set: call maximumSize(long), maximumBytes(long) or budget(MemoryBudget), "
            + "as in SafeMaps.builder().maximumSize(10_000).build()");
    budget.check(maximumBytes, "map");
    requireState(!budget.isSet() || (!weakKeys && valueStrength == null),
        "a budget needs strong keys and values, to weigh what leaves: drop weakKeys(), "
            + "weakValues() and softValues()");
    requireState(maximumSize == UNSET || maximumBytes == UNSET,
        "maximum size (" + maximumSize + ") and maximum bytes (" + maximumBytes
            + ") cannot be combined: choose one bound");
    requireState(weigher == null || maximumBytes != UNSET || budget.isSet(),
        "a weigher needs maximumBytes(long) or budget(MemoryBudget) to bound against");
    requireState(expireAfterWrite == null || expireAfterAccess == null,
        "expire after write (" + expireAfterWrite + ") and expire after access ("
            + expireAfterAccess + ") cannot be combined: choose one");
    requireState(overflowPolicy != OverflowPolicy.REJECT || maximumBytes == UNSET
            || valueStrength == null || valueStrength == ValueStrength.STRONG,
        "overflow policy REJECT with maximum bytes needs strong values, not " + valueStrength);
    Weigher<? super K1, ? super V1> effectiveWeigher =
        (maximumBytes == UNSET && !budget.isSet()) ? null
        : (weigher != null) ? (Weigher<? super K1, ? super V1>) weigher
        : Weigher.estimatingRetainedBytes();
    long bound = (maximumSize != UNSET) ? maximumSize : Long.MAX_VALUE;
    int capacity = (initialCapacity == UNSET) ? (int) UNSET
        : (int) Math.min(initialCapacity, bound);
    return new MapSpec<>(
        name,
        maximumSize,
        maximumBytes,
        effectiveWeigher,
        (expireAfterWrite == null) ? UNSET : Checks.saturatedNanos(expireAfterWrite),
        (expireAfterAccess == null) ? UNSET : Checks.saturatedNanos(expireAfterAccess),
        (overflowPolicy == null) ? OverflowPolicy.EVICT : overflowPolicy,
        (RemovalListener<? super K1, ? super V1>) removalListener,
        weakKeys,
        (valueStrength == null) ? ValueStrength.STRONG : valueStrength,
        ticker,
        recordMetrics,
        capacity,
        budget.membership());
  }

  /** The options that were set, as in {@code SafeMapBuilder{maximumSize=100, weakValues}}. */
  @Override
  public String toString() {
    StringJoiner s = new StringJoiner(", ", "SafeMapBuilder{", "}");
    if (name != null) {
      s.add("name=" + name);
    }
    if (maximumSize != UNSET) {
      s.add("maximumSize=" + maximumSize);
    }
    if (maximumBytes != UNSET) {
      s.add("maximumBytes=" + maximumBytes);
    }
    if (weigher != null) {
      s.add("weigher");
    }
    if (expireAfterWrite != null) {
      s.add("expireAfterWrite=" + expireAfterWrite);
    }
    if (expireAfterAccess != null) {
      s.add("expireAfterAccess=" + expireAfterAccess);
    }
    if (overflowPolicy != null) {
      s.add("overflowPolicy=" + overflowPolicy);
    }
    if (removalListener != null) {
      s.add("removalListener");
    }
    if (weakKeys) {
      s.add("weakKeys");
    }
    if (valueStrength != null) {
      s.add(valueStrength == ValueStrength.WEAK ? "weakValues" : "softValues");
    }
    if (ticker != null) {
      s.add("ticker");
    }
    if (recordMetrics) {
      s.add("recordMetrics");
    }
    if (initialCapacity != UNSET) {
      s.add("initialCapacity=" + initialCapacity);
    }
    budget.describe(s);
    return s.toString();
  }
}
