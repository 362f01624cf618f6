package dev.safecollections.metrics;

import dev.safecollections.CollectionMetrics;
import dev.safecollections.Ticker;
import dev.safecollections.internal.Checks;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * Watches the collections of a {@link CollectionRegistry} for the two shapes of a leak in the
 * making, and raises a {@link GrowthAlert} (to the listener, and as a warning through {@link
 * System.Logger} under this class's name):
 *
 * <ul>
 *   <li>{@link GrowthAlert.Kind#NEAR_BOUND}: the size has stayed at or above {@code
 *       nearBoundRatio} of the count bound (default 90%) for at least {@code nearBoundFor}
 *       (default 5 minutes) of samples: a cache that is too small, or a map that only grows
 *       and lives on evictions.
 *   <li>{@link GrowthAlert.Kind#GROWING}: the size grew at each of the last {@code growingSamples}
 *       samples (default 30): an unbounded-looking climb, bounded or not.
 * </ul>
 *
 * An alert is raised once per episode: again only after the condition has ended (the size fell
 * below the ratio, or did not grow between two samples). Collections bounded only by bytes are
 * watched for growth only.
 *
 * <p>{@link #start()} samples every {@code period} (default 10 seconds) on the shared {@code
 * safecollections-monitor} daemon thread; {@link #sample()} samples once on the caller's
 * thread, which with an injected {@link Ticker} makes the watchdog testable without waiting.
 * Thread-safe; the listener is called on the sampling thread and must not block. Bound: one
 * small record per registered collection.
 */
public final class GrowthWatchdog implements AutoCloseable {
  private static final System.Logger LOGGER = System.getLogger(GrowthWatchdog.class.getName());

  private final CollectionRegistry registry;
  private final Duration period;
  private final double nearBoundRatio;
  private final long nearBoundForNanos;
  private final int growingSamples;
  private final Ticker ticker;
  private final Consumer<GrowthAlert> listener;
  private final Map<RegisteredCollection, Watch> watches = new HashMap<>();
  private ScheduledFuture<?> sampling;

  /** What the watchdog remembers of one collection. */
  private static final class Watch {
    long nearSince = -1;
    boolean nearAlerted;
    long lastSize = -1;
    int grewInARow;
    long growingSince;
    boolean growingAlerted;
  }

  private GrowthWatchdog(Builder b) {
    this.registry = b.registry;
    this.period = b.period;
    this.nearBoundRatio = b.nearBoundRatio;
    this.nearBoundForNanos = b.nearBoundFor.toNanos();
    this.growingSamples = b.growingSamples;
    this.ticker = b.ticker;
    this.listener = b.listener;
  }

  /** Settings for a watchdog over {@code registry}. */
  public static Builder builder(CollectionRegistry registry) {
    return new Builder(Objects.requireNonNull(registry, "registry"));
  }

  /** Settings of a watchdog; not thread-safe. Every setting is checked as it is made. */
  public static final class Builder {
    private final CollectionRegistry registry;
    private Duration period = Duration.ofSeconds(10);
    private double nearBoundRatio = 0.9;
    private Duration nearBoundFor = Duration.ofMinutes(5);
    private int growingSamples = 30;
    private Ticker ticker = Ticker.systemTicker();
    private Consumer<GrowthAlert> listener = a -> { };

    private Builder(CollectionRegistry registry) {
      this.registry = registry;
    }

    /** How often {@link #start()} samples (default 10 seconds). */
    public Builder period(Duration period) {
      this.period = Checks.requirePositive(period, "period");
      return this;
    }

    /**
     * Alert when the size stays at or above {@code ratio} of the bound for {@code duration}
     * (default 0.9 for 5 minutes).
     */
    public Builder nearBound(double ratio, Duration duration) {
      if (!(ratio > 0 && ratio <= 1)) {
        throw new IllegalArgumentException("ratio must be in (0, 1]: " + ratio);
      }
      nearBoundRatio = ratio;
      nearBoundFor = Checks.requirePositive(duration, "duration");
      return this;
    }

    /** Alert when the size grew at each of this many samples in a row (default 30). */
    public Builder growingSamples(int samples) {
      if (samples < 2) {
        throw new IllegalArgumentException("growingSamples must be at least 2: " + samples);
      }
      growingSamples = samples;
      return this;
    }

    /** The time source (default the system's); inject one to test. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** Called with every alert, besides the log (default: the log only). */
    public Builder listener(Consumer<GrowthAlert> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** A watchdog with these settings; it samples only when asked or once started. */
    public GrowthWatchdog build() {
      return new GrowthWatchdog(this);
    }
  }

  /** Samples every period on the monitor thread until {@link #close()}; returns this. */
  public synchronized GrowthWatchdog start() {
    if (sampling == null) {
      sampling = Monitor.every(period.toNanos(), "growth watchdog", this::sample);
    }
    return this;
  }

  /** Samples every registered collection once now, raising any alert due. */
  public synchronized void sample() {
    long now = ticker.read();
    watches.keySet().retainAll(registry.collections());
    for (RegisteredCollection c : registry.collections()) {
      CollectionMetrics m = c.metrics().orElse(null);
      if (m != null) {
        check(c, m, watches.computeIfAbsent(c, k -> new Watch()), now);
      }
    }
  }

  private void check(RegisteredCollection c, CollectionMetrics m, Watch w, long now) {
    long size = m.size();
    if (m.bound() != Long.MAX_VALUE && size >= nearBoundRatio * m.bound()) {
      if (w.nearSince < 0) {
        w.nearSince = now;
      }
      long lasted = now - w.nearSince;
      if (!w.nearAlerted && lasted >= nearBoundForNanos) {
        w.nearAlerted = true;
        raise(new GrowthAlert(GrowthAlert.Kind.NEAR_BOUND, c, m, Duration.ofNanos(lasted),
            String.format("%s %s has held %,d of its bound of %,d (%.0f%%) for %s; estimated "
                + "%,d bytes, %,d evictions so far", c.type(), c.name(), size, m.bound(),
                100.0 * size / m.bound(), Duration.ofNanos(lasted), m.estimatedBytes(),
                m.evictionCount())));
      }
    } else {
      w.nearSince = -1;
      w.nearAlerted = false;
    }
    if (w.lastSize >= 0 && size > w.lastSize) {
      if (w.grewInARow++ == 0) {
        w.growingSince = now;
      }
      if (!w.growingAlerted && w.grewInARow >= growingSamples) {
        w.growingAlerted = true;
        Duration lasted = Duration.ofNanos(now - w.growingSince);
        raise(new GrowthAlert(GrowthAlert.Kind.GROWING, c, m, lasted, String.format(
            "%s %s grew at each of the last %d samples, to %,d entries (bound %s); estimated "
                + "%,d bytes", c.type(), c.name(), w.grewInARow, size,
            (m.bound() == Long.MAX_VALUE) ? "bytes only" : String.format("%,d", m.bound()),
            m.estimatedBytes())));
      }
    } else if (w.lastSize >= 0) {
      w.grewInARow = 0;
      w.growingAlerted = false;
    }
    w.lastSize = size;
  }

  private void raise(GrowthAlert alert) {
    LOGGER.log(System.Logger.Level.WARNING, alert.message());
    try {
      listener.accept(alert);
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "growth alert listener threw", e);
    }
  }

  /** Stops sampling. */
  @Override
  public synchronized void close() {
    if (sampling != null) {
      sampling.cancel(false);
      sampling = null;
    }
  }
}
