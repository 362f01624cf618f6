package dev.safecollections.testing;

import dev.safecollections.BoundedInt2IntMap;
import dev.safecollections.BoundedInt2ObjectMap;
import dev.safecollections.BoundedLong2LongMap;
import dev.safecollections.BoundedLong2ObjectMap;
import dev.safecollections.BoundedMap;
import dev.safecollections.BoundedObject2IntMap;
import dev.safecollections.BoundedObject2LongMap;
import dev.safecollections.SingleThreadedMapBuilder;
import dev.safecollections.internal.table.TableBacked;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One single-threaded map seen through int keys and values, driven through its own typed API
 * (primitive methods for the primitive maps), so one model-based test covers every shell.
 * Absent values come back as null; values stored are never {@link #ABSENT}.
 */
public abstract class TableSubject {
  public static final int ABSENT = -1;

  /** The seven single-threaded maps, each built by a configured builder. */
  public enum Kind {
    OBJECT(b -> new ObjectMap(b.build())),
    LONG_TO_LONG(b -> new LongToLong(b.buildLongToLong())),
    LONG_TO_OBJECT(b -> new LongToObject(b.buildLongToObject())),
    INT_TO_INT(b -> new IntToInt(b.buildIntToInt())),
    INT_TO_OBJECT(b -> new IntToObject(b.buildIntToObject())),
    OBJECT_TO_LONG(b -> new ObjectToLong(b.buildObjectToLong())),
    OBJECT_TO_INT(b -> new ObjectToInt(b.buildObjectToInt()));

    private final Function<SingleThreadedMapBuilder<Object, Object>, TableSubject> factory;

    Kind(Function<SingleThreadedMapBuilder<Object, Object>, TableSubject> factory) {
      this.factory = factory;
    }

    public TableSubject create(SingleThreadedMapBuilder<Object, Object> builder) {
      return factory.apply(builder);
    }
  }

  private final BoundedMap<?, ?> map;

  TableSubject(BoundedMap<?, ?> map) {
    this.map = map;
  }

  public BoundedMap<?, ?> map() {
    return map;
  }

  public abstract Integer get(int key);

  public abstract boolean containsKey(int key);

  public abstract Integer put(int key, int value);

  public abstract Integer remove(int key);

  public int size() {
    return map.size();
  }

  public void clear() {
    map.clear();
  }

  /** The entries in iteration order as "k=v", without calling size(). */
  public List<String> entries() {
    List<String> list = new ArrayList<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      list.add(e.getKey() + "=" + e.getValue());
    }
    return list;
  }

  /** Removes the first entry through the entry iterator; returns its key as "k". */
  public String removeFirst() {
    Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
    if (!it.hasNext()) {
      return null;
    }
    String key = String.valueOf(it.next().getKey());
    it.remove();
    return key;
  }

  public void validate() {
    ((TableBacked) map).table().validate();
  }

  static Integer value(long v) {
    return (v == ABSENT) ? null : (int) v;
  }

  private static final class ObjectMap extends TableSubject {
    final BoundedMap<Integer, Integer> m;

    ObjectMap(BoundedMap<Integer, Integer> m) {
      super(m);
      this.m = m;
    }

    @Override public Integer get(int key) { return m.get(key); }
    @Override public boolean containsKey(int key) { return m.containsKey(key); }
    @Override public Integer put(int key, int value) { return m.put(key, value); }
    @Override public Integer remove(int key) { return m.remove(key); }
  }

  private static final class LongToLong extends TableSubject {
    final BoundedLong2LongMap m;

    LongToLong(BoundedLong2LongMap m) {
      super(m);
      this.m = m;
      m.defaultReturnValue(ABSENT);
    }

    @Override public Integer get(int key) { return value(m.get((long) key)); }
    @Override public boolean containsKey(int key) { return m.containsKey((long) key); }
    @Override public Integer put(int key, int value) { return value(m.put(key, (long) value)); }
    @Override public Integer remove(int key) { return value(m.remove((long) key)); }
  }

  private static final class LongToObject extends TableSubject {
    final BoundedLong2ObjectMap<Integer> m;

    LongToObject(BoundedLong2ObjectMap<Integer> m) {
      super(m);
      this.m = m;
    }

    @Override public Integer get(int key) { return m.get((long) key); }
    @Override public boolean containsKey(int key) { return m.containsKey((long) key); }
    @Override public Integer put(int key, int value) { return m.put((long) key, (Integer) value); }
    @Override public Integer remove(int key) { return m.remove((long) key); }
  }

  private static final class IntToInt extends TableSubject {
    final BoundedInt2IntMap m;

    IntToInt(BoundedInt2IntMap m) {
      super(m);
      this.m = m;
      m.defaultReturnValue(ABSENT);
    }

    @Override public Integer get(int key) { return value(m.get(key)); }
    @Override public boolean containsKey(int key) { return m.containsKey(key); }
    @Override public Integer put(int key, int value) { return value(m.put(key, value)); }
    @Override public Integer remove(int key) { return value(m.remove(key)); }
  }

  private static final class IntToObject extends TableSubject {
    final BoundedInt2ObjectMap<Integer> m;

    IntToObject(BoundedInt2ObjectMap<Integer> m) {
      super(m);
      this.m = m;
    }

    @Override public Integer get(int key) { return m.get(key); }
    @Override public boolean containsKey(int key) { return m.containsKey(key); }
    @Override public Integer put(int key, int value) { return m.put(key, (Integer) value); }
    @Override public Integer remove(int key) { return m.remove(key); }
  }

  private static final class ObjectToLong extends TableSubject {
    final BoundedObject2LongMap<Integer> m;

    ObjectToLong(BoundedObject2LongMap<Integer> m) {
      super(m);
      this.m = m;
      m.defaultReturnValue(ABSENT);
    }

    @Override public Integer get(int key) { return value(m.getLong(key)); }
    @Override public boolean containsKey(int key) { return m.containsKey(key); }
    @Override public Integer put(int key, int value) { return value(m.put(Integer.valueOf(key), (long) value)); }
    @Override public Integer remove(int key) { return value(m.removeLong(key)); }
  }

  private static final class ObjectToInt extends TableSubject {
    final BoundedObject2IntMap<Integer> m;

    ObjectToInt(BoundedObject2IntMap<Integer> m) {
      super(m);
      this.m = m;
      m.defaultReturnValue(ABSENT);
    }

    @Override public Integer get(int key) { return value(m.getInt(key)); }
    @Override public boolean containsKey(int key) { return m.containsKey(key); }
    @Override public Integer put(int key, int value) { return value(m.put(Integer.valueOf(key), value)); }
    @Override public Integer remove(int key) { return value(m.removeInt(key)); }
  }
}
