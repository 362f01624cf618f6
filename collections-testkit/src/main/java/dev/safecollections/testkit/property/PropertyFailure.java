package dev.safecollections.testkit.property;

/**
 * A property broke: names it, the seed to replay the run with, the try and size, the value
 * that first broke it and the simplest one found by shrinking, and carries the failure that the
 * simplest value caused as its cause. An {@link AssertionError}, so test frameworks report it
 * as a failure, not an error.
 */
public final class PropertyFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final long seed;
  private final String minimal;

  PropertyFailure(String property, long seed, int attempt, int size, String original,
      String minimal, int shrinkSteps, Throwable cause) {
    super(String.format("property '%s' failed: %s%n  minimal case (%d shrink steps): %s%n"
            + "  first failing case (try %d, size %d): %s%n"
            + "  replay with -D%s=%d", property, cause.getMessage(), shrinkSteps, minimal,
        attempt + 1, size, original, PropertyCheck.SEED_PROPERTY, seed), cause);
    this.seed = seed;
    this.minimal = minimal;
  }

  /** The seed of the failing run. */
  public long seed() {
    return seed;
  }

  /** The simplest failing value, as the check describes values. */
  public String minimal() {
    return minimal;
  }
}
