package dev.safecollections.benchmarks;

import dev.safecollections.SafeMaps;
import it.unimi.dsi.fastutil.ints.Int2IntLinkedOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectLinkedOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongLinkedOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectLinkedOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntLinkedOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2LongLinkedOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jctools.maps.NonBlockingHashMapLong;
import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes per entry at one million entries (JOL, everything each map reaches) for every
 * primitive map next to fastutil's open and linked hash maps and a boxed {@code HashMap}, and
 * what ours retains after all entries are removed and after {@code clear()}. Reference keys and
 * values (the payload every map shares) are not counted; boxes are. Then the same for the
 * lock-free long-key map beside {@code NonBlockingHashMapLong} and {@code ConcurrentHashMap}.
 *
 * <p>Run with {@code java -Djol.magicFieldOffset=true -cp benchmarks/target/benchmarks.jar
 * dev.safecollections.benchmarks.FootprintReport} after {@code mvn -B -DskipTests package}; it
 * needs about 4 GB of heap and takes a few minutes, most of it walking {@code HashMap}'s
 * three million objects.
 */
public final class FootprintReport {
  private static final int N = 1_000_000;

  private FootprintReport() {}

  /** One key and value shape: how to fill each map and which payload objects it shares. */
  private static final class Shape {
    final String name;
    final Supplier<Map<Object, Object>> ours;
    final List<Supplier<Map<Object, Object>>> baselines;
    final boolean objectKeys;
    final boolean objectValues;

    @SuppressWarnings({"unchecked", "rawtypes"})
    Shape(String name, Supplier<? extends Map> ours, boolean objectKeys, boolean objectValues,
        Supplier<? extends Map> open, Supplier<? extends Map> linked) {
      this.name = name;
      this.ours = (Supplier<Map<Object, Object>>) (Supplier) ours;
      this.baselines = List.of((Supplier<Map<Object, Object>>) (Supplier) open,
          (Supplier<Map<Object, Object>>) (Supplier) linked, HashMap::new);
      this.objectKeys = objectKeys;
      this.objectValues = objectValues;
    }
  }

  public static void main(String[] args) {
    List<Shape> shapes = List.of(
        new Shape("longToLong", () -> SafeMaps.boundedLongToLong(N), false, false,
            Long2LongOpenHashMap::new, Long2LongLinkedOpenHashMap::new),
        new Shape("longToObject", () -> SafeMaps.boundedLongToObject(N), false, true,
            Long2ObjectOpenHashMap::new, Long2ObjectLinkedOpenHashMap::new),
        new Shape("intToInt", () -> SafeMaps.boundedIntToInt(N), false, false,
            Int2IntOpenHashMap::new, Int2IntLinkedOpenHashMap::new),
        new Shape("intToObject", () -> SafeMaps.boundedIntToObject(N), false, true,
            Int2ObjectOpenHashMap::new, Int2ObjectLinkedOpenHashMap::new),
        new Shape("objectToLong", () -> SafeMaps.boundedObjectToLong(N), true, false,
            Object2LongOpenHashMap::new, Object2LongLinkedOpenHashMap::new),
        new Shape("objectToInt", () -> SafeMaps.boundedObjectToInt(N), true, false,
            Object2IntOpenHashMap::new, Object2IntLinkedOpenHashMap::new));
    System.out.printf("bytes per entry at %,d entries (reference keys and values not counted)%n",
        N);
    System.out.printf("%-14s %8s %14s %16s %9s %14s %12s%n", "map", "ours", "fastutil open",
        "fastutil linked", "HashMap", "after remove", "after clear");
    for (Shape shape : shapes) {
      Object[] keys = new Object[N];
      Object[] values = new Object[N];
      for (int i = 0; i < N; i++) {
        keys[i] = shape.name.startsWith("long") ? (Object) (i * 31L)
            : shape.name.startsWith("int") ? (Object) (i * 31) : "key" + i;
        values[i] = shape.name.endsWith("Long") ? (Object) (long) i
            : shape.name.endsWith("Int") ? (Object) i : "value" + i;
      }
      long payload = payload(shape, keys, values);
      Map<Object, Object> ours = fill(shape.ours.get(), keys, values);
      double oursPerEntry = perEntry(ours, payload);
      double[] base = new double[3];
      for (int b = 0; b < 3; b++) {
        base[b] = perEntry(fill(shape.baselines.get(b).get(), keys, values), payload);
      }
      for (Object key : keys) {
        ours.remove(key);
      }
      long afterRemove = GraphLayout.parseInstance(ours).totalSize();
      ours = fill(shape.ours.get(), keys, values);
      ours.clear();
      long afterClear = GraphLayout.parseInstance(ours).totalSize();
      System.out.printf("%-14s %8.1f %14.1f %16.1f %9.1f %12d B %10d B%n", shape.name,
          oursPerEntry, base[0], base[1], base[2], afterRemove, afterClear);
    }
    System.out.println();
    lockFree();
  }

