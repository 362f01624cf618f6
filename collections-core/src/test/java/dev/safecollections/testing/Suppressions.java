package dev.safecollections.testing;

import com.google.common.collect.testing.testers.CollectionToStringTester;
import java.lang.reflect.Method;
import java.util.List;

/** guava-testlib testers that some of our suites suppress, each for a reason its caller gives. */
public final class Suppressions {
  private Suppressions() {}

  /**
   * The {@code toString} testers of collections: fastutil's key sets, values and entry sets
   * print as {@code {a, b}} and {@code k->v}, not as {@code java.util}'s {@code [a, b]}.
   */
  public static List<Method> collectionToString() {
    try {
      return List.of(
          CollectionToStringTester.class.getMethod("testToString_size0"),
          CollectionToStringTester.class.getMethod("testToString_size1"),
          CollectionToStringTester.class.getMethod("testToString_sizeSeveral"));
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }
}
