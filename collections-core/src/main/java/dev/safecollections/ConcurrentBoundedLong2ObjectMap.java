package dev.safecollections;

import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import java.util.function.BiConsumer;

/**
 * A thread-safe, lock-free map from {@code long} keys to values that never holds more than its
 * bound: a {@link ConcurrentBoundedMap ConcurrentBoundedMap&lt;Long, V&gt;} with fastutil's
 * {@link Long2ObjectMap} methods, so that {@code get(long)}, {@code put(long, V)}, {@code
 * merge(long, V, BiFunction)} and kin never box the key. Obtain one from {@link
 * SafeMaps#concurrentLongToObject(long)} or {@link SafeMapBuilder#buildConcurrentLongToObject()}.
 *
 * <p><b>Threads.</b> Every operation is safe from any number of threads and none takes a lock:
 * a thread that stalls never holds up another. Operations on one key, the type-specific ones
 * included, are linearizable (checked with Lincheck, also while the table moves); {@code
 * compute}, {@code computeIfAbsent}, {@code computeIfPresent} and {@code merge} are retry loops
 * over the atomic primitives, as {@link java.util.concurrent.ConcurrentMap}'s defaults, and may
 * call their function more than once. Iterators and views are weakly consistent and never throw
 * {@link java.util.ConcurrentModificationException}. Null values, and null boxed keys, are
 * rejected with a {@link NullPointerException} naming the argument; {@code get(long)} returns
 * {@code null} for an absent key (the default return value, which cannot be changed).
 *
 * <p><b>At the bound.</b> With {@link OverflowPolicy#EVICT} an insertion that takes the map past
 * its bound evicts before it returns ({@link RemovalCause#SIZE}): it samples a few entries and
 * removes the least recently used of them by a coarse logical clock that advances with
 * evictions, as Redis does, so the victim is an approximately least recent entry, possibly the
 * new one. While insertions are in flight the size may pass the bound by at most one entry per
 * insertion in flight; once the writers have returned, {@code size() <= maximumSize} with no
 * further call. With {@link OverflowPolicy#REJECT} an insertion reserves its slot before it
 * publishes the entry, so the bound holds at every instant; an insertion that does not fit
 * throws {@link CapacityExceededException} and changes nothing. Insertions racing for the last
 * slot with another insertion whose key turns out to be present may be refused although the
 * other one did not grow the map.
 *
 * <p><b>Expiry.</b> With {@link SafeMapBuilder#expireAfterWrite}, expired entries are never
 * returned; lookups and eviction drop those they meet, and while the map is idle the shared
 * sweeper thread scans it every {@code max(ttl / 2, 1 s)}, so that an expired entry is
 * reclaimed within that long of expiring.
 *
 * <p><b>Storage.</b> JCTools' table never shrinks and, under a churn of new keys, keeps
 * doubling; this map moves its entries to a fresh table sized for them when the size falls to a
 * quarter of its high-water mark (from 256 entries) and after every four times its high-water
 * mark of insertions. Readers are never blocked by a move: they find an entry in the old table
 * or follow a marker to the new one; a writer moves the key it touches itself. {@code clear()}
 * removes every entry and ends with a small table.
 *
 * <p><b>Costs that are not O(1).</b> {@code containsValue}, iteration, {@code clear()}, {@code
 * equals} and {@code hashCode} are O(size); a move is O(size), done by the writer that triggers
 * it, amortized O(1) per write.
 *
 * @implNote Backed by JCTools' {@code NonBlockingHashMapLong} from key to a small node holding
 *     the value, its last access time by the logical clock and, when the map expires, its
 *     deadline.
 *
 * @param <V> the value type
 */
public interface ConcurrentBoundedLong2ObjectMap<V>
    extends Long2ObjectMap<V>, ConcurrentBoundedMap<Long, V> {

  /**
   * As {@link java.util.Map#getOrDefault}; redeclared because both super-interfaces define it.
   *
   * @deprecated as in fastutil: use {@link #getOrDefault(long, Object)}, which does not box
   */
  @Deprecated
  @Override
  V getOrDefault(Object key, V defaultValue);

  /**
   * As {@link java.util.concurrent.ConcurrentMap#forEach}; redeclared because both
   * super-interfaces define it.
   *
   * @deprecated as in fastutil: use {@code forEach(LongObjectBiConsumer)}, which does not box
   */
  @Deprecated
  @Override
  void forEach(BiConsumer<? super Long, ? super V> action);
}
