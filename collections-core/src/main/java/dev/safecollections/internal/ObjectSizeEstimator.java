package dev.safecollections.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Estimates the bytes an object keeps alive, for byte-bounded collections.
 *
 * <p>The model is HotSpot's 64-bit layout with compressed class pointers: a 12-byte object
 * header, a 16-byte array header, 8-byte alignment, and 4-byte references while the heap is
 * below 32 GiB (compressed oops), 8 bytes above. Strings, boxed primitives and arrays are
 * computed exactly from that model; collections and maps add an estimate of their backing
 * table and sample at most {@value #SAMPLE} elements, scaling up for larger ones; other objects
 * are walked field by field, through fields that reflection may read, to a depth of
 * {@value #MAX_DEPTH}. Enums and classes are shared and cost nothing. Within one estimate an
 * object reached twice is counted once. The cost is proportional to the objects visited, at
 * most about {@code SAMPLE^MAX_DEPTH} in the worst case and a few dozen in common ones.
 *
 * <p>Thread-safe and stateless apart from a per-class layout cache. Not part of the public API.
 */
public final class ObjectSizeEstimator {
  /** How deep the walk follows references from the estimated object. */
  static final int MAX_DEPTH = 4;
  /** How many elements of a collection, map or array are looked at. */
  static final int SAMPLE = 64;

  static final int HEADER = 12;
  static final int ARRAY_HEADER = 16;
  static final int REF = Runtime.getRuntime().maxMemory() < (32L << 30) ? 4 : 8;

  /**
   * What a map entry costs beyond its key and value in the Caffeine-backed maps: the cache node
   * and the hash table node and slot. {@code ObjectSizeEstimatorTest} checks it against a JOL
   * measurement.
   */
  public static final long ENTRY_OVERHEAD = 80;

  private static final long STRING_SHALLOW = align(HEADER + 4 + REF + 2);
  private static final long HASH_NODE = align(HEADER + 4 + 3L * REF);

  private static final ClassValue<Layout> LAYOUTS = new ClassValue<>() {
    @Override
    protected Layout computeValue(Class<?> type) {
      return Layout.of(type);
    }
  };

  private ObjectSizeEstimator() {}

  /** The estimated bytes {@code object} keeps alive; 0 for null. */
  public static long estimate(Object object) {
    return (object == null) ? 0 : new Walk().size(object, MAX_DEPTH);
  }

  static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }

  static long stringSize(String s) {
    int length = s.length();
    boolean latin1 = true;
    for (int i = 0; i < length && latin1; i++) {
      latin1 = s.charAt(i) < 256;
    }
    return STRING_SHALLOW + align(ARRAY_HEADER + (latin1 ? (long) length : 2L * length));
  }

  private static long primitiveSize(Class<?> type) {
    if (type == long.class || type == double.class) {
      return 8;
    } else if (type == int.class || type == float.class) {
      return 4;
    } else if (type == short.class || type == char.class) {
      return 2;
    }
    return 1;
  }

  private static long boxSize(Object o) {
    if (o instanceof Long || o instanceof Double) {
      return align(HEADER + 8);
    }
    return align(HEADER + 4);
  }

  private static boolean isBox(Object o) {
    return o instanceof Integer || o instanceof Long || o instanceof Double || o instanceof Float
        || o instanceof Short || o instanceof Byte || o instanceof Character || o instanceof Boolean;
  }

  /**
   * One estimate: remembers what it has counted. The identity set is created on the first
   * object that needs it, so strings and boxes (most keys) cost no allocation.
   */
  private static final class Walk {
    private IdentityHashMap<Object, Boolean> seen;

    long size(Object o, int depth) {
      if (o == null || o instanceof Class<?> || o instanceof Enum<?>) {
        return 0;
      }
      if (o instanceof String) {
        return stringSize((String) o);
      }
      if (isBox(o)) {
        return boxSize(o);
      }
      if (seen == null) {
        seen = new IdentityHashMap<>();
      }
      if (seen.put(o, Boolean.TRUE) != null) {
        return 0;
      }
      Class<?> type = o.getClass();
      if (type.isArray()) {
        return arraySize(o, type.getComponentType(), depth);
      }
      long shallow = LAYOUTS.get(type).shallow;
      try {
        if (o instanceof Collection<?>) {
          Collection<?> c = (Collection<?>) o;
          int n = c.size();
          return shallow + align(ARRAY_HEADER + (long) n * REF) + sampled(c.iterator(), n, depth);
        }
        if (o instanceof Map<?, ?>) {
          Map<?, ?> m = (Map<?, ?>) o;
          int n = m.size();
          long table = align(ARRAY_HEADER + Long.highestOneBit(Math.max(1, n * 2L)) * REF);
          long keysAndValues = sampled(m.keySet().iterator(), n, depth)
              + sampled(m.values().iterator(), n, depth);
          return shallow + table + n * HASH_NODE + keysAndValues;
        }
      } catch (RuntimeException concurrentlyModified) {
        return shallow;
      }
      return shallow + LAYOUTS.get(type).referencedSize(o, this, depth);
    }

    private long arraySize(Object array, Class<?> component, int depth) {
      int length = java.lang.reflect.Array.getLength(array);
      if (component.isPrimitive()) {
        return align(ARRAY_HEADER + length * primitiveSize(component));
      }
      long shallow = align(ARRAY_HEADER + (long) length * REF);
      if (depth == 0 || length == 0) {
        return shallow;
      }
      Object[] elements = (Object[]) array;
      int step = Math.max(1, length / SAMPLE);
      long sum = 0;
      int looked = 0;
      for (int i = 0; i < length; i += step) {
        sum += size(elements[i], depth - 1);
        looked++;
      }
      return shallow + sum * length / looked;
    }

    private long sampled(Iterator<?> it, int n, int depth) {
      if (depth == 0 || n == 0) {
        return 0;
      }
      long sum = 0;
      int looked = 0;
      while (looked < SAMPLE && it.hasNext()) {
        sum += size(it.next(), depth - 1);
        looked++;
      }
      return (looked == 0) ? 0 : sum * n / looked;
    }
  }

  /** A class's shallow size and the reference fields reflection may read. */
  private static final class Layout {
    final long shallow;
    final Field[] references;

    private Layout(long shallow, Field[] references) {
      this.shallow = shallow;
      this.references = references;
    }

    static Layout of(Class<?> type) {
      long bytes = HEADER;
      List<Field> references = new ArrayList<>();
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers())) {
            continue;
          }
          Class<?> fieldType = field.getType();
          bytes += fieldType.isPrimitive() ? primitiveSize(fieldType) : REF;
          if (!fieldType.isPrimitive() && field.trySetAccessible()) {
            references.add(field);
          }
        }
      }
      return new Layout(align(bytes), references.toArray(new Field[0]));
    }

    long referencedSize(Object o, Walk walk, int depth) {
      if (depth == 0) {
        return 0;
      }
      long sum = 0;
      for (Field field : references) {
        try {
          sum += walk.size(field.get(o), depth - 1);
        } catch (IllegalAccessException unreadable) {
          // counted as a reference in the shallow size; what it points to is unknown
        }
      }
      return sum;
    }
  }
}