  /**
   * The lock-free long-key map beside {@code NonBlockingHashMapLong} and {@code
   * ConcurrentHashMap<Long, V>}: bytes per entry with one shared value (so the figures are the
   * maps' own), and what ours retains after all entries are removed and after {@code clear()}.
   */
  private static void lockFree() {
    Object value = new Object();
    long shared = GraphLayout.parseInstance(value).totalSize();
    System.out.printf("%-22s %8s %24s %19s %14s %12s%n", "map", "ours",
        "NonBlockingHashMapLong", "ConcurrentHashMap", "after remove", "after clear");
    Map<Long, Object> ours = SafeMaps.concurrentLongToObject(N);
    Map<Long, Object> raw = new NonBlockingHashMapLong<>();
    Map<Long, Object> chm = new ConcurrentHashMap<>();
    for (long k = 0; k < N; k++) {
      ours.put(k * 31, value);
      raw.put(k * 31, value);
      chm.put(k * 31, value);
    }
    double oursPerEntry = (GraphLayout.parseInstance(ours).totalSize() - shared) / (double) N;
    double rawPerEntry = (GraphLayout.parseInstance(raw).totalSize() - shared) / (double) N;
    double chmPerEntry = (GraphLayout.parseInstance(chm).totalSize() - shared) / (double) N;
    for (long k = 0; k < N; k++) {
      ours.remove(k * 31);
    }
    long afterRemove = GraphLayout.parseInstance(ours).totalSize();
    for (long k = 0; k < N; k++) {
      ours.put(k * 31, value);
    }
    ours.clear();
    long afterClear = GraphLayout.parseInstance(ours).totalSize();
    System.out.printf("%-22s %8.1f %24.1f %19.1f %12d B %10d B%n", "concurrentLongToObject",
        oursPerEntry, rawPerEntry, chmPerEntry, afterRemove, afterClear);
  }

  private static Map<Object, Object> fill(Map<Object, Object> map, Object[] keys,
      Object[] values) {
    for (int i = 0; i < N; i++) {
      map.put(keys[i], values[i]);
    }
    return map;
  }

  /** The size of the reference keys and values, which every map holds alike. */
  private static long payload(Shape shape, Object[] keys, Object[] values) {
    long total = 0;
    if (shape.objectKeys) {
      total += GraphLayout.parseInstance((Object) keys).totalSize()
          - GraphLayout.parseInstance((Object) new Object[N]).totalSize();
    }
    if (shape.objectValues) {
      total += GraphLayout.parseInstance((Object) values).totalSize()
          - GraphLayout.parseInstance((Object) new Object[N]).totalSize();
    }
    return total;
  }

  private static double perEntry(Map<Object, Object> map, long payload) {
    return (double) (GraphLayout.parseInstance(map).totalSize() - payload) / N;
  }
}
