package dev.safecollections.testing;

import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;

/**
 * Runs a Lincheck test class by model checking or by stress, with the suite's counts: {@code
 * -Dsafecollections.lincheck.iterations=N} sets the scenarios per strategy and {@code
 * -Dsafecollections.lincheck.invocations=N} the runs (interleavings) per scenario; the defaults
 * keep the suite fast, a soak raises them.
 */
public final class LincheckRuns {
  private LincheckRuns() {}

  private static int iterations() {
    return Integer.getInteger("safecollections.lincheck.iterations", 10);
  }

  private static int invocations() {
    return Integer.getInteger("safecollections.lincheck.invocations", 200);
  }

  /** Checks the class by exploring interleavings systematically. */
  public static void modelChecking(Class<?> test) {
    LinChecker.check(test, new ModelCheckingOptions()
        .iterations(iterations())
        .invocationsPerIteration(invocations()));
  }

  /** Checks the class by running its scenarios on real threads. */
  public static void stress(Class<?> test) {
    LinChecker.check(test, new StressOptions()
        .iterations(iterations())
        .invocationsPerIteration(invocations()));
  }
}
