package dev.safecollections;

import static dev.safecollections.internal.Checks.requireNonNull;
import static dev.safecollections.internal.Checks.requireState;
import static dev.safecollections.internal.Checks.requireUnset;

import dev.safecollections.internal.Live;
import dev.safecollections.internal.MapBackedSet;
import dev.safecollections.internal.table.Tables;
import java.time.Duration;

/**
 * Builds a {@link BoundedSet}; obtain one from {@link SafeSets#builder()}. By default a set is
 * thread-safe, the key set of a {@link SafeMaps} concurrent map; after {@link #singleThreaded()}
 * it is a set for one thread with exact LRU or FIFO eviction, and {@link #buildLongs()} and
 * {@link #buildInts()} give primitive sets that never box.
 *
 * <pre>{@code
 * Set<String> seen = SafeSets.builder().maximumSize(100_000).singleThreaded().build();
 * LongSet ids = SafeSets.builder()
 *     .maximumSize(1_000_000)
 *     .expireAfterWrite(Duration.ofHours(1))
 *     .singleThreaded()
 *     .buildLongs();
 * }</pre>
 *
 * <p>Builder rules are {@link SafeMapBuilder}'s: each option once ({@link
 * IllegalStateException} naming the earlier value), bad values {@link IllegalArgumentException},
 * checks across options in the {@code build} methods, which do not change the builder. A
 * builder is not thread-safe.
 */
public final class SafeSetBuilder {
  private final SafeMapBuilder<Object, Object> maps = SafeMaps.builder();
  private boolean singleThreaded;
  private EvictionOrder evictionOrder;

  SafeSetBuilder() {}

  /**
   * Bounds the set to this many elements. At the bound an added element evicts another (the
   * concurrent sets choose by W-TinyLFU, the single-threaded ones by LRU or FIFO order), or
   * under {@link OverflowPolicy#REJECT} the add throws.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   * @throws IllegalStateException if the maximum size was already set
   */
  public SafeSetBuilder maximumSize(long maximumSize) {
    maps.maximumSize(maximumSize);
    return this;
  }

  /**
   * Expires each element this long after it was added. Adding a present element does not
   * restart its time.
   *
   * @throws NullPointerException if {@code ttl} is null
   * @throws IllegalArgumentException if {@code ttl} is zero or negative
   * @throws IllegalStateException if expire-after-write was already set
   */
  public SafeSetBuilder expireAfterWrite(Duration ttl) {
    maps.expireAfterWrite(ttl);
    return this;
  }

  /**
   * Expires each element this long after it was last added (for a thread-safe set, also after
   * it was last found by {@code contains}).
   *
   * @throws NullPointerException if {@code ttl} is null
   * @throws IllegalArgumentException if {@code ttl} is zero or negative
   * @throws IllegalStateException if expire-after-access was already set
   */
  public SafeSetBuilder expireAfterAccess(Duration ttl) {
    maps.expireAfterAccess(ttl);
    return this;
  }

  /**
   * Sets what happens when an add would take the set past its bound.
   *
   * @throws NullPointerException if {@code policy} is null
   * @throws IllegalStateException if the overflow policy was already set
   */
  public SafeSetBuilder overflowPolicy(OverflowPolicy policy) {
    maps.overflowPolicy(policy);
    return this;
  }

  /**
   * Reads time for expiry from this ticker; for tests.
   *
   * @throws NullPointerException if {@code ticker} is null
   * @throws IllegalStateException if a ticker was already set
   */
  public SafeSetBuilder ticker(Ticker ticker) {
    maps.ticker(ticker);
    return this;
  }

  /**
   * Names the set in its metrics and {@code toString}.
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is blank
   * @throws IllegalStateException if a name was already set
   */
  public SafeSetBuilder name(String name) {
    maps.name(name);
    return this;
  }

  /**
   * Keeps exact counters for {@link SafeCollection#metrics()}.
   *
   * @throws IllegalStateException if metrics recording was already turned on
   */
  public SafeSetBuilder recordMetrics() {
    maps.recordMetrics();
    return this;
  }

  /**
   * Presizes the set for this many elements, clamped to the maximum size.
   *
   * @throws IllegalArgumentException if {@code initialCapacity} is negative
   * @throws IllegalStateException if the initial capacity was already set
   */
  public SafeSetBuilder initialCapacity(int initialCapacity) {
    maps.initialCapacity(initialCapacity);
    return this;
  }

