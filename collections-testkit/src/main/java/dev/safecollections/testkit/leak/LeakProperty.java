package dev.safecollections.testkit.leak;

/**
 * One property of a suite: its name (the suite's, the invariant's) and how to check it.
 * Checking throws an {@link AssertionError} naming the broken invariant (a {@code
 * PropertyFailure} with the seed and the minimal operation sequence, for generated ones).
 */
public final class LeakProperty {
  private final String name;
  private final Runnable check;

  LeakProperty(String name, Runnable check) {
    this.name = name;
    this.check = check;
  }

  public String name() {
    return name;
  }

  /** Runs the property's tries on the calling thread. */
  public void check() {
    check.run();
  }

  @Override
  public String toString() {
    return name;
  }
}
