package dev.safecollections.internal.caffeine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.safecollections.RemovalCause;
import dev.safecollections.internal.MapSpec;
import dev.safecollections.internal.Sweeper;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One backing Caffeine cache of a {@link CaffeineBoundedMap}; a compaction replaces it with a
 * new generation and retires this one, after which it reports nothing.
 */
final class Generation<K, V>
    implements com.github.benmanes.caffeine.cache.RemovalListener<K, V> {
  private static final long RETRY_SWEEP_MILLIS = 10;

  final CaffeineBoundedMap<K, V> owner;
  final GenerationTicker ticker;
  Cache<K, V> cache;
  ConcurrentMap<K, V> map;
  private Policy.VarExpiration<K, V> expiration;
  volatile boolean retired;
  /** Whether the cache reports removals to the owner: built with a removal listener. */
  boolean observesRemovals;
  /** The slots of the cache's {@code ConcurrentHashMap} by {@link ConcurrentTable}'s model. */
  volatile long table;

  private Generation(CaffeineBoundedMap<K, V> owner, GenerationTicker ticker) {
    this.owner = owner;
    this.ticker = ticker;
  }

  /** Sets the modeled table. */
  void modelTable(long slots) {
    table = slots;
  }

  /**
   * Builds a Caffeine cache for the owner's settings. It gets a removal listener only if the
   * owner needs to hear of removals (metrics, a user listener, REJECT releases, expiry reports
   * during a rebuild): without one Caffeine skips its notification work on every removal.
   */
  static <K, V> Generation<K, V> create(CaffeineBoundedMap<K, V> owner, int initialCapacity) {
    MapSpec<K, V> spec = owner.spec;
    GenerationTicker ticker = spec.expires() ? new GenerationTicker(spec) : null;
    Generation<K, V> g = new Generation<>(owner, ticker);
    g.modelTable(ConcurrentTable.initial((initialCapacity > 0) ? initialCapacity : 16));
    Caffeine<Object, Object> builder = Caffeine.newBuilder().executor(Runnable::run);
    if (initialCapacity > 0) {
      builder.initialCapacity(initialCapacity);
    }
    if (!spec.rejects()) {
      if (spec.boundedBySize()) {
        builder.maximumSize(spec.maximumSize());
      } else {
        // bounded by bytes, or only by a budget: then by the map's maximum share of it, and the
        // eviction policy this gives is what evictions for the budget walk
        long maximum = spec.boundedByBytes() ? spec.maximumBytes()
            : spec.membership().maximumBytes();
        builder.maximumWeight(maximum)
            .weigher((Object k, Object v) -> weight(owner, k, v));
      }
    }
    if (spec.expires()) {
      builder.expireAfter(new FixedExpiry(spec))
          .ticker(ticker)
          .scheduler(new SweepScheduler(new WeakReference<>(g)));
    }
    if (spec.weakKeys()) {
      builder.weakKeys();
    }
    switch (spec.valueStrength()) {
      case WEAK:
        builder.weakValues();
        break;
      case SOFT:
        builder.softValues();
        break;
      default:
        break;
    }
    g.observesRemovals = owner.observesRemovals();
    if (g.observesRemovals) {
      Caffeine<K, V> typed = builder.removalListener(g);
      g.cache = typed.build();
    } else {
      g.cache = builder.build();
    }
    g.map = g.cache.asMap();
    g.expiration = g.cache.policy().expireVariably().orElse(null);
    return g;
  }

  @SuppressWarnings("unchecked")
  private static <K, V> int weight(CaffeineBoundedMap<K, V> owner, Object key, Object value) {
    return (int) owner.weigh((K) key, (V) value);
  }

  @Override
  public void onRemoval(K key, V value, com.github.benmanes.caffeine.cache.RemovalCause cause) {
    if (!retired) {
      owner.onRemoval(key, value, CAUSES[cause.ordinal()]);
    }
  }

  /** Caffeine's causes mapped to ours by ordinal; {@code GenerationTest} checks the names. */
  static final RemovalCause[] CAUSES = causes();

  private static RemovalCause[] causes() {
    com.github.benmanes.caffeine.cache.RemovalCause[] theirs =
        com.github.benmanes.caffeine.cache.RemovalCause.values();
    RemovalCause[] ours = new RemovalCause[theirs.length];
    for (int i = 0; i < theirs.length; i++) {
      ours[i] = RemovalCause.valueOf(theirs[i].name());
    }
    return ours;
  }

  long weightedSize() {
    return cache.policy().eviction()
        .map(e -> e.weightedSize().orElse(0L))
        .orElse(0L);
  }

  /** Stops time for this generation's expiry; returns the instant it stopped at. */
  long freezeTime() {
    return (ticker == null) ? 0 : ticker.freeze();
  }

  void unfreezeTime() {
    if (ticker != null) {
      ticker.unfreeze();
    }
  }

  /**
   * Copies one entry from a retired generation, keeping its remaining time to live; false,
   * copying nothing, if that time ran out while the rebuild was under way.
   */
  boolean copy(Generation<K, V> from, K key, V value, long frozenAt) {
    if (expiration == null) {
      map.put(key, value);
      return true;
    }
    long remaining = from.expiration.getExpiresAfter(key, TimeUnit.NANOSECONDS).orElse(0L);
    long left = remaining - (ticker.source() - frozenAt);
    if (left <= 0) {
      return false;
    }
    expiration.put(key, value, left, TimeUnit.NANOSECONDS);
    return true;
  }

  /** A ticker that a rebuild can stop, so that nothing expires while entries are copied. */
  static final class GenerationTicker implements Ticker {
    private final dev.safecollections.Ticker source;
    private volatile boolean frozen;
    private volatile long frozenAt;

    GenerationTicker(MapSpec<?, ?> spec) {
      this.source = (spec.ticker() != null) ? spec.ticker()
          : dev.safecollections.Ticker.systemTicker();
    }

    @Override
    public long read() {
      return frozen ? frozenAt : source.read();
    }

    long source() {
      return source.read();
    }

    long freeze() {
      frozenAt = source.read();
      frozen = true;
      return frozenAt;
    }

    void unfreeze() {
      frozen = false;
    }
  }

  /** Expire after write or after access with one fixed duration. */
  static final class FixedExpiry implements Expiry<Object, Object> {
    private final long nanos;
    private final boolean afterAccess;

    FixedExpiry(MapSpec<?, ?> spec) {
      afterAccess = spec.expireAfterAccessNanos() != MapSpec.UNSET;
      nanos = afterAccess ? spec.expireAfterAccessNanos() : spec.expireAfterWriteNanos();
    }

    @Override
    public long expireAfterCreate(Object key, Object value, long currentTime) {
      return nanos;
    }

    @Override
    public long expireAfterUpdate(Object key, Object value, long currentTime, long currentDuration) {
      return nanos;
    }

    @Override
    public long expireAfterRead(Object key, Object value, long currentTime, long currentDuration) {
      return afterAccess ? nanos : currentDuration;
    }
  }

  /**
   * Caffeine's scheduler for one generation, on the shared sweeper thread. Holds the generation
   * weakly, so a pending sweep never keeps a map alive.
   */
  static final class SweepScheduler implements Scheduler {
    private final WeakReference<Generation<?, ?>> generation;

    SweepScheduler(WeakReference<Generation<?, ?>> generation) {
      this.generation = generation;
    }

    @Override
    public Future<?> schedule(Executor executor, Runnable command, long delay, TimeUnit unit) {
      return Sweeper.schedule(new SweepTask(generation, command), delay, unit);
    }
  }

  static final class SweepTask implements Runnable, CaffeineBoundedMap.Sweeps {
    private final WeakReference<Generation<?, ?>> generation;
    private final Runnable command;

    SweepTask(WeakReference<Generation<?, ?>> generation, Runnable command) {
      this.generation = generation;
      this.command = command;
    }

    @Override
    public void run() {
      Generation<?, ?> g = generation.get();
      if (g != null && !g.retired) {
        sweep(g);
      }
    }

    private <K, V> void sweep(Generation<K, V> g) {
      g.owner.sweep(g, command, this);
    }

    @Override
    public void retryLater() {
      Sweeper.schedule(this, RETRY_SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void continueNow() {
      Sweeper.schedule(this, 0, TimeUnit.MILLISECONDS);
    }
  }
}
