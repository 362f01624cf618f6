package dev.safecollections.testkit.leak;

import dev.safecollections.Ticker;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Deliberately leaky maps, each of which one property of the suite must catch. */
final class PlantedLeaks {
  private PlantedLeaks() {}

  /** Keeps every value it ever removed or replaced in a side list (I3). */
  static final class SideListMap<K, V> extends HashMap<K, V> {
    private static final long serialVersionUID = 1L;
    final List<Object> removed = new ArrayList<>();

    @Override
    public V put(K key, V value) {
      V old = super.put(key, value);
      if (old != null) {
        removed.add(old);
      }
      return old;
    }

    @Override
    public V remove(Object key) {
      V old = super.remove(key);
      if (old != null) {
        removed.add(old);
      }
      return old;
    }
  }

  /** Evicts its eldest entry only beyond one more than its bound (I1). */
  static <K, V> Map<K, V> overBoundByOne(int bound) {
    return new LinkedHashMap<K, V>() {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > bound + 1;
      }
    };
  }

  /** Expires an entry only when that key is read again: idle, it keeps everything (I4). */
  static final class LazyExpiringMap<K, V> extends AbstractMap<K, V> {
    private final Map<K, V> values = new HashMap<>();
    private final Map<K, Long> written = new HashMap<>();
    private final Ticker ticker;
    private final long ttl;

    LazyExpiringMap(Ticker ticker, long ttlNanos) {
      this.ticker = ticker;
      this.ttl = ttlNanos;
    }

    @Override
    public V put(K key, V value) {
      written.put(key, ticker.read());
      return values.put(key, value);
    }

    @Override
    public V get(Object key) {
      Long at = written.get(key);
      if (at != null && ticker.read() - at >= ttl) {
        values.remove(key);
        written.remove(key);
      }
      return values.get(key);
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
      return values.entrySet();
    }
  }

  /**
   * An array list that forgets to clear the slots it vacates: {@code remove} shifts the tail
   * down but leaves the last slot pointing at its old element, and {@code clear} only resets
   * the size (I3).
   */
  static final class UnclearedList<E> extends java.util.AbstractList<E> {
    private Object[] elements = new Object[16];
    private int size;

    @Override
    public void add(int index, E e) {
      if (size == elements.length) {
        elements = java.util.Arrays.copyOf(elements, size * 2);
      }
      System.arraycopy(elements, index, elements, index + 1, size - index);
      elements[index] = e;
      size++;
      modCount++;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
      java.util.Objects.checkIndex(index, size);
      return (E) elements[index];
    }

    @Override
    @SuppressWarnings("unchecked")
    public E set(int index, E e) {
      E old = get(index);
      elements[index] = e;
      return old;
    }

    @Override
    public E remove(int index) {
      E old = get(index);
      System.arraycopy(elements, index + 1, elements, index, size - index - 1);
      size--;                       // the leak: elements[size] still holds the last element
      modCount++;
      return old;
    }

    @Override
    public void clear() {
      size = 0;                     // the leak: every slot still holds its element
      modCount++;
    }

    @Override
    public int size() {
      return size;
    }
  }
}
