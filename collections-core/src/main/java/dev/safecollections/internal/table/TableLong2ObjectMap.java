package dev.safecollections.internal.table;

import static dev.safecollections.internal.Checks.requireNonNull;

import dev.safecollections.BoundedLong2ObjectMap;
import dev.safecollections.CollectionMetrics;
import dev.safecollections.RemovalCause;
import it.unimi.dsi.fastutil.longs.AbstractLong2ObjectMap;
import it.unimi.dsi.fastutil.objects.ObjectSet;
import java.util.Map;

/**
 * {@link BoundedLong2ObjectMap} over a {@link SlotTable}: no boxing on the primitive API. Not
 * thread-safe. Not part of the public API.
 *
 * @param <V> the value type
 */
public final class TableLong2ObjectMap<V> extends AbstractLong2ObjectMap<V>
    implements BoundedLong2ObjectMap<V>, TableBacked {
  private static final long serialVersionUID = 1L;
  @SuppressWarnings("unused") // fails serialization; see NotSerializable
  private final NotSerializable notSerializable = NotSerializable.INSTANCE;
  private final transient SlotTable t;
  private transient ObjectSet<Entry<V>> entries;

  TableLong2ObjectMap(SlotTable table) {
    this.t = table;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(long key) {
    int s = t.getLong(key);
    return (s < 0) ? defRetValue : (V) t.objectValues[s];
  }

  @Override
  public boolean containsKey(long key) {
    return t.findLong(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V put(long key, V value) {
    requireNonNull(value, "value");
    int s = t.findLong(key);
    if (s >= 0) {
      return (V) t.replaceObject(s, value, true);
    }
    s = t.insertLong(key);
    t.objectValues[s] = value; // after the insert: it may grow the array
    return defRetValue;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V remove(long key) {
    int s = t.findLong(key);
    if (s < 0) {
      return defRetValue;
    }
    V old = (V) t.objectValues[s];
    t.removeAt(s, RemovalCause.EXPLICIT);
    return old;
  }

  @Override
  public ObjectSet<Entry<V>> long2ObjectEntrySet() {
    ObjectSet<Entry<V>> es = entries;
    return (es != null) ? es : (entries = new SlotEntrySet<Entry<V>>(t) {
      @Override
      @SuppressWarnings("unchecked")
      Entry<V> at(int slot) {
        return new WriteThroughEntry(t.longKeys[slot], (V) t.objectValues[slot]);
      }

      @Override
      int slotOf(Object o) {
        if (!(o instanceof Map.Entry)) {
          return SlotTable.NONE;
        }
        Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
        if (!(e.getKey() instanceof Long)) {
          return SlotTable.NONE;
        }
        int s = t.findLong((Long) e.getKey());
        return (s >= 0 && java.util.Objects.equals(t.objectValues[s], e.getValue())) ? s : SlotTable.NONE;
      }
    });
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
  public SlotTable table() {
    return t;
  }

  @Override
  public String name() {
    return t.name();
  }

  @Override
  public CollectionMetrics metrics() {
    return t.metrics();
  }

  @Override
  public void cleanUp() {
    t.cleanUp();
  }

  @Override
  public String toString() {
    return t.toString();
  }

  private final class WriteThroughEntry extends BasicEntry<V> {
    WriteThroughEntry(long key, V value) {
      super(key, value);
    }

    @Override
    public V setValue(V value) {
      requireNonNull(value, "value");
      V old = this.value;
      this.value = value;
      int s = t.findLong(key);
      if (s >= 0) {
        t.replaceObject(s, value, false);
      }
      return old;
    }
  }
}
