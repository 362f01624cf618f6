package dev.safecollections.testkit.leak;

import dev.safecollections.CollectionMetrics;
import dev.safecollections.SafeCollection;
import dev.safecollections.Ticker;
import dev.safecollections.internal.Checks;
import dev.safecollections.testkit.probe.Reachability;
import dev.safecollections.testkit.probe.RetainedBytes;
import dev.safecollections.testkit.property.Gen;
import dev.safecollections.testkit.property.PropertyCheck;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The leak invariants of {@code DESIGN.md} as properties of any {@link Map}, in the spirit of
 * guava-testlib's suite builders: supply a factory, declare what the map is (bounded and how,
 * thread-safe, expiring, null-friendly, metered), and run the properties that apply, from a
 * plain JUnit test ({@link #checkAll()}) or as dynamic tests ({@link
 * LeakTests#dynamicTests(LeakSuite)}).
 *
 * <p>Each property generates operation sequences ({@code put}, {@code get}, {@code remove},
 * {@code putIfAbsent}, {@code replace}, {@code compute}, {@code computeIfAbsent},
 * {@code computeIfPresent}, {@code merge}, {@code containsKey}, iterator remove, remove by value,
 * {@code clear}) over keys {@code 0 .. 2 x bound + 1} (16 for unbounded maps), runs them on a
 * fresh map and a model, and on failure shrinks the sequence to a minimal one and names the
 * invariant with figures:
 *
 * <ul>
 *   <li><b>I1 bound</b> (when {@link #bounded bounded}): the size never exceeds the bound, after
 *       every operation; for a {@link #threadSafe() thread-safe} map also at quiescence after
 *       two writers.
 *   <li><b>I2 storage follows content</b> (when declared with {@link
 *       #storageFollowsContent}): after adding and removing many entries, and after {@code
 *       clear()}, the map retains at most the given factor of a fresh map's bytes (JOL).
 *   <li><b>I3 release</b> (reference values): every value removed, replaced, evicted or
 *       expired becomes unreachable (WeakReference and GC), after the map's maintenance.
 *   <li><b>I4 idle expiry</b> (when {@link #expiring expiring}): after the ttl passes on an
 *       injected ticker with nobody touching the map but its maintenance, every value is
 *       unreachable.
 *   <li><b>I5 metrics</b> (when {@link #recordsMetrics() metered}, for safe collections):
 *       insertions less removals, evictions, expirations and collections equal the size;
 *       evictions equal those the model saw; hits and misses are at least the gets (a map's
 *       {@code putIfAbsent} or {@code compute} may read through {@code get} and count too).
 *   <li><b>I6 conformance</b>: every result equals the model's ({@code HashMap} less the
 *       entries the map evicted, which only a bounded or expiring map may do); the map never
 *       holds an entry the model does not.
 *   <li><b>I7 bad input</b> (unless {@link #allowsNulls()}): a null key or value is refused
 *       with {@link NullPointerException} and leaves the map as it was; also by {@code
 *       putIfAbsent} on a present key, where {@code Map}'s contract lets a map return early
 *       (guava-testlib tolerates that; this suite, like our maps, does not).
 * </ul>
 *
 * <p>Bounded maps: give the factory a small bound (8 to 64) so that short sequences reach it.
 * Tries: 100 per property by default, {@link #tries(int)} per suite, and {@code
 * -Dsafecollections.testkit.tries=N} for every property of a run. Not thread-safe; build one
 * per test class.
 */
public final class MapLeakSuite implements LeakSuite {
  private final String name;
  private final Supplier<? extends Map<?, ?>> factory;
  private long bound = -1;
  private boolean rejects;
  /** 0: any eviction order; 1: least recently used first; 2: first in, first out. */
  private int order;
  private boolean threadSafe;
  private boolean allowsNulls;
  private boolean recordsMetrics;
  private boolean longKeys;
  /** How numeric values are boxed, or null for reference payloads. */
  private java.util.function.IntFunction<Object> numericValues;
  private double storageFactor = -1;
  private Duration ttl;
  private Function<Ticker, ? extends Map<?, ?>> expiringFactory;
  private Consumer<Map<?, ?>> maintenance = m -> {
    if (m instanceof SafeCollection) {
      ((SafeCollection) m).cleanUp();
    }
  };
  private int tries = 100;
  private int maxOps = 100;

  private MapLeakSuite(String name, Supplier<? extends Map<?, ?>> factory) {
    this.name = name;
    this.factory = factory;
  }

  /** A suite for the maps {@code factory} makes, a fresh one per try. */
  public static MapLeakSuite forMaps(String name, Supplier<? extends Map<?, ?>> factory) {
    return new MapLeakSuite(Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(factory, "factory"));
  }

  /** The maps hold at most {@code maximumSize} entries and evict beyond (I1 applies). */
  public MapLeakSuite bounded(long maximumSize) {
    bound = Checks.requirePositive(maximumSize, "maximumSize");
    return this;
  }

  /**
   * At the bound the maps refuse a new key with an {@link IllegalStateException} (as {@code
   * CapacityExceededException}) instead of evicting.
   */
  public MapLeakSuite rejectsAtBound() {
    rejects = true;
    return this;
  }

  /**
   * At the bound the maps evict the least recently used entry: I6 then also checks which
   * entry left, against a model in access order (reads and writes of a key use it; {@code
   * containsKey} and iteration do not).
   */
  public MapLeakSuite evictsLeastRecentlyUsed() {
    order = 1;
    return this;
  }

  /** At the bound the maps evict the entry inserted first; I6 checks which entry left. */
  public MapLeakSuite evictsFirstInFirstOut() {
    order = 2;
    return this;
  }

  /** The maps are thread-safe: I1 is also checked with two concurrent writers. */
  public MapLeakSuite threadSafe() {
    threadSafe = true;
    return this;
  }

  /** The maps accept null keys and values (I7 does not apply). */
  public MapLeakSuite allowsNulls() {
    allowsNulls = true;
    return this;
  }

  /** The maps are safe collections built with {@code recordMetrics()} (I5 applies). */
  public MapLeakSuite recordsMetrics() {
    recordsMetrics = true;
    return this;
  }

  /** Keys are {@code Long}s, not {@code Integer}s: for maps from {@code long} keys. */
  public MapLeakSuite longKeys() {
    longKeys = true;
    return this;
  }

  /**
   * Values are {@code Long}s, not reference payloads: for maps to primitive values. I3 then
   * has nothing to watch and does not apply.
   */
  public MapLeakSuite longValues() {
    numericValues = Long::valueOf;
    return this;
  }

  /** Values are {@code Integer}s: for maps to {@code int} values. I3 does not apply. */
  public MapLeakSuite intValues() {
    numericValues = Integer::valueOf;
    return this;
  }

  /** A value for a write that the suite does not watch. */
  private Object plainValue(int i) {
    return (numericValues != null) ? numericValues.apply(i) : new Payload(i);
  }

  /**
   * The maps give storage back (I2 applies): after removals, and after {@code clear()}, one
   * retains at most {@code factor} times a fresh map's bytes, plus 1 KiB.
   */
  public MapLeakSuite storageFollowsContent(double factor) {
    if (!(factor >= 1)) {
      throw new IllegalArgumentException("factor must be at least 1: " + factor);
    }
    storageFactor = factor;
    return this;
  }

  /**
   * The maps expire entries {@code ttl} after they are written, by the ticker they are built
   * with (I4 applies); {@code factory} builds one on a ticker that the suite advances.
   */
  public MapLeakSuite expiring(Duration ttl, Function<Ticker, ? extends Map<?, ?>> factory) {
    this.ttl = Checks.requirePositive(ttl, "ttl");
    this.expiringFactory = Objects.requireNonNull(factory, "factory");
    return this;
  }

  /**
   * What the suite runs before it looks for released values: by default {@code cleanUp()} of a
   * safe collection and nothing for other maps (their own maintenance must do).
   */
  public MapLeakSuite maintenance(Consumer<Map<?, ?>> maintenance) {
    this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
    return this;
  }

  /** Tries per property (default 100; the system property overrides it). */
  public MapLeakSuite tries(int tries) {
    this.tries = Suites.positive(tries, "tries");
    return this;
  }

  /** The longest operation sequence (default 100). */
  public MapLeakSuite maxOperations(int maxOps) {
    this.maxOps = Suites.positive(maxOps, "maxOperations");
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
          () -> sequences("I1 bound").check(this::runBound)));
      if (threadSafe) {
        out.add(new LeakProperty(name + ": I1 bound with two concurrent writers",
            this::concurrentBound));
      }
    }
    if (storageFactor > 0) {
      out.add(new LeakProperty(name + ": I2 storage follows content", this::storage));
    }
    if (numericValues == null) {
      out.add(new LeakProperty(name + ": I3 release of removed, replaced and evicted values",
          () -> sequences("I3 release").check(this::runRelease)));
    }
    if (ttl != null) {
      out.add(new LeakProperty(name + ": I4 idle expiry", this::idleExpiry));
    }
    if (recordsMetrics) {
      out.add(new LeakProperty(name + ": I5 metrics agree with the operations",
          () -> sequences("I5 metrics").check(this::runMetrics)));
    }
    out.add(new LeakProperty(name + ": I6 conformance to the model",
        () -> sequences("I6 conformance").check(ops -> new Run(factory.get()).apply(ops))));
    if (!allowsNulls) {
      out.add(new LeakProperty(name + ": I7 bad input is refused",
          () -> sequences("I7 bad input").check(this::runBadInput)));
    }
    return out;
  }


  private int keys() {
    return (bound > 0) ? (int) Math.min(2 * bound + 2, 1 << 20) : 16;
  }

  private PropertyCheck<List<MapOp>> sequences(String invariant) {
    Gen<List<MapOp>> gen = Gen.listOf(MapOp.gen(keys()), 1);
    return PropertyCheck.of(name + ": " + invariant, gen).tries(tries).maxSize(maxOps);
  }

  private Object key(int k) {
    return longKeys ? (Object) Long.valueOf(k) : (Object) Integer.valueOf(k);
  }

  private static int number(Object o) {
    if (o instanceof Payload) {
      return ((Payload) o).id();
    }
    return ((Number) o).intValue();
  }

  /** One try: a map, the model of what it should hold, and the values made for it. */
  private final class Run {
    final Map<Object, Object> map;
    /** Key number to value number: what the map should hold. */
    final Map<Integer, Integer> model = new HashMap<>();
    /** Every value made for this run, held weakly. */
    final List<WeakReference<Object>> made = new ArrayList<>();
    long evictedByModel;
    long gets;
    /** The model's keys, eldest first by the declared eviction order. */
    final java.util.LinkedHashSet<Integer> recency = new java.util.LinkedHashSet<>();
    String last = "(start)";

    @SuppressWarnings("unchecked")
    Run(Map<?, ?> map) {
      this.map = (Map<Object, Object>) Objects.requireNonNull(map, "the factory returned null");
    }

    Object value(int id) {
      if (numericValues != null) {
        return numericValues.apply(id);
      }
      Payload p = new Payload(id);
      made.add(new WeakReference<>(p));
      return p;
    }

    AssertionError fail(String invariant, String detail) {
      return new AssertionError(invariant + " after " + last + ": " + detail);
    }

    void expect(Object actualValue, Integer expectedNumber, String what) {
      Integer actual = (actualValue == null) ? null : number(actualValue);
      if (!Objects.equals(actual, expectedNumber)) {
        throw fail("I6 conformance", what + " returned " + actualValue + ", the model "
            + (expectedNumber == null ? "null" : "v" + expectedNumber));
      }
    }

    void apply(List<MapOp> ops) {
      for (MapOp op : ops) {
        last = op.toString();
        boolean present = model.containsKey(op.key);
        step(op);
        if (order != 0) {
          reorder(op, present);
        }
        sync();
      }
    }

    private boolean full() {
      return bound > 0 && model.size() >= bound;
    }

    /** Keeps {@link #recency} in the declared order after {@code op}. */
    private void reorder(MapOp op, boolean present) {
      int k = op.key;
      if (!model.containsKey(k)) {
        recency.remove(k);
      } else if (!present) {
        recency.add(k);
      } else if (order == 1 && op.kind != MapOp.Kind.CONTAINS_KEY
          && op.kind != MapOp.Kind.ITERATOR_REMOVE) {
        recency.remove(k);
        recency.add(k);
      }
      recency.retainAll(model.keySet());
    }

    void step(MapOp op) {
      int k = op.key;
      Object key = key(k);
      Integer prev = model.get(k);
      switch (op.kind) {
        case PUT: {
          Object v = value(op.value);
          if (rejects && prev == null && full()) {
            expectRejected(() -> map.put(key, v));
            return;
          }
          expect(map.put(key, v), prev, "put");
          model.put(k, op.value);
          return;
        }
        case GET:
          gets++;
          expect(map.get(key), prev, "get");
          return;
        case REMOVE:
          expect(map.remove(key), prev, "remove");
          model.remove(k);
          return;
        case PUT_IF_ABSENT: {
          Object v = value(op.value);
          if (rejects && prev == null && full()) {
            expectRejected(() -> map.putIfAbsent(key, v));
            return;
          }
          expect(map.putIfAbsent(key, v), prev, "putIfAbsent");
          if (prev == null) {
            model.put(k, op.value);
          }
          return;
        }
        case REPLACE: {
          Object v = value(op.value);
          expect(map.replace(key, v), prev, "replace");
          if (prev != null) {
            model.put(k, op.value);
          }
          return;
        }
        case COMPUTE: {           // toggles: inserts when absent, removes when present
          Object v = value(op.value);
          if (rejects && prev == null && full()) {
            expectRejected(() -> map.compute(key, (kk, old) -> (old == null) ? v : null));
            return;
          }
          expect(map.compute(key, (kk, old) -> (old == null) ? v : null),
              (prev == null) ? op.value : null, "compute");
          if (prev == null) {
            model.put(k, op.value);
          } else {
            model.remove(k);
          }
          return;
        }
        case COMPUTE_IF_ABSENT: {
          Object v = value(op.value);
          if (rejects && prev == null && full()) {
            expectRejected(() -> map.computeIfAbsent(key, kk -> v));
            return;
          }
          expect(map.computeIfAbsent(key, kk -> v), (prev != null) ? prev : op.value,
              "computeIfAbsent");
          model.putIfAbsent(k, op.value);
          return;
        }
        case COMPUTE_IF_PRESENT: {
          Object v = value(op.value);
          expect(map.computeIfPresent(key, (kk, old) -> v), (prev == null) ? null : op.value,
              "computeIfPresent");
          if (prev != null) {
            model.put(k, op.value);
          }
          return;
        }
        case MERGE: {
          Object v = value(op.value);
          if (rejects && prev == null && full()) {
            expectRejected(() -> map.merge(key, v, (a, b) -> b));
            return;
          }
          expect(map.merge(key, v, (a, b) -> b), op.value, "merge");
          model.put(k, op.value);
          return;
        }
        case CONTAINS_KEY:
          if (map.containsKey(key) != (prev != null)) {
            throw fail("I6 conformance", "containsKey returned " + (prev == null)
                + ", the model " + (prev != null));
          }
          return;
        case ITERATOR_REMOVE: {
          Iterator<Map.Entry<Object, Object>> it = map.entrySet().iterator();
          int skip = model.isEmpty() ? 0 : k % model.size();
          Object removed = null;
          for (int i = 0; it.hasNext(); i++) {
            Map.Entry<Object, Object> e = it.next();
            if (i == skip) {
              removed = e.getKey();
              it.remove();
              break;
            }
          }
          if (removed != null) {
            model.remove(number(removed));
          }
          return;
        }
        case REMOVE_IF_VALUE: {
          Object same = (prev == null) ? value(op.value)
              : (numericValues != null) ? numericValues.apply(prev) : new Payload(prev);
          boolean removed = map.remove(key, same);
          if (removed != (prev != null)) {
            throw fail("I6 conformance", "remove(key, value) returned " + removed
                + ", the model " + (prev != null));
          }
          model.remove(k);
          return;
        }
        case CLEAR:
          map.clear();
          model.clear();
          return;
        default:
          throw new AssertionError(op.kind);
      }
    }

    private void expectRejected(Runnable write) {
      try {
        write.run();
      } catch (IllegalStateException e) {
        return;
      }
      throw fail("I1 bound", "a new key was accepted at the bound of " + bound
          + " by a map declared to reject");
    }

    /**
     * Reads the map back: it may not hold what the model does not, and may drop what the model
     * holds only if it is bounded or expiring (the dropped ones are counted as evictions).
     */
    void sync() {
      Map<Integer, Integer> actual = new HashMap<>();
      for (Map.Entry<Object, Object> e : map.entrySet()) {
        actual.put(number(e.getKey()), number(e.getValue()));
      }
      if (bound > 0 && actual.size() > bound) {
        throw fail("I1 bound", actual.size() + " entries, bound " + bound);
      }
      if (map.size() != actual.size()) {
        throw fail("I6 conformance", "size() " + map.size() + " but " + actual.size()
            + " entries iterated");
      }
      for (Map.Entry<Integer, Integer> e : actual.entrySet()) {
        if (!e.getValue().equals(model.get(e.getKey()))) {
          throw fail("I6 conformance", "holds " + e.getKey() + "=v" + e.getValue()
              + ", the model " + (model.containsKey(e.getKey())
                  ? "v" + model.get(e.getKey()) : "nothing"));
        }
      }
      int dropped = model.size() - actual.size();
      if (dropped > 0) {
        if (bound <= 0 || rejects) {
          throw fail("I6 conformance", "lost " + dropped + " entries; the model holds "
              + model + ", the map " + actual);
        }
        if (order != 0) {
          List<Integer> eldest = new ArrayList<>(recency).subList(0, dropped);
          if (!actual.keySet().containsAll(model.keySet().stream()
              .filter(key -> !eldest.contains(key)).collect(java.util.stream.Collectors.toList()))) {
            throw fail("I6 conformance", "evicted " + dropped(model, actual) + ", but by "
                + (order == 1 ? "LRU" : "FIFO") + " order the eldest were " + eldest);
          }
        }
        evictedByModel += dropped;
        model.keySet().retainAll(actual.keySet());
        recency.retainAll(actual.keySet());
      }
    }
  }

  private static List<Integer> dropped(Map<Integer, Integer> model,
      Map<Integer, Integer> actual) {
    List<Integer> out = new ArrayList<>(model.keySet());
    out.removeAll(actual.keySet());
    return out;
  }

  private void runBound(List<MapOp> ops) {
    new Run(factory.get()).apply(ops);      // sync() checks the bound after every operation
  }

  private void runRelease(List<MapOp> ops) {
    Run run = new Run(factory.get());
    run.apply(ops);
    maintenance.accept(run.map);
    Suites.assertReleased("map", run.map.values(), run.made);
    Reference.reachabilityFence(run.map);   // what it still holds stays alive until here
  }

  private void runMetrics(List<MapOp> ops) {
    Map<?, ?> m = factory.get();
    if (!(m instanceof SafeCollection)) {
      throw new AssertionError("I5 metrics: " + m.getClass().getName()
          + " is not a SafeCollection, but the suite was declared recordsMetrics()");
    }
    Run run = new Run(m);
    run.apply(ops);
    CollectionMetrics c = ((SafeCollection) m).metrics();
    long out = c.removalCount() + c.evictionCount() + c.expirationCount() + c.collectedCount();
    if (c.insertionCount() - out != m.size()) {
      throw new AssertionError("I5 metrics: insertions " + c.insertionCount() + " - removals "
          + c.removalCount() + " - evictions " + c.evictionCount() + " - expirations "
          + c.expirationCount() + " - collected " + c.collectedCount() + " != size " + m.size()
          + " after " + ops.size() + " operations");
    }
    if (c.evictionCount() != run.evictedByModel) {
      throw new AssertionError("I5 metrics: " + c.evictionCount() + " evictions counted, "
          + run.evictedByModel + " seen leaving the map");
    }
    if (c.hitCount() + c.missCount() < run.gets) {
      throw new AssertionError("I5 metrics: hits " + c.hitCount() + " + misses "
          + c.missCount() + " < " + run.gets + " gets");
    }
  }

  private void runBadInput(List<MapOp> ops) {
    Run run = new Run(factory.get());
    run.apply(ops);
    Map<Object, Object> map = run.map;
    Map<Object, Object> before = new HashMap<>(map);
    Object v = (numericValues != null) ? numericValues.apply(0) : new Payload(0);
    Object k = key(0);
    Suites.expectNpe(() -> map.put(null, v), "put(null, v)");
    Suites.expectNpe(() -> map.put(k, null), "put(k, null)");
    Suites.expectNpe(() -> map.putIfAbsent(k, null), "putIfAbsent(k, null)");
    Suites.expectNpe(() -> map.computeIfAbsent(null, kk -> v), "computeIfAbsent(null, f)");
    Suites.expectNpe(() -> map.merge(k, null, (a, b) -> b), "merge(k, null, f)");
    if (!before.equals(new HashMap<>(map))) {
      throw new AssertionError("I7 bad input: a refused write changed the map from " + before
          + " to " + map);
    }
  }

  @SuppressWarnings("unchecked")
  private void concurrentBound() {
    int n = Math.max(tries, 2) * 100;
    PropertyCheck.of(name + ": I1 bound with two writers", Gen.ints(1, 1_000_000))
        .tries(Math.max(1, tries / 10)).check(salt -> {
          Map<Object, Object> map = (Map<Object, Object>) factory.get();
          Thread[] writers = new Thread[2];
          AtomicLong failures = new AtomicLong();
          for (int w = 0; w < writers.length; w++) {
            int offset = w * n;
            writers[w] = new Thread(() -> {
              try {
                for (int i = 0; i < n; i++) {
                  map.put(key(offset + i), plainValue(i));
                }
              } catch (IllegalStateException e) {
                if (!rejects) {
                  failures.incrementAndGet();
                }
              }
            });
            writers[w].start();
          }
          for (Thread t : writers) {
            try {
              t.join();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new AssertionError("interrupted", e);
            }
          }
          maintenance.accept(map);
          int iterated = 0;
          for (Object ignored : map.keySet()) {
            iterated++;
          }
          if (failures.get() > 0 || map.size() > bound || iterated > bound) {
            throw new AssertionError("I1 bound at quiescence: size " + map.size() + ", "
                + iterated + " entries iterated, bound " + bound + " after two writers of " + n
                + " keys each" + (failures.get() > 0 ? "; an evicting map refused a write" : ""));
          }
        });
  }

  private void storage() {
    PropertyCheck.of(name + ": I2 storage follows content", Gen.ints(1_000, 20_000))
        .tries(Math.max(1, tries / 25)).check(n -> {
          long fresh = RetainedBytes.of(factory.get());
          Map<Object, Object> map = fill(n);
          for (int i = 0; i < n; i++) {
            map.remove(key(i));
          }
          maintenance.accept(map);
          RetainedBytes.assertAtMost("I2 storage follows content: " + name + " after removing "
              + n + " entries", RetainedBytes.of(map), storageFactor, fresh, 1024);
          Map<Object, Object> cleared = fill(n);
          cleared.clear();
          maintenance.accept(cleared);
          RetainedBytes.assertAtMost("I2 storage follows content: " + name + " after clear() of "
              + n + " entries", RetainedBytes.of(cleared), storageFactor, fresh, 1024);
        });
  }

  @SuppressWarnings("unchecked")
  private Map<Object, Object> fill(int n) {
    Map<Object, Object> map = (Map<Object, Object>) factory.get();
    long limit = (bound > 0) ? bound : Long.MAX_VALUE;
    for (int i = 0; i < n && i < limit; i++) {
      map.put(key(i), plainValue(i));
    }
    return map;
  }

  private void idleExpiry() {
    PropertyCheck.of(name + ": I4 idle expiry", Gen.ints(1, 200))
        .tries(Math.max(1, tries / 10)).check(n -> {
          AtomicLong nanos = new AtomicLong();
          Ticker ticker = nanos::get;
          Map<?, ?> map = expiringFactory.apply(ticker);
          Reachability reach = fillWatched(map, n);
          nanos.addAndGet(ttl.toNanos() + 1);
          maintenance.accept(map);
          try {
            reach.assertAllCollected();
          } catch (AssertionError e) {
            throw new AssertionError("I4 idle expiry: " + n + " entries written, the ttl of "
                + ttl + " passed with nobody reading, and after the map's maintenance "
                + e.getMessage());
          }
          if (!map.isEmpty()) {
            throw new AssertionError("I4 idle expiry: " + map.size() + " of " + n
                + " entries still there after the ttl of " + ttl);
          }
        });
  }

  @SuppressWarnings("unchecked")
  private Reachability fillWatched(Map<?, ?> map, int n) {
    Reachability reach = new Reachability();
    long limit = (bound > 0) ? bound : Long.MAX_VALUE;
    for (int i = 0; i < n && i < limit; i++) {
      Object v = (numericValues != null) ? numericValues.apply(i)
          : reach.watch(new Payload(i), "v" + i);
      ((Map<Object, Object>) map).put(key(i), v);
    }
    return reach;
  }
}
