package dev.safecollections.testkit.leak;

import dev.safecollections.internal.Checks;
import dev.safecollections.testkit.property.Gen;
import dev.safecollections.testkit.property.PropertyCheck;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The leak invariants as properties of any {@link Set} of references: I1 bound (when {@link
 * #bounded}), I3 release of removed and evicted elements, I6 conformance to a {@code HashSet}
 * model (less what a bounded set evicted), I7 bad input ({@code add(null)}, unless {@link
 * #allowsNulls()}). Sequences draw {@code add}, {@code remove}, {@code contains}, iterator
 * remove and {@code clear} over elements {@code 0 .. 2 x bound + 1}. Not thread-safe; build one
 * per test class.
 */
public final class SetLeakSuite implements LeakSuite {
  private final String name;
  private final Supplier<? extends Set<?>> factory;
  private long bound = -1;
  private boolean allowsNulls;
  /** How numeric elements are boxed, or null for reference payloads. */
  private java.util.function.IntFunction<Object> numeric;
  private int tries = 100;

  private SetLeakSuite(String name, Supplier<? extends Set<?>> factory) {
    this.name = name;
    this.factory = factory;
  }

  /** A suite for the sets {@code factory} makes, a fresh one per try. */
  public static SetLeakSuite forSets(String name, Supplier<? extends Set<?>> factory) {
    return new SetLeakSuite(Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(factory, "factory"));
  }

  /** The sets hold at most {@code maximumSize} elements and evict beyond. */
  public SetLeakSuite bounded(long maximumSize) {
    bound = Checks.requirePositive(maximumSize, "maximumSize");
    return this;
  }

  /** Elements are {@code Long}s: for sets of {@code long}. I3 does not apply. */
  public SetLeakSuite longElements() {
    numeric = Long::valueOf;
    return this;
  }

  /** Elements are {@code Integer}s: for sets of {@code int}. I3 does not apply. */
  public SetLeakSuite intElements() {
    numeric = Integer::valueOf;
    return this;
  }

  /** The sets accept null (I7 does not apply). */
  public SetLeakSuite allowsNulls() {
    allowsNulls = true;
    return this;
  }

  /** Tries per property (default 100; the system property overrides it). */
  public SetLeakSuite tries(int tries) {
    this.tries = Suites.positive(tries, "tries");
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<LeakProperty> properties() {
    List<LeakProperty> out = new ArrayList<>();
    if (bound > 0) {
      out.add(new LeakProperty(name + ": I1 bound after every operation",
          () -> sequences("I1 bound").check(ops -> new Run(factory.get()).apply(ops))));
    }
    if (numeric == null) {
      out.add(new LeakProperty(name + ": I3 release of removed and evicted elements",
          () -> sequences("I3 release").check(this::runRelease)));
    }
    out.add(new LeakProperty(name + ": I6 conformance to the model",
        () -> sequences("I6 conformance").check(ops -> new Run(factory.get()).apply(ops))));
    if (!allowsNulls) {
      out.add(new LeakProperty(name + ": I7 bad input is refused",
          () -> sequences("I7 bad input").check(this::runBadInput)));
    }
    return out;
  }

  private static final String[] OPS = {"add", "remove", "contains", "iteratorRemove", "clear"};
  private static final int[] WEIGHTS = {50, 20, 20, 8, 2};

  private PropertyCheck<List<Object[]>> sequences(String invariant) {
    int elements = (bound > 0) ? (int) Math.min(2 * bound + 2, 1 << 20) : 16;
    Gen<Object[]> op = Gen.tuple(Suites.weighted(OPS, WEIGHTS), Gen.ints(0, elements - 1));
    return PropertyCheck.of(name + ": " + invariant, Gen.listOf(op, 1)).tries(tries)
        .maxSize(100).describedBy(SetLeakSuite::describe);
  }

  private static String describe(List<Object[]> ops) {
    List<String> out = new ArrayList<>();
    for (Object[] op : ops) {
      out.add(describe(op));
    }
    return out.toString();
  }

  private static String describe(Object[] op) {
    return op[0].equals("clear") ? "clear()" : op[0] + "(v" + op[1] + ")";
  }

  /** One try: a set, its model (element numbers) and the elements made for it. */
  private final class Run {
    final Set<Object> set;
    final Set<Integer> model = new HashSet<>();
    final List<WeakReference<Object>> made = new ArrayList<>();
    String last = "(start)";

    @SuppressWarnings("unchecked")
    Run(Set<?> set) {
      this.set = (Set<Object>) Objects.requireNonNull(set, "the factory returned null");
    }

    AssertionError fail(String invariant, String detail) {
      return new AssertionError(invariant + " after " + last + ": " + detail);
    }

    void apply(List<Object[]> ops) {
      for (Object[] op : ops) {
        last = describe(op);
        step((String) op[0], (Integer) op[1]);
        sync();
      }
    }

    Object element(int e) {
      if (numeric != null) {
        return numeric.apply(e);
      }
      Payload p = new Payload(e);
      made.add(new WeakReference<>(p));
      return p;
    }

    /** An equal element that is not watched: for lookups. */
    Object probe(int e) {
      return (numeric != null) ? numeric.apply(e) : new Payload(e);
    }

    int number(Object o) {
      return (o instanceof Payload) ? ((Payload) o).id() : ((Number) o).intValue();
    }

    void step(String op, int e) {
      switch (op) {
        case "add": {
          boolean added = set.add(element(e));
          if (added == model.contains(e)) {
            throw fail("I6 conformance", "add returned " + added + ", the model "
                + !model.contains(e));
          }
          model.add(e);
          return;
        }
        case "remove": {
          boolean removed = set.remove(probe(e));
          if (removed != model.contains(e)) {
            throw fail("I6 conformance", "remove returned " + removed + ", the model "
                + model.contains(e));
          }
          model.remove(e);
          return;
        }
        case "contains":
          if (set.contains(probe(e)) != model.contains(e)) {
            throw fail("I6 conformance", "contains returned " + !model.contains(e)
                + ", the model " + model.contains(e));
          }
          return;
        case "iteratorRemove": {
          Iterator<Object> it = set.iterator();
          if (it.hasNext()) {
            Object first = it.next();
            it.remove();
            model.remove(number(first));
          }
          return;
        }
        case "clear":
          set.clear();
          model.clear();
          return;
        default:
          throw new AssertionError(op);
      }
    }

    /** Reads the set back; a bounded set may have evicted what the model holds. */
    void sync() {
      Set<Integer> actual = new HashSet<>();
      for (Object o : set) {
        actual.add(number(o));
      }
      if (bound > 0 && actual.size() > bound) {
        throw fail("I1 bound", actual.size() + " elements, bound " + bound);
      }
      if (set.size() != actual.size()) {
        throw fail("I6 conformance", "size() " + set.size() + " but " + actual.size()
            + " elements iterated");
      }
      if (!model.containsAll(actual)) {
        throw fail("I6 conformance", "holds " + actual + ", more than the model " + model);
      }
      if (actual.size() < model.size() && bound <= 0) {
        throw fail("I6 conformance", "lost elements: holds " + actual + ", the model " + model);
      }
      model.retainAll(actual);
    }
  }

  private void runRelease(List<Object[]> ops) {
    Run run = new Run(factory.get());
    run.apply(ops);
    Suites.assertReleased("set", run.set, run.made);
    Reference.reachabilityFence(run.set);
  }

  private void runBadInput(List<Object[]> ops) {
    Run run = new Run(factory.get());
    run.apply(ops);
    Set<Object> before = new HashSet<>(run.set);
    try {
      run.set.add(null);
      throw new AssertionError("I7 bad input: add(null) was accepted");
    } catch (NullPointerException expected) {
      // refused
    }
    if (!before.equals(new HashSet<>(run.set))) {
      throw new AssertionError("I7 bad input: a refused add changed the set from " + before
          + " to " + run.set);
    }
  }
}
