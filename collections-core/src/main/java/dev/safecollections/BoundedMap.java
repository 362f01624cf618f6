package dev.safecollections;

import java.util.Map;

/**
 * A {@link Map} that never holds more than its bound, gives storage back when it shrinks and
 * releases what it removes.
 *
 * <p>This interface says nothing about threads: {@link ConcurrentBoundedMap} adds the
 * {@link java.util.concurrent.ConcurrentMap} contract, and an implementation that is not
 * thread-safe says so in its own documentation. What an implementation does at its bound is
 * set by its {@link OverflowPolicy}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface BoundedMap<K, V> extends Map<K, V>, SafeCollection {}
