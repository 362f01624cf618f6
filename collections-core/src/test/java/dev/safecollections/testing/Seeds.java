package dev.safecollections.testing;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded randomized runs until the testkit's property engine exists: every failure names the
 * seed that reproduces it. {@code -Dsafecollections.seed=N} replays one seed;
 * {@code -Dsafecollections.tries=N} changes how many seeds each test runs.
 */
public final class Seeds {
  private Seeds() {}

  public static int tries(int defaultTries) {
    return Integer.getInteger("safecollections.tries", defaultTries);
  }

  /** Runs {@code body} once per seed; a failure is rethrown with the seed in its message. */
  public static void forEach(int defaultTries, Consumer<Random> body) {
    Long fixed = Long.getLong("safecollections.seed");
    long base = (fixed != null) ? fixed : System.nanoTime();
    int tries = (fixed != null) ? 1 : tries(defaultTries);
    for (int i = 0; i < tries; i++) {
      long seed = base + i;
      try {
        body.accept(new Random(seed));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("failed with seed " + seed
            + " (replay with -Dsafecollections.seed=" + seed + "): " + e.getMessage(), e);
      }
    }
  }
}
