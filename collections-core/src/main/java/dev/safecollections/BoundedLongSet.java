package dev.safecollections;

import it.unimi.dsi.fastutil.longs.LongSet;

/**
 * A {@link LongSet} that never holds more than its bound, gives storage back when it shrinks and
 * releases what it removes: the replacement for a long-lived {@code HashSet<Long>}. Built by
 * {@link SafeSets#boundedLongs(int)} or {@link SafeSetBuilder#buildLongs()}.
 *
 * <p>Not thread-safe: like {@code HashSet}, it must be confined to one thread or guarded by the
 * caller, and its iterators are fail-fast. At the bound an insertion evicts the least recently
 * used element (or the eldest, in {@link EvictionOrder#FIFO}), or under
 * {@link OverflowPolicy#REJECT} throws {@link CapacityExceededException} and leaves the set
 * unchanged. Adding a present element refreshes its recency and its expire-after-access time,
 * not its expire-after-write time; {@code contains} and iteration refresh nothing. The
 * type-specific methods never box.
 *
 * @implNote The elements live in a primitive array sized to the content, never beyond the
 *     bound, with int links for the eviction order; capacity shrinks after removals.
 */
public interface BoundedLongSet extends LongSet, BoundedSet<Long> {}
