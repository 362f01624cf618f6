package dev.safecollections;

import java.util.Set;

/**
 * A {@link Set} that never holds more than its bound, gives storage back when it shrinks and
 * releases what it removes: the replacement for a long-lived {@code new HashSet<>()}, such as a
 * "seen" set that is only ever added to.
 *
 * <p>Thread-safety, iteration and what happens at the bound are those of the map the set is
 * built on, as each factory in {@link SafeSets} documents. Null elements are rejected with a
 * {@link NullPointerException} naming the argument.
 *
 * @param <E> the element type
 */
public interface BoundedSet<E> extends Set<E>, SafeCollection {}
