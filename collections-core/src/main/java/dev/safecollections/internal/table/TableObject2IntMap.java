package dev.safecollections.internal.table;

import static dev.safecollections.internal.Checks.requireNonNull;

import dev.safecollections.BoundedObject2IntMap;
import dev.safecollections.CollectionMetrics;
import dev.safecollections.RemovalCause;
import it.unimi.dsi.fastutil.objects.AbstractObject2IntMap;
import it.unimi.dsi.fastutil.objects.ObjectSet;
import java.util.Map;

/**
 * {@link BoundedObject2IntMap} over a {@link SlotTable}: no boxing on the primitive API. Not
 * thread-safe. Not part of the public API.
 *
 * @param <K> the key type
 */
public final class TableObject2IntMap<K> extends AbstractObject2IntMap<K>
    implements BoundedObject2IntMap<K>, TableBacked {
  private static final long serialVersionUID = 1L;
  @SuppressWarnings("unused") // fails serialization; see NotSerializable
  private final NotSerializable notSerializable = NotSerializable.INSTANCE;
  private final transient SlotTable t;
  private transient ObjectSet<Entry<K>> entries;

  TableObject2IntMap(SlotTable table) {
    this.t = table;
  }

  @Override
  public int getInt(Object key) {
    if (key == null) {
      return defRetValue;
    }
    int s = t.getObject(key);
    return (s < 0) ? defRetValue : t.intValues[s];
  }

  @Override
  public boolean containsKey(Object key) {
    return key != null && t.findObject(key) >= 0;
  }

  @Override
  public int put(K key, int value) {
    requireNonNull(key, "key");
    int s = t.findObject(key);
    if (s >= 0) {
      return t.replaceInt(s, value, true);
    }
    s = t.insertObject(key);
    t.intValues[s] = value; // after the insert: it may grow the array
    return defRetValue;
  }

  @Override
  public int removeInt(Object key) {
    if (key == null) {
      return defRetValue;
    }
    int s = t.findObject(key);
    if (s < 0) {
      return defRetValue;
    }
    int old = t.intValues[s];
    t.removeAt(s, RemovalCause.EXPLICIT);
    return old;
  }

  @Override
  public ObjectSet<Entry<K>> object2IntEntrySet() {
    ObjectSet<Entry<K>> es = entries;
    return (es != null) ? es : (entries = new SlotEntrySet<Entry<K>>(t) {
      @Override
      @SuppressWarnings("unchecked")
      Entry<K> at(int slot) {
        return new WriteThroughEntry((K) t.objectKeys[slot], t.intValues[slot]);
      }

      @Override
      int slotOf(Object o) {
        if (!(o instanceof Map.Entry)) {
          return SlotTable.NONE;
        }
        Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
        if (e.getKey() == null || !(e.getValue() instanceof Integer)) {
          return SlotTable.NONE;
        }
        int s = t.findObject(e.getKey());
        return (s >= 0 && t.intValues[s] == (Integer) e.getValue()) ? s : SlotTable.NONE;
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
    WriteThroughEntry(K key, int value) {
      super(key, value);
    }

    @Override
    public int setValue(int value) {
      int old = this.value;
      this.value = value;
      int s = t.findObject(key);
      if (s >= 0) {
        t.replaceInt(s, value, false);
      }
      return old;
    }
  }
}
