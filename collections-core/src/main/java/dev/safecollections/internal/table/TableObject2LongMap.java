package dev.safecollections.internal.table;

import static dev.safecollections.internal.Checks.requireNonNull;

import dev.safecollections.BoundedObject2LongMap;
import dev.safecollections.CollectionMetrics;
import dev.safecollections.RemovalCause;
import it.unimi.dsi.fastutil.objects.AbstractObject2LongMap;
import it.unimi.dsi.fastutil.objects.ObjectSet;
import java.util.Map;

/**
 * {@link BoundedObject2LongMap} over a {@link SlotTable}: no boxing on the primitive API. Not
 * thread-safe. Not part of the public API.
 *
 * @param <K> the key type
 */
public final class TableObject2LongMap<K> extends AbstractObject2LongMap<K>
    implements BoundedObject2LongMap<K>, TableBacked {
  private static final long serialVersionUID = 1L;
  @SuppressWarnings("unused") // fails serialization; see NotSerializable
  private final NotSerializable notSerializable = NotSerializable.INSTANCE;
  private final transient SlotTable t;
  private transient ObjectSet<Entry<K>> entries;

  TableObject2LongMap(SlotTable table) {
    this.t = table;
  }

  @Override
  public long getLong(Object key) {
    if (key == null) {
      return defRetValue;
    }
    int s = t.getObject(key);
    return (s < 0) ? defRetValue : t.longValues[s];
  }

  @Override
  public boolean containsKey(Object key) {
    return key != null && t.findObject(key) >= 0;
  }

  @Override
  public long put(K key, long value) {
    requireNonNull(key, "key");
    int s = t.findObject(key);
    if (s >= 0) {
      return t.replaceLong(s, value, true);
    }
    s = t.insertObject(key);
    t.longValues[s] = value; // after the insert: it may grow the array
    return defRetValue;
  }

  @Override
  public long removeLong(Object key) {
    if (key == null) {
      return defRetValue;
    }
    int s = t.findObject(key);
    if (s < 0) {
      return defRetValue;
    }
    long old = t.longValues[s];
    t.removeAt(s, RemovalCause.EXPLICIT);
    return old;
  }

  @Override
  public ObjectSet<Entry<K>> object2LongEntrySet() {
    ObjectSet<Entry<K>> es = entries;
    return (es != null) ? es : (entries = new SlotEntrySet<Entry<K>>(t) {
      @Override
      @SuppressWarnings("unchecked")
      Entry<K> at(int slot) {
        return new WriteThroughEntry((K) t.objectKeys[slot], t.longValues[slot]);
      }

      @Override
      int slotOf(Object o) {
        if (!(o instanceof Map.Entry)) {
          return SlotTable.NONE;
        }
        Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
        if (e.getKey() == null || !(e.getValue() instanceof Long)) {
          return SlotTable.NONE;
        }
        int s = t.findObject(e.getKey());
        return (s >= 0 && t.longValues[s] == (Long) e.getValue()) ? s : SlotTable.NONE;
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

  private final class WriteThroughEntry extends BasicEntry<K> {
    WriteThroughEntry(K key, long value) {
      super(key, value);
    }

    @Override
    public long setValue(long value) {
      long old = this.value;
      this.value = value;
      int s = t.findObject(key);
      if (s >= 0) {
        t.replaceLong(s, value, false);
      }
      return old;
    }
  }
}
