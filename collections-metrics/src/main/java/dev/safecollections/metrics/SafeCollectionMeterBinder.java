package dev.safecollections.metrics;

import dev.safecollections.CollectionMetrics;
import dev.safecollections.SafeCollection;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Exposes every collection of a {@link CollectionRegistry} to Micrometer, including those
 * registered after binding, with the tags {@code name} and {@code type} (plus any given here):
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>meter</th><th>kind</th><th>tags</th><th>from {@code CollectionMetrics}</th></tr>
 * <tr><td>{@code safecollections.size}</td><td>gauge</td><td></td><td>{@code size()}</td></tr>
 * <tr><td>{@code safecollections.bound}</td><td>gauge</td><td></td><td>{@code bound()}, if bounded
 *     by count</td></tr>
 * <tr><td>{@code safecollections.capacity}</td><td>gauge</td><td></td><td>{@code capacity()}</td></tr>
 * <tr><td>{@code safecollections.peak.size}</td><td>gauge</td><td></td><td>{@code peakSize()}</td></tr>
 * <tr><td>{@code safecollections.estimated.bytes}</td><td>gauge (bytes)</td><td></td>
 *     <td>{@code estimatedBytes()}</td></tr>
 * <tr><td>{@code safecollections.max.bytes}</td><td>gauge (bytes)</td><td></td>
 *     <td>{@code maximumBytes()}, if bounded by bytes or in a budget</td></tr>
 * <tr><td>{@code safecollections.gets}</td><td>counter</td><td>{@code result=hit|miss}</td>
 *     <td>{@code hitCount()}, {@code missCount()}</td></tr>
 * <tr><td>{@code safecollections.puts}</td><td>counter</td><td></td><td>{@code insertionCount()}</td></tr>
 * <tr><td>{@code safecollections.evictions}</td><td>counter</td>
 *     <td>{@code cause=size|expired|collected}</td><td>{@code evictionCount()},
 *     {@code expirationCount()}, {@code collectedCount()}</td></tr>
 * <tr><td>{@code safecollections.removals}</td><td>counter</td><td>{@code cause=explicit|replaced}</td>
 *     <td>{@code removalCount()}, {@code replacementCount()}</td></tr>
 * <tr><td>{@code safecollections.rejections}</td><td>counter</td><td></td><td>{@code rejectionCount()}</td></tr>
 * <tr><td>{@code safecollections.resizes}</td><td>counter</td><td>{@code direction=grow|shrink}</td>
 *     <td>{@code growCount()}, {@code shrinkCount()}</td></tr>
 * </table>
 *
 * <p>Every meter reads the live collection through Micrometer's weak reference: the meters never
 * keep a collection alive, and when the registry drops a collected one its meters are removed
 * from the meter registry. Each read takes one metrics snapshot, so a scrape costs about a
 * dozen snapshots per collection.
 *
 * <p>Names: two live collections of the same name and type would have the same meter ids, and
 * Micrometer would keep the first one's; this binder binds the first and logs a warning for the
 * others, and binds the next one when the first leaves the registry. Give collections distinct
 * names.
 *
 * <p>Thread-safe. Bound: meters for the registry's collections only. Use as any
 * {@link MeterBinder}: {@code new SafeCollectionMeterBinder(CollectionRegistry.global())
 * .bindTo(meterRegistry)}, or declare it as a bean in Spring Boot. {@link #close()} removes
 * every meter it made and stops following the registry.
 */
public final class SafeCollectionMeterBinder implements MeterBinder, AutoCloseable {
  private static final System.Logger LOGGER =
      System.getLogger(SafeCollectionMeterBinder.class.getName());

  private final CollectionRegistry registry;
  private final Tags tags;
  private final List<Binding> bindings = new ArrayList<>();

  /** A binder for the collections of {@code registry}. */
  public SafeCollectionMeterBinder(CollectionRegistry registry) {
    this(registry, Tags.empty());
  }

  /** A binder for the collections of {@code registry}, adding {@code tags} to every meter. */
  public SafeCollectionMeterBinder(CollectionRegistry registry, Iterable<Tag> tags) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
  }

  @Override
  public void bindTo(MeterRegistry meterRegistry) {
    Objects.requireNonNull(meterRegistry, "meterRegistry");
    Binding b = new Binding(meterRegistry);
    synchronized (bindings) {
      bindings.add(b);
    }
    registry.addListener(b);
    for (RegisteredCollection c : registry.collections()) {
      b.registered(c);
    }
  }

  /** Removes every meter this binder made and stops following the registry. */
  @Override
  public void close() {
    synchronized (bindings) {
      for (Binding b : bindings) {
        registry.removeListener(b);
        b.removeAll();
      }
      bindings.clear();
    }
  }

  /** The meters of one meter registry, by collection. */
  private final class Binding implements CollectionRegistry.Listener {
    private final MeterRegistry meters;
    private final Map<RegisteredCollection, List<Meter>> byCollection = new HashMap<>();
    private final Map<String, RegisteredCollection> byId = new HashMap<>();

    Binding(MeterRegistry meters) {
      this.meters = meters;
    }

    @Override
    public synchronized void registered(RegisteredCollection c) {
      if (byCollection.containsKey(c)) {
        return;
      }
      String id = c.type() + "/" + c.name();
      RegisteredCollection holder = byId.get(id);
      if (holder != null) {
        LOGGER.log(System.Logger.Level.WARNING, "not binding " + c + ": " + holder
            + " has the same name and type, so the meters would collide");
        return;
      }
      SafeCollection live = c.collection().orElse(null);
      if (live == null) {
        return;
      }
      byId.put(id, c);
      byCollection.put(c, bind(live, tags.and("name", c.name(), "type", c.type())));
    }

    @Override
    public synchronized void unregistered(RegisteredCollection c) {
      List<Meter> made = byCollection.remove(c);
      if (made != null) {
        byId.remove(c.type() + "/" + c.name());
        made.forEach(meters::remove);
        // a live collection of the same name and type that was skipped takes the meters over
        for (RegisteredCollection other : registry.collections()) {
          if (other != c && other.name().equals(c.name()) && other.type().equals(c.type())) {
            registered(other);
            break;
          }
        }
      }
    }

    synchronized void removeAll() {
      for (List<Meter> made : byCollection.values()) {
        made.forEach(meters::remove);
      }
      byCollection.clear();
      byId.clear();
    }

    private List<Meter> bind(SafeCollection c, Tags t) {
      CollectionMetrics now = c.metrics();
      List<Meter> made = new ArrayList<>();
      made.add(gauge("safecollections.size", c, t, null, "entries or elements held",
          m -> m.metrics().size()));
      if (now.bound() != Long.MAX_VALUE) {
        made.add(gauge("safecollections.bound", c, t, null, "the most entries it may hold",
            m -> m.metrics().bound()));
      }
      if (now.capacity().isPresent()) {
        made.add(gauge("safecollections.capacity", c, t, null, "slots of the backing store",
            m -> m.metrics().capacity().orElse(0)));
      }
      made.add(gauge("safecollections.peak.size", c, t, null, "the largest size seen",
          m -> m.metrics().peakSize()));
      made.add(gauge("safecollections.estimated.bytes", c, t, "bytes",
          "estimated bytes held", m -> m.metrics().estimatedBytes()));
      if (now.maximumBytes().isPresent()) {
        made.add(gauge("safecollections.max.bytes", c, t, "bytes", "the byte bound or share",
            m -> m.metrics().maximumBytes().orElse(0)));
      }
      made.add(counter("safecollections.gets", c, t.and("result", "hit"), "lookups",
          m -> m.metrics().hitCount()));
      made.add(counter("safecollections.gets", c, t.and("result", "miss"), "lookups",
          m -> m.metrics().missCount()));
      made.add(counter("safecollections.puts", c, t, "insertions of absent keys",
          m -> m.metrics().insertionCount()));
      made.add(counter("safecollections.evictions", c, t.and("cause", "size"),
          "entries dropped by the collection", m -> m.metrics().evictionCount()));
      made.add(counter("safecollections.evictions", c, t.and("cause", "expired"),
          "entries dropped by the collection", m -> m.metrics().expirationCount()));
      made.add(counter("safecollections.evictions", c, t.and("cause", "collected"),
          "entries dropped by the collection", m -> m.metrics().collectedCount()));
      made.add(counter("safecollections.removals", c, t.and("cause", "explicit"),
          "entries removed or replaced by the caller", m -> m.metrics().removalCount()));
      made.add(counter("safecollections.removals", c, t.and("cause", "replaced"),
          "entries removed or replaced by the caller", m -> m.metrics().replacementCount()));
      made.add(counter("safecollections.rejections", c, t, "insertions refused at the bound",
          m -> m.metrics().rejectionCount()));
      made.add(counter("safecollections.resizes", c, t.and("direction", "grow"),
          "backing store resizes", m -> m.metrics().growCount()));
      made.add(counter("safecollections.resizes", c, t.and("direction", "shrink"),
          "backing store resizes", m -> m.metrics().shrinkCount()));
      return made;
    }

    private Meter gauge(String name, SafeCollection c, Tags t, String unit, String description,
        ToDoubleFunction<SafeCollection> f) {
      return Gauge.builder(name, c, f).tags(t).baseUnit(unit).description(description)
          .register(meters);
    }

    private Meter counter(String name, SafeCollection c, Tags t, String description,
        ToDoubleFunction<SafeCollection> f) {
      return FunctionCounter.builder(name, c, f).tags(t).description(description)
          .register(meters);
    }
  }
}