  /**
   * Builds sets for one thread: not thread-safe, like {@code HashSet}, with fail-fast iterators
   * and exact eviction order; required by {@link #buildLongs()} and {@link #buildInts()}.
   * Expired elements are dropped by the next call that meets them, not while the set is idle.
   *
   * @throws IllegalStateException if single-threaded was already set
   */
  public SafeSetBuilder singleThreaded() {
    requireState(!singleThreaded, "single-threaded was already set");
    singleThreaded = true;
    return this;
  }

  /**
   * Sets which element leaves a single-threaded set at the bound: {@link EvictionOrder#LRU}
   * (the default) or {@link EvictionOrder#FIFO}.
   *
   * @throws NullPointerException if {@code order} is null
   * @throws IllegalStateException if the eviction order was already set
   */
  public SafeSetBuilder evictionOrder(EvictionOrder order) {
    requireNonNull(order, "order");
    requireUnset(evictionOrder, "eviction order");
    evictionOrder = order;
    return this;
  }

  /**
   * Makes the set a member of this shared budget, as {@link SafeMapBuilder#budget(MemoryBudget)}
   * describes for maps: a concurrent set is evicted from like a concurrent map, a
   * single-threaded set only by its own writes. An element costs its map entry (the key and a
   * shared value) in a concurrent set, and a fixed number of bytes per slot plus its own
   * estimated bytes in a single-threaded one. A budget is a bound on its own.
   *
   * @throws NullPointerException if {@code budget} is null
   * @throws IllegalStateException if a budget was already set
   */
  public SafeSetBuilder budget(MemoryBudget budget) {
    maps.budget(budget);
    return this;
  }

  /**
   * Sets this set's shares of its {@link #budget(MemoryBudget)}; see {@link
   * SafeMapBuilder#budgetShares(double, double)}.
   *
   * @throws IllegalArgumentException if a share is outside [0, 1], {@code maximumShare} is 0, or
   *     {@code minimumShare} is greater than {@code maximumShare}
   * @throws IllegalStateException if the shares were already set
   */
  public SafeSetBuilder budgetShares(double minimumShare, double maximumShare) {
    maps.budgetShares(minimumShare, maximumShare);
    return this;
  }

  /**
   * Builds a set of reference elements; null elements are rejected.
   *
   * @throws IllegalStateException if no maximum size was set or the options conflict, as
   *     {@link SafeMapBuilder#build()} and {@link SingleThreadedMapBuilder#build()} describe; an
   *     eviction order without {@link #singleThreaded()}
   */
  public <E> BoundedSet<E> build() {
    if (!singleThreaded) {
      requireState(evictionOrder == null, "an eviction order (" + evictionOrder
          + ") needs singleThreaded(): concurrent sets evict by W-TinyLFU");
      return track(new MapBackedSet<>(maps.<E, Boolean>buildCaffeine()));
    }
    return track(Tables.objectSet(maps.singleThreadedSpec(false), order()));
  }

  /**
   * Builds a single-threaded set of {@code long} elements.
   *
   * @throws IllegalStateException without {@link #singleThreaded()}, or if the settings do
   *     not suit a single-threaded set
   */
  public BoundedLongSet buildLongs() {
    requireSingleThreaded("buildLongs()");
    return track(Tables.longSet(maps.singleThreadedSpec(true), order()));
  }

  /**
   * Builds a single-threaded set of {@code int} elements.
   *
   * @throws IllegalStateException without {@link #singleThreaded()}, or if the settings do
   *     not suit a single-threaded set
   */
  public BoundedIntSet buildInts() {
    requireSingleThreaded("buildInts()");
    return track(Tables.intSet(maps.singleThreadedSpec(true), order()));
  }

  /** Lists {@code c} for the metrics registry if it is named and records metrics. */
  private <T extends SafeCollection> T track(T c) {
    return maps.track(c);
  }

  private void requireSingleThreaded(String method) {
    requireState(singleThreaded, "primitive sets are single-threaded: call singleThreaded() "
        + "before " + method);
  }

  private EvictionOrder order() {
    return (evictionOrder == null) ? EvictionOrder.LRU : evictionOrder;
  }

  /** The options that were set, as in {@code SafeSetBuilder{maximumSize=100, singleThreaded}}. */
  @Override
  public String toString() {
    String mapOptions = maps.toString();
    String options = mapOptions.substring("SafeMapBuilder{".length(), mapOptions.length() - 1);
    StringBuilder s = new StringBuilder("SafeSetBuilder{").append(options);
    if (singleThreaded) {
      s.append(options.isEmpty() ? "" : ", ").append("singleThreaded");
    }
    if (evictionOrder != null) {
      s.append(s.length() > "SafeSetBuilder{".length() ? ", " : "")
          .append("evictionOrder=").append(evictionOrder);
    }
    return s.append('}').toString();
  }
}
