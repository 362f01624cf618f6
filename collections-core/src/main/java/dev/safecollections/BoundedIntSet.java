package dev.safecollections;

import it.unimi.dsi.fastutil.ints.IntSet;

/**
 * A {@link IntSet} that never holds more than its bound, gives storage back when it shrinks and
 * releases what it removes: the replacement for a long-lived {@code HashSet<Integer>}. Built by
 * {@link SafeSets#boundedInts(int)} or {@link SafeSetBuilder#buildInts()}.
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
public interface BoundedIntSet extends IntSet, BoundedSet<Integer> {}
