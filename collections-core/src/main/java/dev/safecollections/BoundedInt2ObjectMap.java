package dev.safecollections;

import it.unimi.dsi.fastutil.ints.Int2ObjectMap;

/**
 * A {@link Int2ObjectMap} that never holds more than its bound, gives storage back when it shrinks and
 * releases what it removes: the replacement for a long-lived {@code HashMap<Integer, V>}. Built by
 * {@link SafeMaps#boundedIntToObject(int)} or {@link SingleThreadedMapBuilder#buildIntToObject()}.
 *
 * <p>Not thread-safe: like {@code HashMap}, it must be confined to one thread or guarded by the
 * caller, and its iterators are fail-fast. At the bound an insertion evicts the least recently
 * used entry (or the eldest, in {@link EvictionOrder#FIFO}), or under
 * {@link OverflowPolicy#REJECT} throws {@link CapacityExceededException} and leaves the map
 * unchanged. The type-specific methods never box; the boxed {@link java.util.Map} methods
 * inherited from fastutil do. {@code get} refreshes an entry's recency; {@code containsKey} and
 * iteration do not. Null values are rejected.
 *
 * @implNote The entries live in parallel primitive arrays sized to the content, never beyond
 *     the bound, with int links for the eviction order; capacity shrinks after removals.
 *
 * @param <V> the value type
 */
public interface BoundedInt2ObjectMap<V> extends Int2ObjectMap<V>, BoundedMap<Integer, V> {}
