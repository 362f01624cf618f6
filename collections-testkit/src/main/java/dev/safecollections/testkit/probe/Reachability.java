package dev.safecollections.testkit.probe;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Asserts that objects become unreachable: holds them through {@link WeakReference}s and runs
 * {@code System.gc()} in a bounded loop (with a little allocation between rounds, which some
 * collectors need) until every reference has cleared. Deterministic in what it asserts: an
 * object still strongly reachable never clears, whatever the GC; one that is unreachable clears
 * within the loop on every HotSpot collector. Not thread-safe; use one per test.
 */
public final class Reachability {
  /** How many GC rounds a check runs before it gives up. */
  public static final int GC_ROUNDS = 50;

  private final List<WeakReference<Object>> refs = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();

  /** Starts watching {@code o}, under {@code label} for the failure message; returns {@code o}. */
  public <T> T watch(T o, String label) {
    refs.add(new WeakReference<>(o));
    labels.add(label);
    return o;
  }

  /**
   * Runs the GC until every watched object has been collected.
   *
   * @throws AssertionError naming the objects still reachable after {@value #GC_ROUNDS} rounds
   */
  public void assertAllCollected() {
    if (!gcUntil(() -> refs.stream().allMatch(r -> r.get() == null))) {
      List<String> alive = new ArrayList<>();
      for (int i = 0; i < refs.size(); i++) {
        if (refs.get(i).get() != null) {
          alive.add(labels.get(i));
        }
      }
      throw new AssertionError(alive.size() + " of " + refs.size()
          + " objects still reachable after " + GC_ROUNDS + " GC rounds: " + alive);
    }
  }

  /** Asserts that {@code ref} clears within the GC rounds. */
  public static void assertCollected(WeakReference<?> ref, String what) {
    if (!gcUntil(() -> ref.get() == null)) {
      throw new AssertionError(what + " is still reachable after " + GC_ROUNDS + " GC rounds");
    }
  }

  /** Runs GC rounds until {@code condition} holds; returns whether it did. */
  public static boolean gcUntil(BooleanSupplier condition) {
    for (int i = 0; i < GC_ROUNDS; i++) {
      if (condition.getAsBoolean()) {
        return true;
      }
      System.gc();
      byte[][] churn = new byte[16][];
      for (int j = 0; j < churn.length; j++) {
        churn[j] = new byte[32 * 1024];
      }
    }
    return condition.getAsBoolean();
  }
}
