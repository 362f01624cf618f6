package dev.safecollections;

import java.util.concurrent.ConcurrentMap;

/**
 * A thread-safe {@link BoundedMap} with the full {@link ConcurrentMap} contract.
 *
 * <p>All operations are safe to call from any number of threads. Iterators and views are
 * weakly consistent, as those of {@link java.util.concurrent.ConcurrentHashMap}: they never
 * throw {@link java.util.ConcurrentModificationException}, return each entry present when they
 * were created at most once, and may or may not reflect later changes. Null keys and values
 * are rejected with a {@link NullPointerException} naming the argument.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ConcurrentBoundedMap<K, V> extends BoundedMap<K, V>, ConcurrentMap<K, V> {}
