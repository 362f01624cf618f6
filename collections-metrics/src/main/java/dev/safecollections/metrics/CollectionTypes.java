package dev.safecollections.metrics;

import dev.safecollections.SafeCollection;
import java.util.ArrayDeque;
import java.util.Deque;

/** The public type a collection is reported under: the type tag of its meters and MBean. */
final class CollectionTypes {
  private static final String API = "dev.safecollections.";

  private CollectionTypes() {}

  /**
   * The first public interface of this library that the class implements, looking at the
   * class's own interfaces before their super-interfaces, and the class's before its
   * superclass's; {@code SafeCollection} if none is more specific.
   */
  static String of(SafeCollection c) {
    for (Class<?> k = c.getClass(); k != null; k = k.getSuperclass()) {
      Deque<Class<?>> todo = new ArrayDeque<>(java.util.List.of(k.getInterfaces()));
      while (!todo.isEmpty()) {
        Class<?> i = todo.removeFirst();
        if (i != SafeCollection.class && isApi(i) && SafeCollection.class.isAssignableFrom(i)) {
          return i.getSimpleName();
        }
        todo.addAll(java.util.List.of(i.getInterfaces()));
      }
    }
    return SafeCollection.class.getSimpleName();
  }

  private static boolean isApi(Class<?> i) {
    String n = i.getName();
    return n.startsWith(API) && n.indexOf('.', API.length()) < 0;
  }
}
