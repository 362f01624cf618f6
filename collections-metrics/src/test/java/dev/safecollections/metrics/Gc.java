package dev.safecollections.metrics;

import java.lang.ref.WeakReference;
import java.util.function.BooleanSupplier;

/** Deterministic waits on the garbage collector: a bounded loop of {@code System.gc()}. */
final class Gc {
  private Gc() {}

  /** Runs GC until {@code ref} clears; returns whether it did within the bound. */
  static boolean collect(WeakReference<?> ref) {
    return until(() -> ref.get() == null);
  }

  /** Runs GC, then {@code condition}, up to 50 times; returns whether it held. */
  static boolean until(BooleanSupplier condition) {
    for (int i = 0; i < 50; i++) {
      System.gc();
      if (condition.getAsBoolean()) {
        return true;
      }
      byte[][] pressure = new byte[64][];
      for (int j = 0; j < pressure.length; j++) {
        pressure[j] = new byte[64 * 1024];
      }
    }
    return false;
  }
}
