package dev.safecollections.metrics;

import dev.safecollections.CollectionMetrics;
import dev.safecollections.internal.Checks;
import dev.safecollections.internal.Resizes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Emits JDK Flight Recorder events about safe collections. While no recording enables them a
 * resize costs one {@code isEnabled} check and each sample returns before reading any
 * collection.
 *
 * <ul>
 *   <li>{@value #RESIZE} when any safe collection's backing store grows or shrinks to or from at
 *       least {@link Builder#minimumResizeCapacity} slots (default 1,024), on the thread that
 *       resized it, with a stack trace: who made the table grow.
 *   <li>{@value #EVICTION_BURST} when a registered collection dropped at least {@link
 *       Builder#burstEvictions} entries (default 1,000; evicted, expired or collected) within
 *       one sampling period (default 1 second).
 *   <li>{@value #BOUND_REACHED} when a registered collection is found at its count bound; again
 *       only after it has fallen below 90% of it.
 * </ul>
 *
 * <p>Resize events come from every collection of the process: installing a {@code JfrEvents}
 * replaces the process's resize observer, and closing it removes it. The two sampled events
 * read the given registry on the shared {@code safecollections-monitor} daemon thread.
 * Thread-safe.
 */
public final class JfrEvents implements AutoCloseable {
  /** The name of the resize event. */
  public static final String RESIZE = "dev.safecollections.Resize";
  /** The name of the eviction burst event. */
  public static final String EVICTION_BURST = "dev.safecollections.EvictionBurst";
  /** The name of the bound-reached event. */
  public static final String BOUND_REACHED = "dev.safecollections.BoundReached";

  private final CollectionRegistry registry;
  private final long minimumResizeCapacity;
  private final long burstEvictions;
  private final long periodNanos;
  private final Resizes.Observer observer;
  private final Map<RegisteredCollection, long[]> last = new HashMap<>();
  private ScheduledFuture<?> sampling;

  @Name(RESIZE)
  @Label("Collection Resize")
  @Category({"Safe Collections"})
  @Description("A safe collection's backing store grew or shrank")
  @StackTrace(true)
  static final class ResizeEvent extends Event {
    @Label("Name") String name;
    @Label("From Capacity") long fromCapacity;
    @Label("To Capacity") long toCapacity;
  }

  @Name(EVICTION_BURST)
  @Label("Collection Eviction Burst")
  @Category({"Safe Collections"})
  @Description("A safe collection dropped many entries within one sampling period")
  @StackTrace(false)
  static final class EvictionBurstEvent extends Event {
    @Label("Name") String name;
    @Label("Type") String type;
    @Label("Evictions") long evictions;
    @Label("Period") @Timespan(Timespan.NANOSECONDS) long period;
    @Label("Size") long size;
    @Label("Estimated Bytes") @DataAmount long estimatedBytes;
  }

  @Name(BOUND_REACHED)
  @Label("Collection Bound Reached")
  @Category({"Safe Collections"})
  @Description("A safe collection was found holding as many entries as its bound allows")
  @StackTrace(false)
  static final class BoundReachedEvent extends Event {
    @Label("Name") String name;
    @Label("Type") String type;
    @Label("Bound") long bound;
    @Label("Estimated Bytes") @DataAmount long estimatedBytes;
  }

  private JfrEvents(Builder b) {
    this.registry = b.registry;
    this.minimumResizeCapacity = b.minimumResizeCapacity;
    this.burstEvictions = b.burstEvictions;
    this.periodNanos = b.period.toNanos();
    this.observer = (name, from, to) -> {
      if (Math.max(from, to) >= minimumResizeCapacity) {
        ResizeEvent e = new ResizeEvent();
        if (e.isEnabled()) {
          e.name = name;
          e.fromCapacity = from;
          e.toCapacity = to;
          e.commit();
        }
      }
    };
  }

  /** Installs the events with the default thresholds, sampling {@code registry}. */
  public static JfrEvents install(CollectionRegistry registry) {
    return builder(registry).install();
  }

  /** Settings for the events of {@code registry}'s collections. */
  public static Builder builder(CollectionRegistry registry) {
    return new Builder(Objects.requireNonNull(registry, "registry"));
  }

  /** Thresholds of the events; not thread-safe. */
  public static final class Builder {
    private final CollectionRegistry registry;
    private long minimumResizeCapacity = 1024;
    private long burstEvictions = 1000;
    private Duration period = Duration.ofSeconds(1);

    private Builder(CollectionRegistry registry) {
      this.registry = registry;
    }

    /** Report resizes to or from at least this many slots (default 1,024; 0 reports all). */
    public Builder minimumResizeCapacity(long slots) {
      minimumResizeCapacity = Checks.requireNonNegative(slots, "minimumResizeCapacity");
      return this;
    }

    /** Report a burst from this many evictions within one period (default 1,000). */
    public Builder burstEvictions(long evictions) {
      burstEvictions = Checks.requirePositive(evictions, "burstEvictions");
      return this;
    }

    /** How often to sample the registry (default 1 second). */
    public Builder period(Duration period) {
      this.period = Checks.requirePositive(period, "period");
      return this;
    }

    /** Installs the resize observer and starts sampling on the monitor thread. */
    public JfrEvents install() {
      JfrEvents e = new JfrEvents(this);
      Resizes.observe(e.observer);
      synchronized (e) {
        e.sampling = Monitor.every(e.periodNanos, "JFR sampling", e::sample);
      }
      return e;
    }
  }

  /**
   * Samples the registry once now, emitting burst and bound events: what the monitor thread
   * does every period. Callers may drive it themselves.
   */
  public synchronized void sample() {
    if (!new EvictionBurstEvent().isEnabled() && !new BoundReachedEvent().isEnabled()) {
      last.clear();              // nothing records them: start afresh when a recording begins
      return;
    }
    last.keySet().retainAll(registry.collections());
    for (RegisteredCollection c : registry.collections()) {
      CollectionMetrics m = c.metrics().orElse(null);
      if (m == null) {
        continue;
      }
      long dropped = m.evictionCount() + m.expirationCount() + m.collectedCount();
      long[] state = last.get(c);
      if (state == null) {
        state = new long[] {dropped, 0};
        last.put(c, state);
      } else if (dropped - state[0] >= burstEvictions) {
        EvictionBurstEvent e = new EvictionBurstEvent();
        if (e.isEnabled()) {
          e.name = c.name();
          e.type = c.type();
          e.evictions = dropped - state[0];
          e.period = periodNanos;
          e.size = m.size();
          e.estimatedBytes = m.estimatedBytes();
          e.commit();
        }
      }
      state[0] = dropped;
      boolean atBound = m.bound() != Long.MAX_VALUE && m.size() >= m.bound();
      if (atBound && state[1] == 0) {
        state[1] = 1;
        BoundReachedEvent e = new BoundReachedEvent();
        if (e.isEnabled()) {
          e.name = c.name();
          e.type = c.type();
          e.bound = m.bound();
          e.estimatedBytes = m.estimatedBytes();
          e.commit();
        }
      } else if (state[1] == 1 && m.size() < m.bound() * 0.9) {
        state[1] = 0;
      }
    }
  }

  /** Stops sampling and removes the resize observer if it is still this one's. */
  @Override
  public synchronized void close() {
    if (sampling != null) {
      sampling.cancel(false);
    }
    if (Resizes.observer() == observer) {
      Resizes.observe(null);
    }
  }
}
