package dev.safecollections.testkit.probe;

import org.openjdk.jol.info.GraphLayout;

/**
 * Measures the bytes an object retains: JOL's walk of everything reachable from it (shared
 * objects included, so measure collections whose keys and values are not shared elsewhere, or
 * subtract them with {@link #of(Object, Object...)}). Exact for the JVM it runs on; needs
 * {@code -Djol.magicFieldOffset=true} on JDK 17+ to walk lambdas and hidden classes.
 */
public final class RetainedBytes {
  private RetainedBytes() {}

  /** The bytes of everything reachable from {@code root}. */
  public static long of(Object root) {
    return GraphLayout.parseInstance(root).totalSize();
  }

  /**
   * The bytes reachable from {@code root} less those of {@code content}, each reached once from
   * it (the collection's keys and values): the collection's own structure. Computed from
   * totals, not JOL's address-based subtraction, so a GC moving objects between the two walks
   * does not spoil it.
   */
  public static long of(Object root, Object... content) {
    long all = GraphLayout.parseInstance(root).totalSize();
    Object[] box = content.clone();
    long withArray = GraphLayout.parseInstance((Object) box).totalSize();
    long array = GraphLayout.parseInstance((Object) new Object[box.length]).totalSize();
    return all - (withArray - array);
  }

  /**
   * Asserts {@code actual <= factor * baseline + slackBytes}, naming the figures.
   *
   * @throws AssertionError otherwise
   */
  public static void assertAtMost(String what, long actual, double factor, long baseline,
      long slackBytes) {
    double limit = factor * baseline + slackBytes;
    if (actual > limit) {
      throw new AssertionError(String.format("%s retains %,d bytes, more than %.1f x %,d + %,d"
          + " = %,.0f", what, actual, factor, baseline, slackBytes, limit));
    }
  }
}
