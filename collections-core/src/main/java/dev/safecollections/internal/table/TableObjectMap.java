package dev.safecollections.internal.table;

import static dev.safecollections.internal.Checks.requireNonNull;

import dev.safecollections.BoundedMap;
import dev.safecollections.RemovalCause;
import dev.safecollections.internal.budget.Attachable;
import dev.safecollections.internal.budget.Ledger;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;

/**
 * The single-threaded {@link BoundedMap} over a {@link SlotTable} with reference keys and
 * values. Not thread-safe; null keys and values are rejected. Not part of the public API.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class TableObjectMap<K, V> extends AbstractMap<K, V>
    implements BoundedMap<K, V>, TableBacked, Attachable {
  private final SlotTable t;
  private Set<K> keySet;
  private Collection<V> values;
  private Set<Entry<K, V>> entrySet;

  TableObjectMap(SlotTable table) {
    this.t = table;
  }

  @Override
  public SlotTable table() {
    return t;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int s = t.getObject(requireNonNull(key, "key"));
    return (s < 0) ? null : (V) t.objectValues[s];
  }

  @Override
  public boolean containsKey(Object key) {
    return t.findObject(requireNonNull(key, "key")) >= 0;
  }

  @Override
  public boolean containsValue(Object value) {
    requireNonNull(value, "value");
    for (SlotTable.Cursor c = t.cursor(); c.hasNext(); ) {
      if (value.equals(t.objectValues[c.nextSlot()])) {
        return true;
      }
    }
    return false;
  }

  /** Refuses a null value also when the key is present, as {@link #put} does. */
  @Override
  public V putIfAbsent(K key, V value) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    return super.putIfAbsent(key, value);
  }

  @Override
  @SuppressWarnings("unchecked")
  public V put(K key, V value) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    int s = t.findObject(key);
    V old = null;
    if (s >= 0) {
      old = (V) t.replaceObject(s, value, true);
    } else {
      t.insertObject(key, value);
    }
    t.settle();
    return old;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V remove(Object key) {
    int s = t.findObject(requireNonNull(key, "key"));
    if (s < 0) {
      return null;
    }
    V old = (V) t.objectValues[s];
    t.removeAt(s, RemovalCause.EXPLICIT);
    return old;
  }

  @Override
  public int size() {
    return t.size();
  }

  @Override
  public boolean isEmpty() {
    return t.size() == 0;
  }

  @Override
  public void clear() {
    t.clear();
  }

  @Override
  public Set<K> keySet() {
    Set<K> ks = keySet;
    return (ks != null) ? ks : (keySet = new KeySet());
  }

  @Override
  public Collection<V> values() {
    Collection<V> vs = values;
    return (vs != null) ? vs : (values = new Values());
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    Set<Entry<K, V>> es = entrySet;
    return (es != null) ? es : (entrySet = new EntrySet());
  }

  @Override
  public String toString() {
    return t.toString();
  }

  @Override
  public void attachTo(Ledger outer, Object key) {
    t.attachTo(outer, key);
  }

  @Override
  public long detachFrom(Ledger outer, Object key) {
    return t.detachFrom(outer, key);
  }

  @Override
  public long shellBytes() {
    return SlotTable.SHELL_BYTES;
  }

  private final class KeySet extends AbstractSet<K> {
    @Override
    public Iterator<K> iterator() {
      return new SlotIterator<K>(t) {
        @Override
        @SuppressWarnings("unchecked")
        K at(int slot) {
          return (K) t.objectKeys[slot];
        }
      };
    }

    @Override
    public int size() {
      return t.size();
    }

    @Override
    public boolean contains(Object o) {
      return containsKey(o);
    }

    @Override
    public boolean remove(Object o) {
      return TableObjectMap.this.remove(o) != null;
    }

    @Override
    public void clear() {
      t.clear();
    }
  }

  private final class Values extends AbstractCollection<V> {
    @Override
    public Iterator<V> iterator() {
      return new SlotIterator<V>(t) {
        @Override
        @SuppressWarnings("unchecked")
        V at(int slot) {
          return (V) t.objectValues[slot];
        }
      };
    }

    @Override
    public int size() {
      return t.size();
    }

    @Override
    public boolean contains(Object o) {
      return containsValue(o);
    }

    @Override
    public void clear() {
      t.clear();
    }
  }

  private final class EntrySet extends AbstractSet<Entry<K, V>> {
    @Override
    public Iterator<Entry<K, V>> iterator() {
      return new SlotIterator<Entry<K, V>>(t) {
        @Override
        @SuppressWarnings("unchecked")
        Entry<K, V> at(int slot) {
          return new WriteThroughEntry((K) t.objectKeys[slot], (V) t.objectValues[slot]);
        }
      };
    }

    @Override
    public int size() {
      return t.size();
    }

    @Override
    public boolean contains(Object o) {
      if (!(o instanceof Entry)) {
        return false;
      }
      Entry<?, ?> e = (Entry<?, ?>) o;
      if (e.getKey() == null) {
        return false;
      }
      int s = t.findObject(e.getKey());
      return s >= 0 && Objects.equals(e.getValue(), t.objectValues[s]);
    }

    @Override
    public boolean remove(Object o) {
      if (!contains(o)) {
        return false;
      }
      TableObjectMap.this.remove(((Entry<?, ?>) o).getKey());
      return true;
    }

    @Override
    public void clear() {
      t.clear();
    }
  }

  /** An entry whose {@code setValue} writes to the map, as {@code HashMap}'s do. */
  private final class WriteThroughEntry extends SimpleEntry<K, V> {
    private static final long serialVersionUID = 1L;

    WriteThroughEntry(K key, V value) {
      super(key, value);
    }

    @Override
    public V setValue(V value) {
      requireNonNull(value, "value");
      V old = super.setValue(value);
      int s = t.findObject(getKey());
      if (s >= 0) {
        t.replaceObject(s, value, false);
      }
      return old;
    }
  }
}
