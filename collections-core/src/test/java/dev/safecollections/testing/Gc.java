package dev.safecollections.testing;

import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.function.BooleanSupplier;

/** Reachability checks: {@code System.gc()} in a bounded loop, never a sleep. */
public final class Gc {
  private static final int ATTEMPTS = 20;

  private Gc() {}

  /** Whether the referent was collected within a bounded number of full collections. */
  public static boolean cleared(WeakReference<?> reference) {
    for (int i = 0; i < ATTEMPTS && reference.get() != null; i++) {
      System.gc();
    }
    return reference.get() == null;
  }

  /**
   * Whether {@code condition} became true within a bounded number of full collections. For
   * effects of the JVM's reference handler thread, which enqueues cleared references after a
   * collection: a map reclaims a collected entry only once its reference is enqueued.
   */
  public static boolean eventually(BooleanSupplier condition) {
    for (int i = 0; i < ATTEMPTS && !condition.getAsBoolean(); i++) {
      System.gc();
      Thread.yield();
    }
    return condition.getAsBoolean();
  }

  /** How many referents are still reachable after collecting until the count stops falling. */
  public static long stillReachable(Collection<? extends WeakReference<?>> references) {
    long before = Long.MAX_VALUE;
    long now = count(references);
    for (int i = 0; i < ATTEMPTS && now < before; i++) {
      System.gc();
      before = now;
      now = count(references);
    }
    return now;
  }

  private static long count(Collection<? extends WeakReference<?>> references) {
    return references.stream().filter(r -> r.get() != null).count();
  }
}
