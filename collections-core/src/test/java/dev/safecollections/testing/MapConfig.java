package dev.safecollections.testing;

import dev.safecollections.ConcurrentBoundedMap;
import dev.safecollections.OverflowPolicy;
import dev.safecollections.RemovalListener;
import dev.safecollections.SafeMapBuilder;
import dev.safecollections.SafeMaps;
import java.time.Duration;

/**
 * The matrix of map configurations that every behavioural test runs over, in the manner of
 * Caffeine's {@code CacheSpec}. Byte-bounded configurations weigh every entry as
 * {@link #ENTRY_BYTES}, so their bound is {@link #BOUND} entries too. Every map created here is
 * validated after its test by {@link ValidateMapsAfterEach}.
 */
public enum MapConfig {
  BOUNDED(false, false),
  EXPIRE_AFTER_WRITE(false, false) {
    @Override
    SafeMapBuilder<Object, Object> configure(SafeMapBuilder<Object, Object> b) {
      return b.maximumSize(BOUND).expireAfterWrite(TTL);
    }
  },
  EXPIRE_AFTER_ACCESS(false, false) {
    @Override
    SafeMapBuilder<Object, Object> configure(SafeMapBuilder<Object, Object> b) {
      return b.maximumSize(BOUND).expireAfterAccess(TTL);
    }
  },
  MAXIMUM_BYTES(false, true),
  WEAK_VALUES(false, false) {
    @Override
    SafeMapBuilder<Object, Object> configure(SafeMapBuilder<Object, Object> b) {
      return b.maximumSize(BOUND).weakValues();
    }
  },
  SOFT_VALUES(false, false) {
    @Override
    SafeMapBuilder<Object, Object> configure(SafeMapBuilder<Object, Object> b) {
      return b.maximumSize(BOUND).softValues();
    }
  },
  REJECT(true, false),
  REJECT_BYTES(true, true);

  public static final int BOUND = 50;
  public static final long ENTRY_BYTES = 100;
  public static final Duration TTL = Duration.ofMinutes(10);

  private final boolean rejects;
  private final boolean bytes;

  MapConfig(boolean rejects, boolean bytes) {
    this.rejects = rejects;
    this.bytes = bytes;
  }

  public boolean rejects() {
    return rejects;
  }

  public boolean boundedByBytes() {
    return bytes;
  }

  public boolean expires() {
    return this == EXPIRE_AFTER_WRITE || this == EXPIRE_AFTER_ACCESS;
  }

  SafeMapBuilder<Object, Object> configure(SafeMapBuilder<Object, Object> b) {
    SafeMapBuilder<Object, Object> bounded = bytes
        ? b.maximumBytes(BOUND * ENTRY_BYTES).weigher((k, v) -> ENTRY_BYTES)
        : b.maximumSize(BOUND);
    return rejects ? bounded.overflowPolicy(OverflowPolicy.REJECT) : bounded;
  }

  /** A map of this configuration with metrics, a fake ticker and the given listener. */
  public <K, V> ConcurrentBoundedMap<K, V> create(
      FakeTicker ticker, RemovalListener<Object, Object> listener) {
    ConcurrentBoundedMap<K, V> map = configure(SafeMaps.builder()).ticker(ticker)
        .removalListener(listener).recordMetrics().name(name()).build();
    ValidateMapsAfterEach.created(map);
    return map;
  }

  public <K, V> ConcurrentBoundedMap<K, V> create() {
    return create(new FakeTicker(), (k, v, cause) -> {});
  }
}
