package dev.safecollections;

import static dev.safecollections.internal.Checks.requireNonNull;
import static dev.safecollections.internal.Checks.requireUnset;

import dev.safecollections.internal.Live;
import dev.safecollections.internal.table.Tables;

/**
 * Builds maps for one thread from a {@link SafeMapBuilder}'s settings; obtain one from
 * {@link SafeMapBuilder#singleThreaded()}:
 *
 * <pre>{@code
 * BoundedMap<String, Item> lru = SafeMaps.builder().maximumSize(10_000).singleThreaded().build();
 * Long2LongMap counts = SafeMaps.builder()
 *     .maximumSize(1_000_000)
 *     .expireAfterWrite(Duration.ofMinutes(5))
 *     .singleThreaded()
 *     .evictionOrder(EvictionOrder.FIFO)
 *     .buildLongToLong();
 * }</pre>
 *
 * <p>Every map it builds is not thread-safe, like {@code HashMap}: confine it to one thread or
 * guard it. It is bounded by its maximum size and, at the bound, evicts in exact
 * {@link EvictionOrder#LRU} order (the default) or {@link EvictionOrder#FIFO} order, or under
 * {@link OverflowPolicy#REJECT} throws {@link CapacityExceededException} and is unchanged.
 * Expired entries are never returned; they are dropped by the next call that meets them and by
 * every insertion and {@code size()}, but not while the map is idle, since no other thread may
 * touch it. Dropping them changes the map, so an iterator open at the time fails fast, as one
 * does in an access-ordered {@code LinkedHashMap} after a {@code get}. Storage follows content: capacity grows by doubling up to the bound and, once
 * removals leave it at most a quarter full, shrinks to twice the size; {@code clear()} returns
 * to a fresh footprint.
 *
 * <p>Builder rules are {@link SafeMapBuilder}'s: each option once, {@code build} methods do not
 * change the builder. Each {@code build} method throws {@link IllegalStateException} if the
 * settings do not suit a single-threaded map: weak keys or weak or soft values (they need
 * other threads' help), a maximum size above {@code Integer.MAX_VALUE - 8}, or maximum bytes or
 * a removal listener on a primitive map, plus every check of {@link SafeMapBuilder#build()}.
 *
 * <p>In a {@link MemoryBudget} the map joins as a single-threaded member: other members never
 * make it evict; when the budget is over its limit, the map's own writes evict its least recent
 * (or first-in) entries. An object map's entries are weighed as under maximum bytes; a
 * primitive map's entries cost a fixed number of bytes per slot (its arrays' share, plus an
 * object key's estimated bytes), and a long-to-object or int-to-object map's values are weighed
 * too.
 *
 * <p>Under maximum bytes (object maps), each entry is weighed when written; a write that would
 * pass the bound evicts the least recent entries (never the one written) until it fits, or
 * under REJECT throws with the map unchanged; an entry that alone outweighs the bound is evicted
 * at once.
 *
 * @param <K> the key type of the maps this builder builds
 * @param <V> the value type of the maps this builder builds
 */
public final class SingleThreadedMapBuilder<K, V> {
  private final SafeMapBuilder<K, V> settings;
  private EvictionOrder evictionOrder;

  SingleThreadedMapBuilder(SafeMapBuilder<K, V> settings) {
    this.settings = settings;
  }

  /**
   * Sets which entry leaves at the bound: {@link EvictionOrder#LRU} (the default) or
   * {@link EvictionOrder#FIFO}.
   *
   * @throws NullPointerException if {@code order} is null
   * @throws IllegalStateException if the eviction order was already set
   */
  public SingleThreadedMapBuilder<K, V> evictionOrder(EvictionOrder order) {
    requireNonNull(order, "order");
    requireUnset(evictionOrder, "eviction order");
    evictionOrder = order;
    return this;
  }

  EvictionOrder order() {
    return (evictionOrder == null) ? EvictionOrder.LRU : evictionOrder;
  }

  /**
   * A single-threaded map of reference keys and values; null keys and values are rejected.
   *
   * @throws IllegalStateException if the settings do not suit a single-threaded map
   */
  public <K1 extends K, V1 extends V> BoundedMap<K1, V1> build() {
    return track(Tables.objectMap(settings.singleThreadedSpec(false), order()));
  }

  /**
   * A single-threaded {@code long} to {@code long} map.
   *
   * @throws IllegalStateException if the settings do not suit a single-threaded map
   */
  public BoundedLong2LongMap buildLongToLong() {
    return track(Tables.longToLong(settings.singleThreadedSpec(true), order()));
  }

  /**
   * A single-threaded {@code long} to reference map; null values are rejected.
   *
   * @throws IllegalStateException if the settings do not suit a single-threaded map
   */
  public <V1 extends V> BoundedLong2ObjectMap<V1> buildLongToObject() {
    return track(Tables.longToObject(settings.singleThreadedSpec(true), order()));
  }

  /**
   * A single-threaded {@code int} to {@code int} map.
   *
   * @throws IllegalStateException if the settings do not suit a single-threaded map
   */
  public BoundedInt2IntMap buildIntToInt() {
    return track(Tables.intToInt(settings.singleThreadedSpec(true), order()));
  }

  /**
   * A single-threaded {@code int} to reference map; null values are rejected.
   *
   * @throws IllegalStateException if the settings do not suit a single-threaded map
   */
  public <V1 extends V> BoundedInt2ObjectMap<V1> buildIntToObject() {
    return track(Tables.intToObject(settings.singleThreadedSpec(true), order()));
  }

  /**
   * A single-threaded reference to {@code long} map; null keys are rejected.
   *
   * @throws IllegalStateException if the settings do not suit a single-threaded map
   */
  public <K1 extends K> BoundedObject2LongMap<K1> buildObjectToLong() {
    return track(Tables.objectToLong(settings.singleThreadedSpec(true), order()));
  }

  /**
   * A single-threaded reference to {@code int} map; null keys are rejected.
   *
   * @throws IllegalStateException if the settings do not suit a single-threaded map
   */
  public <K1 extends K> BoundedObject2IntMap<K1> buildObjectToInt() {
    return track(Tables.objectToInt(settings.singleThreadedSpec(true), order()));
  }

  /** Lists {@code c} for the metrics registry if it is named and records metrics. */
  private <T extends SafeCollection> T track(T c) {
    return settings.track(c);
  }

  /** The settings, as in {@code SafeMapBuilder{maximumSize=100}.singleThreaded(FIFO)}. */
  @Override
  public String toString() {
    return settings + ".singleThreaded(" + (evictionOrder == null ? "" : evictionOrder) + ")";
  }
}
