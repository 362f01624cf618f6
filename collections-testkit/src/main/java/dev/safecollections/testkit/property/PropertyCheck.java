package dev.safecollections.testkit.property;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks a property: draws values from a {@link Gen} for a number of tries with a size that
 * ramps up, runs the property's body on each, and when one fails, shrinks it to a simpler value
 * that still fails and throws a {@link PropertyFailure} naming the property, the seed, the
 * minimal value and the original failure.
 *
 * <p>Reproducible: every try draws from a {@link SplittableRandom} seeded by the run's seed and
 * the try's number. The seed is random unless {@code -Dsafecollections.testkit.seed=N} is set
 * (printed in every failure for replay), and the number of tries is the property's unless
 * {@code -Dsafecollections.testkit.tries=N} overrides it for every property of the run.
 *
 * <p>Not a test engine: call {@link #check} from an ordinary JUnit test (or any other), or
 * turn properties into dynamic tests with the suites of this testkit. Immutable and
 * thread-safe; a check runs on the calling thread.
 *
 * @param <T> the type of the drawn values
 */
public final class PropertyCheck<T> {
  /** The system property that fixes the seed of every check, for replay. */
  public static final String SEED_PROPERTY = "safecollections.testkit.seed";
  /** The system property that sets the tries of every check. */
  public static final String TRIES_PROPERTY = "safecollections.testkit.tries";
  /** The most shrinking steps a failure takes, so that a pathological shrink still ends. */
  static final int MAX_SHRINK_STEPS = 2_000;

  private final String name;
  private final Gen<T> gen;
  private final int tries;
  private final int maxSize;
  private final Function<? super T, String> describe;

  private PropertyCheck(String name, Gen<T> gen, int tries, int maxSize,
      Function<? super T, String> describe) {
    this.name = name;
    this.gen = gen;
    this.tries = tries;
    this.maxSize = maxSize;
    this.describe = describe;
  }

  /** A check of the property {@code name} over {@code gen}: 100 tries up to size 100. */
  public static <T> PropertyCheck<T> of(String name, Gen<T> gen) {
    return new PropertyCheck<>(Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(gen, "gen"), 100, 100, String::valueOf);
  }

  /** The same check with this many tries (unless the system property overrides it). */
  public PropertyCheck<T> tries(int tries) {
    if (tries <= 0) {
      throw new IllegalArgumentException("tries must be positive: " + tries);
    }
    return new PropertyCheck<>(name, gen, tries, maxSize, describe);
  }

  /** The same check with sizes ramping from 1 up to {@code maxSize} over the tries. */
  public PropertyCheck<T> maxSize(int maxSize) {
    if (maxSize <= 0) {
      throw new IllegalArgumentException("maxSize must be positive: " + maxSize);
    }
    return new PropertyCheck<>(name, gen, tries, maxSize, describe);
  }

  /** The same check, printing values with {@code describe} in failures. */
  public PropertyCheck<T> describedBy(Function<? super T, String> describe) {
    return new PropertyCheck<>(name, gen, tries, maxSize,
        Objects.requireNonNull(describe, "describe"));
  }

  /** The tries this check will run: the system property's, if set, else its own. */
  public int effectiveTries() {
    String s = System.getProperty(TRIES_PROPERTY);
    if (s == null) {
      return tries;
    }
    try {
      int n = Integer.parseInt(s.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException("-D" + TRIES_PROPERTY + " must be a positive integer: "
        + s);
  }

  /** The seed a run uses now: the system property's, if set, else a fresh random one. */
  static long seed() {
    String s = System.getProperty(SEED_PROPERTY);
    if (s == null) {
      return new SplittableRandom().nextLong();
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + SEED_PROPERTY + " must be a long: " + s, e);
    }
  }

  /**
   * Runs the property: {@code body} must throw (an {@link AssertionError} or any runtime
   * exception) for a value that breaks it. Returns the number of tries run.
   *
   * @throws PropertyFailure for the first failing try, after shrinking
   */
  public int check(Consumer<? super T> body) {
    return check(seed(), body);
  }

  /** As {@link #check(Consumer)}, with this seed. */
  public int check(long seed, Consumer<? super T> body) {
    Objects.requireNonNull(body, "body");
    int n = effectiveTries();
    for (int t = 0; t < n; t++) {
      int size = (n == 1) ? maxSize : 1 + (int) ((long) (maxSize - 1) * t / (n - 1));
      T value = gen.generate(new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (t + 1))), size);
      Throwable failure = run(body, value);
      if (failure != null) {
        throw shrunk(seed, t, size, value, failure, body);
      }
    }
    return n;
  }

  private PropertyFailure shrunk(long seed, int t, int size, T original, Throwable failure,
      Consumer<? super T> body) {
    T smallest = original;
    Throwable last = failure;
    int steps = 0;
    boolean progress = true;
    while (progress && steps < MAX_SHRINK_STEPS) {
      progress = false;
      for (T candidate : (Iterable<T>) gen.shrink(smallest)::iterator) {
        if (++steps > MAX_SHRINK_STEPS) {
          break;
        }
        Throwable f = run(body, candidate);
        if (f != null) {
          smallest = candidate;
          last = f;
          progress = true;
          break;
        }
      }
    }
    return new PropertyFailure(name, seed, t, size, describe.apply(original),
        describe.apply(smallest), steps, last);
  }

  private static <T> Throwable run(Consumer<? super T> body, T value) {
    try {
      body.accept(value);
      return null;
    } catch (AssertionError | RuntimeException e) {
      return e;
    }
  }
}
