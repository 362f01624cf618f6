package dev.safecollections.internal.table;

import dev.safecollections.BoundedInt2IntMap;
import dev.safecollections.CollectionMetrics;
import dev.safecollections.RemovalCause;
import it.unimi.dsi.fastutil.ints.AbstractInt2IntMap;
import it.unimi.dsi.fastutil.objects.ObjectSet;
import java.util.Map;

/**
 * {@link BoundedInt2IntMap} over a {@link SlotTable}: no boxing on the primitive API. Not
 * thread-safe. Not part of the public API.
 */
public final class TableInt2IntMap extends AbstractInt2IntMap
    implements BoundedInt2IntMap, TableBacked {
  private static final long serialVersionUID = 1L;
  @SuppressWarnings("unused") // fails serialization; see NotSerializable
  private final NotSerializable notSerializable = NotSerializable.INSTANCE;
  private final transient SlotTable t;
  private transient ObjectSet<Entry> entries;

  TableInt2IntMap(SlotTable table) {
    this.t = table;
  }

  @Override
  public int get(int key) {
    int s = t.getInt(key);
    return (s < 0) ? defRetValue : t.intValues[s];
  }

  @Override
  public boolean containsKey(int key) {
    return t.findInt(key) >= 0;
  }

  @Override
  public int put(int key, int value) {
    int s = t.findInt(key);
    if (s >= 0) {
      return t.replaceInt(s, value, true);
    }
    s = t.insertInt(key);
    t.intValues[s] = value; // after the insert: it may grow the array
    return defRetValue;
  }

  @Override
  public int remove(int key) {
    int s = t.findInt(key);
    if (s < 0) {
      return defRetValue;
    }
    int old = t.intValues[s];
    t.removeAt(s, RemovalCause.EXPLICIT);
    return old;
  }

  @Override
  public ObjectSet<Entry> int2IntEntrySet() {
    ObjectSet<Entry> es = entries;
    return (es != null) ? es : (entries = new SlotEntrySet<Entry>(t) {
      @Override
      Entry at(int slot) {
        return new WriteThroughEntry(t.intKeys[slot], t.intValues[slot]);
      }

      @Override
      int slotOf(Object o) {
        if (!(o instanceof Map.Entry)) {
          return SlotTable.NONE;
        }
        Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
        if (!(e.getKey() instanceof Integer) || !(e.getValue() instanceof Integer)) {
          return SlotTable.NONE;
        }
        int s = t.findInt((Integer) e.getKey());
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

  private final class WriteThroughEntry extends BasicEntry {
    WriteThroughEntry(int key, int value) {
      super(key, value);
    }

    @Override
    public int setValue(int value) {
      int old = this.value;
      this.value = value;
      int s = t.findInt(key);
      if (s >= 0) {
        t.replaceInt(s, value, false);
      }
      return old;
    }
  }
}
