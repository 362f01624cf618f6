package dev.safecollections.internal;

import dev.safecollections.BoundedMap;
import dev.safecollections.BoundedSet;
import dev.safecollections.CollectionMetrics;
import dev.safecollections.internal.budget.Attachable;
import dev.safecollections.internal.budget.Ledger;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;

/**
 * A {@link BoundedSet} that is the key set of a {@link BoundedMap} whose every value is
 * {@link Boolean#TRUE}, one shared object, so an element costs only its map entry. Thread-safe
 * exactly when the map is. Not part of the public API.
 *
 * @param <E> the element type
 */
public final class MapBackedSet<E> extends AbstractSet<E> implements BoundedSet<E>, Attachable {
  private final BoundedMap<E, Boolean> map;
  private final Set<E> keys;

  public MapBackedSet(BoundedMap<E, Boolean> map) {
    Checks.requireNonNull(map, "map");
    if (!map.isEmpty()) {
      throw new IllegalArgumentException("map must be empty: it has " + map.size() + " entries");
    }
    this.map = map;
    this.keys = map.keySet();
  }

  @Override
  public boolean add(E element) {
    return map.putIfAbsent(Checks.requireNonNull(element, "element"), Boolean.TRUE) == null;
  }

  @Override
  public boolean contains(Object element) {
    return map.containsKey(Checks.requireNonNull(element, "element"));
  }

  @Override
  public boolean remove(Object element) {
    return map.remove(Checks.requireNonNull(element, "element")) != null;
  }

  @Override
  public Iterator<E> iterator() {
    return keys.iterator();
  }

  @Override
  public int size() {
    return map.size();
  }

  @Override
  public boolean isEmpty() {
    return map.isEmpty();
  }

  @Override
  public void clear() {
    map.clear();
  }

  @Override
  public Object[] toArray() {
    return keys.toArray();
  }

  @Override
  public <T> T[] toArray(T[] a) {
    return keys.toArray(a);
  }

  @Override
  public String name() {
    return map.name();
  }

  @Override
  public CollectionMetrics metrics() {
    return map.metrics();
  }

  @Override
  public void cleanUp() {
    map.cleanUp();
  }

  @Override
  public void attachTo(Ledger outer, Object key) {
    if (map instanceof Attachable) {
      ((Attachable) map).attachTo(outer, key);
    }
  }

  @Override
  public long detachFrom(Ledger outer, Object key) {
    return (map instanceof Attachable) ? ((Attachable) map).detachFrom(outer, key) : 0;
  }

  @Override
  public long shellBytes() {
    return (map instanceof Attachable) ? ((Attachable) map).shellBytes() : 0;
  }
}
