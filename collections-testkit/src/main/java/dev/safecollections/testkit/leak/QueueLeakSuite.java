package dev.safecollections.testkit.leak;

import dev.safecollections.testkit.property.Gen;
import dev.safecollections.testkit.property.PropertyCheck;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * The leak invariants as properties of any FIFO {@link Queue}: I1 bound (when {@link
 * #rejectsAtCapacity} or {@link #dropsOldestAtCapacity}), I3 release of polled and dropped
 * elements, I6 conformance to an {@code ArrayDeque} model, I7 bad input ({@code offer(null)}).
 * Sequences draw {@code offer}, {@code add}, {@code poll}, {@code peek}, {@code size} and
 * {@code clear}. Not thread-safe; build one per test class.
 */
public final class QueueLeakSuite implements LeakSuite {
  private final String name;
  private final Supplier<? extends Queue<?>> factory;
  private int capacity = -1;
  private boolean dropsOldest;
  private int tries = 100;
  private int producers;
  private int overshoot;

  private QueueLeakSuite(String name, Supplier<? extends Queue<?>> factory) {
    this.name = name;
    this.factory = factory;
  }

  /** A suite for the queues {@code factory} makes, a fresh one per try. */
  public static QueueLeakSuite forQueues(String name, Supplier<? extends Queue<?>> factory) {
    return new QueueLeakSuite(Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(factory, "factory"));
  }

  /** At {@code capacity} elements, {@code offer} returns false and {@code add} throws. */
  public QueueLeakSuite rejectsAtCapacity(int capacity) {
    this.capacity = Suites.positive(capacity, "capacity");
    dropsOldest = false;
    return this;
  }

  /** At {@code capacity} elements, an offer drops the oldest element. */
  public QueueLeakSuite dropsOldestAtCapacity(int capacity) {
    this.capacity = Suites.positive(capacity, "capacity");
    dropsOldest = true;
    return this;
  }

  /**
   * The queues are thread-safe: I1 is also checked at quiescence after {@code producers}
   * threads offer at once, allowing the size to pass the capacity by at most {@code
   * overshoot} elements (0 for an exact bound; a lock-free ring whose capacity is not its
   * ring's may document a small overshoot under racing producers).
   */
  public QueueLeakSuite threadSafe(int producers, int overshoot) {
    if (producers < 2) {
      throw new IllegalArgumentException("producers must be at least 2: " + producers);
    }
    if (overshoot < 0) {
      throw new IllegalArgumentException("overshoot must not be negative: " + overshoot);
    }
    this.producers = producers;
    this.overshoot = overshoot;
    return this;
  }

  /** Tries per property (default 100; the system property overrides it). */
  public QueueLeakSuite tries(int tries) {
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
    if (capacity > 0) {
      out.add(new LeakProperty(name + ": I1 bound after every operation",
          () -> sequences("I1 bound").check(ops -> new Run(factory.get()).apply(ops))));
    }
    if (capacity > 0 && producers > 0) {
      out.add(new LeakProperty(name + ": I1 bound with " + producers + " concurrent producers",
          this::concurrentBound));
    }
    out.add(new LeakProperty(name + ": I3 release of polled and dropped elements",
        () -> sequences("I3 release").check(this::runRelease)));
    out.add(new LeakProperty(name + ": I6 conformance to the model",
        () -> sequences("I6 conformance").check(ops -> new Run(factory.get()).apply(ops))));
    out.add(new LeakProperty(name + ": I7 bad input is refused",
        () -> sequences("I7 bad input").check(this::runBadInput)));
    return out;
  }

  /** The operations: 0 offer, 1 add, 2 poll, 3 peek, 4 size, 5 clear; weights in OPS. */
  private static final String[] OPS = {"offer", "add", "poll", "peek", "size", "clear"};
  private static final int[] WEIGHTS = {40, 10, 30, 10, 8, 2};

  private PropertyCheck<List<Object[]>> sequences(String invariant) {
    Gen<Object[]> op = Gen.tuple(Suites.weighted(OPS, WEIGHTS), Gen.ints(0, 1_000_000));
    return PropertyCheck.of(name + ": " + invariant, Gen.listOf(op, 1)).tries(tries)
        .maxSize(100).describedBy(QueueLeakSuite::describe);
  }

  private static String describe(List<Object[]> ops) {
    List<String> out = new ArrayList<>();
    for (Object[] op : ops) {
      out.add(describe(op));
    }
    return out.toString();
  }

  private static String describe(Object[] op) {
    return op[0].equals("offer") || op[0].equals("add") ? op[0] + "(v" + op[1] + ")"
        : op[0] + "()";
  }

  /** One try: a queue, its model and the elements made for it. */
  private final class Run {
    final Queue<Object> queue;
    final ArrayDeque<Integer> model = new ArrayDeque<>();
    final List<WeakReference<Object>> made = new ArrayList<>();
    String last = "(start)";

    @SuppressWarnings("unchecked")
    Run(Queue<?> queue) {
      this.queue = (Queue<Object>) Objects.requireNonNull(queue, "the factory returned null");
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

    private Payload element(int id) {
      Payload p = new Payload(id);
      made.add(new WeakReference<>(p));
      return p;
    }

    private boolean full() {
      return capacity > 0 && model.size() >= capacity;
    }

    void step(String op, int value) {
      switch (op) {
        case "offer": {
          boolean accepted = queue.offer(element(value));
          boolean expected = dropsOldest || !full();
          if (accepted != expected) {
            throw fail(accepted ? "I1 bound" : "I6 conformance", "offer returned " + accepted
                + " with " + model.size() + " of " + capacity + " held");
          }
          if (accepted) {
            if (dropsOldest && full()) {
              model.poll();
            }
            model.add(value);
          }
          return;
        }
        case "add": {
          if (full() && !dropsOldest) {
            try {
              queue.add(element(value));
            } catch (IllegalStateException e) {
              return;
            }
            throw fail("I1 bound", "add was accepted at the capacity of " + capacity);
          }
          queue.add(element(value));
          if (dropsOldest && full()) {
            model.poll();
          }
          model.add(value);
          return;
        }
        case "poll":
          expect(queue.poll(), model.poll(), "poll");
          return;
        case "peek":
          expect(queue.peek(), model.peek(), "peek");
          return;
        case "size":
          if (queue.size() != model.size()) {
            throw fail("I6 conformance", "size " + queue.size() + ", the model " + model.size());
          }
          return;
        case "clear":
          queue.clear();
          model.clear();
          return;
        default:
          throw new AssertionError(op);
      }
    }

    private void expect(Object actual, Integer expected, String what) {
      Integer id = (actual == null) ? null : ((Payload) actual).id();
      if (!Objects.equals(id, expected)) {
        throw fail("I6 conformance", what + " returned " + actual + ", the model "
            + (expected == null ? "null" : "v" + expected));
      }
    }

    void sync() {
      List<Integer> actual = new ArrayList<>();
      for (Object o : queue) {
        actual.add(((Payload) o).id());
      }
      if (capacity > 0 && actual.size() > capacity) {
        throw fail("I1 bound", actual.size() + " elements, capacity " + capacity);
      }
      if (!actual.equals(new ArrayList<>(model))) {
        throw fail("I6 conformance", "holds " + actual + ", the model " + model);
      }
    }
  }

  private void runRelease(List<Object[]> ops) {
    Run run = new Run(factory.get());
    run.apply(ops);
    Suites.assertReleased("queue", run.queue, run.made);
    Reference.reachabilityFence(run.queue);
  }

  @SuppressWarnings("unchecked")
  private void concurrentBound() {
    PropertyCheck.of(name + ": I1 bound with concurrent producers", Gen.ints(1, 1000))
        .tries(Math.max(1, tries / 10)).check(salt -> {
          Queue<Object> queue = (Queue<Object>) factory.get();
          int each = 4 * capacity + salt;
          Thread[] threads = new Thread[producers];
          for (int t = 0; t < producers; t++) {
            int base = t * each;
            threads[t] = new Thread(() -> {
              for (int i = 0; i < each; i++) {
                queue.offer(new Payload(base + i));
              }
            });
            threads[t].start();
          }
          for (Thread t : threads) {
            try {
              t.join();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new AssertionError("interrupted", e);
            }
          }
          int iterated = 0;
          for (Object ignored : queue) {
            iterated++;
          }
          if (queue.size() > capacity + overshoot || iterated > capacity + overshoot) {
            throw new AssertionError("I1 bound at quiescence: size " + queue.size() + ", "
                + iterated + " elements iterated, capacity " + capacity + (overshoot > 0
                    ? " (+" + overshoot + " allowed)" : "") + " after " + producers
                + " producers offered " + each + " each");
          }
        });
  }

  private void runBadInput(List<Object[]> ops) {
    Run run = new Run(factory.get());
    run.apply(ops);
    List<Object> before = new ArrayList<>(run.queue);
    try {
      run.queue.offer(null);
      throw new AssertionError("I7 bad input: offer(null) was accepted");
    } catch (NullPointerException expected) {
      // refused
    }
    if (!before.equals(new ArrayList<>(run.queue))) {
      throw new AssertionError("I7 bad input: a refused offer changed the queue from " + before
          + " to " + run.queue);
    }
  }
}
