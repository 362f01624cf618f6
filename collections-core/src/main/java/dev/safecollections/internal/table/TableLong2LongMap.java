package dev.safecollections.internal.table;

import dev.safecollections.BoundedLong2LongMap;
import dev.safecollections.CollectionMetrics;
import dev.safecollections.RemovalCause;
import it.unimi.dsi.fastutil.longs.AbstractLong2LongMap;
import it.unimi.dsi.fastutil.objects.ObjectSet;
import java.util.Map;

/**
 * {@link BoundedLong2LongMap} over a {@link SlotTable}: no boxing on the primitive API. Not
 * thread-safe. Not part of the public API.
 */
public final class TableLong2LongMap extends AbstractLong2LongMap
    implements BoundedLong2LongMap, TableBacked {
  private static final long serialVersionUID = 1L;
  @SuppressWarnings("unused") // fails serialization; see NotSerializable
  private final NotSerializable notSerializable = NotSerializable.INSTANCE;
  private final transient SlotTable t;
  private transient ObjectSet<Entry> entries;

  TableLong2LongMap(SlotTable table) {
    this.t = table;
  }

  @Override
  public long get(long key) {
    int s = t.getLong(key);
    return (s < 0) ? defRetValue : t.longValues[s];
  }

  @Override
  public boolean containsKey(long key) {
    return t.findLong(key) >= 0;
  }

  @Override
  public long put(long key, long value) {
    int s = t.findLong(key);
    if (s >= 0) {
      return t.replaceLong(s, value, true);
    }
    s = t.insertLong(key);
    t.longValues[s] = value; // after the insert: it may grow the array
    return defRetValue;
  }

  @Override
  public long remove(long key) {
    int s = t.findLong(key);
    if (s < 0) {
      return defRetValue;
    }
    long old = t.longValues[s];
    t.removeAt(s, RemovalCause.EXPLICIT);
    return old;
  }

  @Override
  public ObjectSet<Entry> long2LongEntrySet() {
    ObjectSet<Entry> es = entries;
    return (es != null) ? es : (entries = new SlotEntrySet<Entry>(t) {
      @Override
      Entry at(int slot) {
        return new WriteThroughEntry(t.longKeys[slot], t.longValues[slot]);
      }

      @Override
      int slotOf(Object o) {
        if (!(o instanceof Map.Entry)) {
          return SlotTable.NONE;
        }
        Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
        if (!(e.getKey() instanceof Long) || !(e.getValue() instanceof Long)) {
          return SlotTable.NONE;
        }
        int s = t.findLong((Long) e.getKey());
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

  private final class WriteThroughEntry extends BasicEntry {
    WriteThroughEntry(long key, long value) {
      super(key, value);
    }

    @Override
    public long setValue(long value) {
      long old = this.value;
      this.value = value;
      int s = t.findLong(key);
      if (s >= 0) {
        t.replaceLong(s, value, false);
      }
      return old;
    }
  }
}
