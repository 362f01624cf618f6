package dev.safecollections.internal.table;

import dev.safecollections.BoundedInt2IntMap;
import dev.safecollections.BoundedInt2ObjectMap;
import dev.safecollections.BoundedIntSet;
import dev.safecollections.BoundedLong2LongMap;
import dev.safecollections.BoundedLong2ObjectMap;
import dev.safecollections.BoundedLongSet;
import dev.safecollections.BoundedMap;
import dev.safecollections.BoundedObject2IntMap;
import dev.safecollections.BoundedObject2LongMap;
import dev.safecollections.BoundedSet;
import dev.safecollections.EvictionOrder;
import dev.safecollections.internal.MapSpec;
import dev.safecollections.internal.table.SlotTable.Kind;

/**
 * Creates the single-threaded maps and sets from validated settings. Not part of the public
 * API: the builders in {@code dev.safecollections} call it.
 */
public final class Tables {
  private static final String MAP = "SafeMap";
  private static final String SET = "SafeSet";

  private Tables() {}

  public static <K, V> BoundedMap<K, V> objectMap(MapSpec<?, ?> spec, EvictionOrder order) {
    return new TableObjectMap<>(new SlotTable(Kind.OBJECT, Kind.OBJECT, spec, order, MAP));
  }

  public static BoundedLong2LongMap longToLong(MapSpec<?, ?> spec, EvictionOrder order) {
    return new TableLong2LongMap(new SlotTable(Kind.LONG, Kind.LONG, spec, order, MAP));
  }

  public static <V> BoundedLong2ObjectMap<V> longToObject(MapSpec<?, ?> spec, EvictionOrder order) {
    return new TableLong2ObjectMap<>(new SlotTable(Kind.LONG, Kind.OBJECT, spec, order, MAP));
  }

  public static BoundedInt2IntMap intToInt(MapSpec<?, ?> spec, EvictionOrder order) {
    return new TableInt2IntMap(new SlotTable(Kind.INT, Kind.INT, spec, order, MAP));
  }

  public static <V> BoundedInt2ObjectMap<V> intToObject(MapSpec<?, ?> spec, EvictionOrder order) {
    return new TableInt2ObjectMap<>(new SlotTable(Kind.INT, Kind.OBJECT, spec, order, MAP));
  }

  public static <K> BoundedObject2LongMap<K> objectToLong(MapSpec<?, ?> spec, EvictionOrder order) {
    return new TableObject2LongMap<>(new SlotTable(Kind.OBJECT, Kind.LONG, spec, order, MAP));
  }

  public static <K> BoundedObject2IntMap<K> objectToInt(MapSpec<?, ?> spec, EvictionOrder order) {
    return new TableObject2IntMap<>(new SlotTable(Kind.OBJECT, Kind.INT, spec, order, MAP));
  }

  public static <E> BoundedSet<E> objectSet(MapSpec<?, ?> spec, EvictionOrder order) {
    return new TableObjectSet<>(new SlotTable(Kind.OBJECT, Kind.NONE, spec, order, SET));
  }

  public static BoundedLongSet longSet(MapSpec<?, ?> spec, EvictionOrder order) {
    return new TableLongSet(new SlotTable(Kind.LONG, Kind.NONE, spec, order, SET));
  }

  public static BoundedIntSet intSet(MapSpec<?, ?> spec, EvictionOrder order) {
    return new TableIntSet(new SlotTable(Kind.INT, Kind.NONE, spec, order, SET));
  }
}
