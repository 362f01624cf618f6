package dev.safecollections;

import it.unimi.dsi.fastutil.longs.Long2LongMap;

/**
 * A {@link Long2LongMap} that never holds more than its bound, gives storage back when it shrinks and
 * releases what it removes: the replacement for a long-lived {@code HashMap<Long, Long>}. Built by
 * {@link SafeMaps#boundedLongToLong(int)} or {@link SingleThreadedMapBuilder#buildLongToLong()}.
 *
 * <p>Not thread-safe: like {@code HashMap}, it must be confined to one thread or guarded by the
 * caller, and its iterators are fail-fast. At the bound an insertion evicts the least recently
 * used entry (or the eldest, in {@link EvictionOrder#FIFO}), or under
 * {@link OverflowPolicy#REJECT} throws {@link CapacityExceededException} and leaves the map
 * unchanged. The type-specific methods never box; the boxed {@link java.util.Map} methods
 * inherited from fastutil do. {@code get} refreshes an entry's recency; {@code containsKey} and
 * iteration do not.
 *
 * @implNote The entries live in parallel primitive arrays sized to the content, never beyond
 *     the bound, with int links for the eviction order; capacity shrinks after removals.
 */
public interface BoundedLong2LongMap extends Long2LongMap, BoundedMap<Long, Long> {}
