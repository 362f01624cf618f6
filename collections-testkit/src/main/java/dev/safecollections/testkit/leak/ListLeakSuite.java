package dev.safecollections.testkit.leak;

import dev.safecollections.testkit.probe.RetainedBytes;
import dev.safecollections.testkit.property.Gen;
import dev.safecollections.testkit.property.PropertyCheck;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The leak invariants as properties of any {@link List}, as {@link MapLeakSuite} does for
 * maps: I1 bound (when {@link #dropsOldestAtBound} or {@link #rejectsAtBound}), I2 storage
 * follows content (when declared), I3 release of removed, replaced and dropped elements, I6
 * conformance to an {@code ArrayList} model (less the oldest elements a bounded list dropped)
 * and I7 bad input (unless {@link #allowsNulls()}). Sequences draw {@code add}, {@code add(i,
 * e)}, {@code get}, {@code set}, {@code remove(i)}, {@code remove(Object)}, iterator remove,
 * {@code subList(..).clear()} and {@code clear()}. Not thread-safe; build one per test class.
 */
public final class ListLeakSuite implements LeakSuite {
  private final String name;
  private final Supplier<? extends List<?>> factory;
  private int bound = -1;
  private boolean rejects;
  private boolean allowsNulls;
  private double storageFactor = -1;
  private Consumer<List<?>> maintenance = l -> { };
  private int tries = 100;

  private ListLeakSuite(String name, Supplier<? extends List<?>> factory) {
    this.name = name;
    this.factory = factory;
  }

  /** A suite for the lists {@code factory} makes, a fresh one per try. */
  public static ListLeakSuite forLists(String name, Supplier<? extends List<?>> factory) {
    return new ListLeakSuite(Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(factory, "factory"));
  }

  /** The lists hold at most {@code maximumSize} elements and drop the oldest beyond. */
  public ListLeakSuite dropsOldestAtBound(int maximumSize) {
    bound = Suites.positive(maximumSize, "maximumSize");
    rejects = false;
    return this;
  }

  /** The lists hold at most {@code maximumSize} and refuse more with IllegalStateException. */
  public ListLeakSuite rejectsAtBound(int maximumSize) {
    bound = Suites.positive(maximumSize, "maximumSize");
    rejects = true;
    return this;
  }

  /** The lists accept null elements (I7 does not apply). */
  public ListLeakSuite allowsNulls() {
    allowsNulls = true;
    return this;
  }

  /** After removals and {@code clear()} a list retains at most {@code factor} x a fresh one. */
  public ListLeakSuite storageFollowsContent(double factor) {
    if (!(factor >= 1)) {
      throw new IllegalArgumentException("factor must be at least 1: " + factor);
    }
    storageFactor = factor;
    return this;
  }

  /** What runs before the suite looks for released elements (default nothing). */
  public ListLeakSuite maintenance(Consumer<List<?>> maintenance) {
    this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
    return this;
  }

  /** Tries per property (default 100; the system property overrides it). */
  public ListLeakSuite tries(int tries) {
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
    if (storageFactor > 0) {
      out.add(new LeakProperty(name + ": I2 storage follows content", this::storage));
    }
    out.add(new LeakProperty(name + ": I3 release of removed, replaced and dropped elements",
        () -> sequences("I3 release").check(this::runRelease)));
    out.add(new LeakProperty(name + ": I6 conformance to the model",
        () -> sequences("I6 conformance").check(ops -> new Run(factory.get()).apply(ops))));
    if (!allowsNulls) {
      out.add(new LeakProperty(name + ": I7 bad input is refused",
          () -> sequences("I7 bad input").check(this::runBadInput)));
    }
    return out;
  }


  /** One operation on a list. */
  static final class ListOp {
    enum Kind { ADD(30), ADD_AT(8), GET(12), SET(8), REMOVE_AT(10), REMOVE_OBJECT(6),
      ITERATOR_REMOVE(6), SUBLIST_CLEAR(3), CLEAR(1) ;
      final int weight;

      Kind(int weight) {
        this.weight = weight;
      }
    }

    final Kind kind;
    final int index;
    final int value;

    ListOp(Kind kind, int index, int value) {
      this.kind = kind;
      this.index = index;
      this.value = value;
    }

    @Override
    public String toString() {
      String k = kind.name().toLowerCase(Locale.ROOT);
      switch (kind) {
        case ADD: return "add(v" + value + ")";
        case CLEAR: return "clear()";
        case GET: case REMOVE_AT: case ITERATOR_REMOVE: case SUBLIST_CLEAR:
          return k + "(" + index + "%)";
        default: return k + "(" + index + "%, v" + value + ")";
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ListOp && ((ListOp) o).kind == kind && ((ListOp) o).index == index
          && ((ListOp) o).value == value;
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind, index, value);
    }

    static Gen<ListOp> gen() {
      Kind[] kinds = Kind.values();
      return new Gen<ListOp>() {
        @Override
        public ListOp generate(SplittableRandom random, int size) {
          Kind kind = Suites.pick(kinds, k -> k.weight, random);
          return new ListOp(kind, random.nextInt(100), random.nextInt(1_000_000));
        }

        @Override
        public Stream<ListOp> shrink(ListOp op) {
          Stream<ListOp> simpler = (op.kind == Kind.ADD) ? Stream.empty()
              : Stream.of(new ListOp(Kind.ADD, op.index, op.value));
          Stream<ListOp> smaller = Stream.of(new ListOp(op.kind, 0, op.value),
              new ListOp(op.kind, op.index, 0));
          return Stream.concat(simpler, smaller).distinct().filter(o -> !o.equals(op));
        }
      };
    }
  }

  private PropertyCheck<List<ListOp>> sequences(String invariant) {
    return PropertyCheck.of(name + ": " + invariant, Gen.listOf(ListOp.gen(), 1))
        .tries(tries).maxSize(100);
  }

  /** One try: a list, its model (element numbers) and the elements made for it. */
  private final class Run {
    final List<Object> list;
    final List<Integer> model = new ArrayList<>();
    final List<WeakReference<Object>> made = new ArrayList<>();
    String last = "(start)";

    @SuppressWarnings("unchecked")
    Run(List<?> list) {
      this.list = (List<Object>) Objects.requireNonNull(list, "the factory returned null");
    }

    Payload element(int id) {
      Payload p = new Payload(id);
      made.add(new WeakReference<>(p));
      return p;
    }

    AssertionError fail(String invariant, String detail) {
      return new AssertionError(invariant + " after " + last + ": " + detail);
    }

    void apply(List<ListOp> ops) {
      for (ListOp op : ops) {
        last = op.toString();
        step(op);
        sync();
      }
    }

    private boolean full() {
      return bound > 0 && model.size() >= bound;
    }

    void step(ListOp op) {
      int n = model.size();
      int at = (n == 0) ? 0 : op.index % n;
      switch (op.kind) {
        case ADD: {
          Payload e = element(op.value);
          if (rejects && full()) {
            expectRejected(() -> list.add(e));
            return;
          }
          list.add(e);
          model.add(op.value);
          return;
        }
        case ADD_AT: {
          Payload e = element(op.value);
          int i = op.index % (n + 1);
          if (rejects && full()) {
            expectRejected(() -> list.add(i, e));
            return;
          }
          list.add(i, e);
          model.add(i, op.value);
          return;
        }
        case GET:
          if (n > 0) {
            check(list.get(at), model.get(at), "get(" + at + ")");
          }
          return;
        case SET:
          if (n > 0) {
            check(list.set(at, element(op.value)), model.set(at, op.value), "set(" + at + ")");
          }
          return;
        case REMOVE_AT:
          if (n > 0) {
            check(list.remove(at), model.remove(at), "remove(" + at + ")");
          }
          return;
        case REMOVE_OBJECT:
          if (n > 0) {
            Integer target = model.get(at);
            boolean removed = list.remove(new Payload(target));
            if (!removed) {
              throw fail("I6 conformance", "remove(v" + target + ") found nothing");
            }
            model.remove(target);
          }
          return;
        case ITERATOR_REMOVE:
          if (n > 0) {
            Iterator<Object> it = list.iterator();
            for (int i = 0; i <= at; i++) {
              it.next();
            }
            it.remove();
            model.remove(at);
          }
          return;
        case SUBLIST_CLEAR:
          if (n > 0) {
            int to = Math.min(n, at + 1 + op.index % 3);
            list.subList(at, to).clear();
            model.subList(at, to).clear();
          }
          return;
        case CLEAR:
          list.clear();
          model.clear();
          return;
        default:
          throw new AssertionError(op.kind);
      }
    }

    private void check(Object actual, Integer expected, String what) {
      if (!(actual instanceof Payload) || ((Payload) actual).id() != expected) {
        throw fail("I6 conformance", what + " returned " + actual + ", the model v" + expected);
      }
    }

    private void expectRejected(Runnable write) {
      try {
        write.run();
      } catch (IllegalStateException e) {
        return;
      }
      throw fail("I1 bound", "an element was accepted at the bound of " + bound
          + " by a list declared to reject");
    }

    /** Reads the list back; a bounded list may have dropped the model's oldest elements. */
    void sync() {
      List<Integer> actual = new ArrayList<>();
      for (Object o : list) {
        actual.add(((Payload) o).id());
      }
      if (bound > 0 && actual.size() > bound) {
        throw fail("I1 bound", actual.size() + " elements, bound " + bound);
      }
      if (list.size() != actual.size()) {
        throw fail("I6 conformance", "size() " + list.size() + " but " + actual.size()
            + " elements iterated");
      }
      if (actual.equals(model)) {
        return;
      }
      int dropped = model.size() - actual.size();
      if (bound > 0 && !rejects && dropped > 0 && droppedFromTheFrontOf(model, actual, dropped)) {
        model.clear();
        model.addAll(actual);
        return;
      }
      throw fail("I6 conformance", "holds " + actual + ", the model " + model);
    }
  }

  /**
   * Whether {@code actual} is the model less {@code dropped} elements, all among its first
   * {@code dropped + 1}: the oldest ones, allowing for a list that drops its head before an
   * insertion at the front.
   */
  private boolean droppedFromTheFrontOf(List<Integer> model, List<Integer> actual, int dropped) {
    int skipped = 0;
    int a = 0;
    for (int m = 0; m < model.size(); m++) {
      if (a < actual.size() && model.get(m).equals(actual.get(a))) {
        a++;
      } else if (m <= dropped && skipped < dropped) {
        skipped++;
      } else {
        return false;
      }
    }
    return a == actual.size() && skipped == dropped;
  }

  private void runRelease(List<ListOp> ops) {
    Run run = new Run(factory.get());
    run.apply(ops);
    maintenance.accept(run.list);
    Suites.assertReleased("list", run.list, run.made);
    Reference.reachabilityFence(run.list);
  }

  private void runBadInput(List<ListOp> ops) {
    Run run = new Run(factory.get());
    run.apply(ops);
    List<Object> before = new ArrayList<>(run.list);
    Suites.expectNpe(() -> run.list.add(null), "add(null)");
    Suites.expectNpe(() -> run.list.add(0, null), "add(0, null)");
    if (!before.isEmpty()) {
      Suites.expectNpe(() -> run.list.set(0, null), "set(0, null)");
    }
    if (!before.equals(new ArrayList<>(run.list))) {
      throw new AssertionError("I7 bad input: a refused write changed the list from " + before
          + " to " + run.list);
    }
  }

  private void storage() {
    PropertyCheck.of(name + ": I2 storage follows content", Gen.ints(1_000, 20_000))
        .tries(Math.max(1, tries / 25)).check(n -> {
          long fresh = RetainedBytes.of(factory.get());
          List<Object> list = fill(n);
          while (!list.isEmpty()) {
            list.remove(list.size() - 1);
          }
          maintenance.accept(list);
          RetainedBytes.assertAtMost("I2 storage follows content: " + name + " after removing "
              + n + " elements", RetainedBytes.of(list), storageFactor, fresh, 1024);
          List<Object> cleared = fill(n);
          cleared.clear();
          maintenance.accept(cleared);
          RetainedBytes.assertAtMost("I2 storage follows content: " + name + " after clear() of "
              + n + " elements", RetainedBytes.of(cleared), storageFactor, fresh, 1024);
        });
  }

  @SuppressWarnings("unchecked")
  private List<Object> fill(int n) {
    List<Object> list = (List<Object>) factory.get();
    int limit = (bound > 0) ? bound : Integer.MAX_VALUE;
    for (int i = 0; i < n && i < limit; i++) {
      list.add(new Payload(i));
    }
    return list;
  }
}
