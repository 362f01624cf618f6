package dev.safecollections.testing;

import java.lang.ref.WeakReference;
import java.util.Collection;

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
