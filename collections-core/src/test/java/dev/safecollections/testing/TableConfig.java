package dev.safecollections.testing;

import dev.safecollections.EvictionOrder;
import dev.safecollections.OverflowPolicy;
import dev.safecollections.SafeMapBuilder;
import dev.safecollections.SafeMaps;
import dev.safecollections.SingleThreadedMapBuilder;
import java.time.Duration;

/**
 * The matrix of single-threaded map configurations: eviction order, expiry (each combination of
 * order and expiry kind, since some share one list and some keep two) and overflow policy.
 * Every map records metrics and reads time from the given ticker.
 */
public enum TableConfig {
  LRU(EvictionOrder.LRU, false, false, false),
  FIFO(EvictionOrder.FIFO, false, false, false),
  LRU_EXPIRE_AFTER_WRITE(EvictionOrder.LRU, true, false, false),
  LRU_EXPIRE_AFTER_ACCESS(EvictionOrder.LRU, false, true, false),
  FIFO_EXPIRE_AFTER_WRITE(EvictionOrder.FIFO, true, false, false),
  FIFO_EXPIRE_AFTER_ACCESS(EvictionOrder.FIFO, false, true, false),
  LRU_REJECT(EvictionOrder.LRU, false, false, true),
  FIFO_EXPIRING_REJECT(EvictionOrder.FIFO, true, false, true);

  public static final int BOUND = 8;
  public static final Duration TTL = Duration.ofNanos(100);

  private final EvictionOrder order;
  private final boolean expireAfterWrite;
  private final boolean expireAfterAccess;
  private final boolean rejects;

  TableConfig(EvictionOrder order, boolean expireAfterWrite, boolean expireAfterAccess,
      boolean rejects) {
    this.order = order;
    this.expireAfterWrite = expireAfterWrite;
    this.expireAfterAccess = expireAfterAccess;
    this.rejects = rejects;
  }

  public SingleThreadedMapBuilder<Object, Object> builder(FakeTicker ticker) {
    SafeMapBuilder<Object, Object> b =
        SafeMaps.builder().maximumSize(BOUND).recordMetrics().ticker(ticker);
    if (expireAfterWrite) {
      b.expireAfterWrite(TTL);
    }
    if (expireAfterAccess) {
      b.expireAfterAccess(TTL);
    }
    if (rejects) {
      b.overflowPolicy(OverflowPolicy.REJECT);
    }
    return b.singleThreaded().evictionOrder(order);
  }

  public boolean lru() {
    return order == EvictionOrder.LRU;
  }

  public boolean rejects() {
    return rejects;
  }

  public boolean expires() {
    return expireAfterWrite || expireAfterAccess;
  }

  public boolean expiresAfterAccess() {
    return expireAfterAccess;
  }
}
