package dev.safecollections;

import it.unimi.dsi.fastutil.ints.IntList;

/**
 * A fastutil {@link IntList} that never holds more than its bound and never boxes on its
 * type-specific methods: the replacement for a long-lived {@code ArrayList<Integer>} or {@code
 * IntArrayList}. Built by {@link SafeLists#boundedInts(int)} or {@link
 * SafeListBuilder#buildInts()}.
 *
 * <p>Not thread-safe. Adding at the end, removing at either end and {@code getInt(i)} are
 * O(1). At the bound an insertion first drops element 0, the oldest, or under {@link
 * OverflowPolicy#REJECT} throws {@link CapacityExceededException} and leaves the list
 * unchanged. Capacity shrinks after removals; {@code clear()} returns to a fresh footprint.
 */
public interface BoundedIntList extends IntList, SafeCollection {}
