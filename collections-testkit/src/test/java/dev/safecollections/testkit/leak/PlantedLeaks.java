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
}
