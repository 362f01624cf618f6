package dev.safecollections;

import it.unimi.dsi.fastutil.longs.LongList;

/**
 * A fastutil {@link LongList} that never holds more than its bound and never boxes on its
 * type-specific methods: the replacement for a long-lived {@code ArrayList<Long>} or {@code
 * LongArrayList}. Built by {@link SafeLists#boundedLongs(int)} or {@link
 * SafeListBuilder#buildLongs()}.
 *
 * <p>Not thread-safe. Adding at the end, removing at either end and {@code getLong(i)} are
 * O(1). At the bound an insertion first drops element 0, the oldest, or under {@link
 * OverflowPolicy#REJECT} throws {@link CapacityExceededException} and leaves the list
 * unchanged. Capacity shrinks after removals; {@code clear()} returns to a fresh footprint.
 */
public interface BoundedLongList extends LongList, SafeCollection {}
