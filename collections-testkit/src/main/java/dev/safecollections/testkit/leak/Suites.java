package dev.safecollections.testkit.leak;

import dev.safecollections.internal.Checks;
import dev.safecollections.testkit.probe.Reachability;
import dev.safecollections.testkit.property.Gen;
import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/** What the suites share: the release check, the bad-input check and weighted choices. */
final class Suites {
  private Suites() {}

  /** Requires {@code value > 0}, naming it: the suites' settings are checked as they are made. */
  static int positive(int value, String name) {
    return (int) Checks.requirePositive(value, name);
  }

  /**
   * I3: every value made for a try that {@code held} (the collection's content now) does not
   * hold, by identity, must become unreachable.
   *
   * @throws AssertionError naming the {@code kind} of collection and what is still reachable
   */
  static void assertReleased(String kind, Collection<?> held, List<WeakReference<Object>> made) {
    Reachability reach = watchGone(held, made);
    try {
      reach.assertAllCollected();
    } catch (AssertionError e) {
      throw new AssertionError("I3 release: what left the " + kind
          + " is still reachable (" + held.size() + " held): " + e.getMessage());
    }
  }

  /** Watches the made values not held; in its own frame, so that no local keeps one alive. */
  private static Reachability watchGone(Collection<?> held, List<WeakReference<Object>> made) {
    Set<Object> live = Collections.newSetFromMap(new IdentityHashMap<>());
    live.addAll(held);
    Reachability reach = new Reachability();
    for (WeakReference<Object> r : made) {
      Object v = r.get();
      if (v != null && !live.contains(v)) {
        reach.watch(v, String.valueOf(v));
      }
    }
    return reach;
  }

  /** I7: {@code r} must throw {@link NullPointerException}. */
  static void expectNpe(Runnable r, String what) {
    try {
      r.run();
    } catch (NullPointerException e) {
      return;
    } catch (RuntimeException e) {
      throw new AssertionError("I7 bad input: " + what + " threw " + e + ", not a"
          + " NullPointerException");
    }
    throw new AssertionError("I7 bad input: " + what + " was accepted");
  }

  /** One of {@code values}, drawn with the given weights. */
  static <E> E pick(E[] values, ToIntFunction<E> weight, SplittableRandom random) {
    int total = 0;
    for (E v : values) {
      total += weight.applyAsInt(v);
    }
    int at = random.nextInt(total);
    for (E v : values) {
      if ((at -= weight.applyAsInt(v)) < 0) {
        return v;
      }
    }
    throw new AssertionError("weights changed");
  }

  /** Operation names drawn with {@code weights}; they shrink toward the first name. */
  static Gen<String> weighted(String[] names, int[] weights) {
    Gen<String> first = Gen.oneOf(names);
    return new Gen<String>() {
      @Override
      public String generate(SplittableRandom random, int size) {
        Integer[] index = new Integer[names.length];
        for (int i = 0; i < index.length; i++) {
          index[i] = i;
        }
        return names[pick(index, i -> weights[i], random)];
      }

      @Override
      public java.util.stream.Stream<String> shrink(String value) {
        return first.shrink(value);
      }
    };
  }
}
