package dev.safecollections;

import java.util.concurrent.ConcurrentMap;

/**
 * A thread-safe {@link BoundedMap} with the full {@link ConcurrentMap} contract. Obtain one from
 * {@link SafeMaps}.
 *
 * <p><b>Threads.</b> All operations are safe from any number of threads, and operations on one
 * key are linearizable (checked with Lincheck, rejections included). Iterators and views are
 * weakly consistent, as those of {@link java.util.concurrent.ConcurrentHashMap}: they never
 * throw {@link java.util.ConcurrentModificationException}, return each entry present when they
 * were created at most once, and may or may not reflect later changes. Null keys and values are
 * rejected with a {@link NullPointerException} naming the argument.
 *
 * <p><b>At the bound.</b> With {@link OverflowPolicy#EVICT} an insertion past the bound evicts
 * ({@link RemovalCause#SIZE}) before it returns; which entry goes is Caffeine's W-TinyLFU
 * choice, and it may be the new one. Once every writer has returned, {@code size()} is within
 * the bound with no further call; while writes are in flight it may also count the entries
 * they are about to evict, at most one per write in flight (for a byte bound, their weight). With {@link OverflowPolicy#REJECT} an
 * insertion that does not fit throws {@link CapacityExceededException} and changes nothing,
 * and the bound holds at every instant.
 *
 * <p><b>Expiry.</b> Expired entries are never returned by lookups or iteration. They are
 * reclaimed by reads and writes and, while the map is idle, by one shared daemon thread, within
 * about two seconds of expiring: Caffeine's timer wheel reclaims in buckets of 1.07 s and paces
 * its sweeps at the same interval. Until an expired entry is reclaimed, {@code size()} may
 * still count it.
 *
 * <p><b>Storage.</b> When the size falls to a quarter of its high-water mark (from 4,096
 * entries), the backing store is rebuilt for the live entries, keeping their remaining time to
 * live: an O(size) copy, amortized O(1) per removal, during which reads wait. {@code clear()}
 * returns to a fresh footprint.
 *
 * <p><b>Costs that are not O(1).</b> {@code size()} and {@code isEmpty()} of maps that expire or
 * hold references weakly run pending maintenance first; {@code containsValue} and iteration are
 * O(size); byte-bounded maps weigh each written entry, with the built-in estimator in time
 * proportional to the objects it visits.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ConcurrentBoundedMap<K, V> extends BoundedMap<K, V>, ConcurrentMap<K, V> {}
