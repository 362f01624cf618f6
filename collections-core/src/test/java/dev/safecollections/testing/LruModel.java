package dev.safecollections.testing;

import dev.safecollections.CapacityExceededException;
import dev.safecollections.CollectionMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference behaviour of a single-threaded bounded map, written as plainly as possible: a
 * {@code LinkedHashMap} in eviction order (eldest first), a deadline per key, and the counters
 * a map's metrics must match (I5, I6).
 */
public final class LruModel {
  private final TableConfig config;
  private final long ttl;
  private final LinkedHashMap<Integer, Integer> entries = new LinkedHashMap<>();
  private final Map<Integer, Long> deadlines = new HashMap<>();
  private long hits;
  private long misses;
  private long insertions;
  private long replacements;
  private long removals;
  private long evictions;
  private long expirations;
  private long rejections;
  private long peakSize;

  public LruModel(TableConfig config) {
    this.config = config;
    this.ttl = TableConfig.TTL.toNanos();
  }

  public Integer get(int key, long now) {
    expire(key, now);
    Integer value = entries.get(key);
    if (value == null) {
      misses++;
      return null;
    }
    hits++;
    if (config.lru()) {
      moveToLast(key, value);
    }
    if (config.expiresAfterAccess()) {
      deadlines.put(key, now + ttl);
    }
    return value;
  }

  public boolean containsKey(int key, long now) {
    expire(key, now);
    return entries.containsKey(key);
  }

  public Integer put(int key, int value, long now) {
    expire(key, now);
    Integer old = entries.get(key);
    if (old != null) {
      replacements++;
      entries.put(key, value);
      if (config.lru()) {
        moveToLast(key, value);
      }
      if (config.expires()) {
        deadlines.put(key, now + ttl);
      }
      return old;
    }
    expireAll(now);
    if (entries.size() >= TableConfig.BOUND) {
      if (config.rejects()) {
        rejections++;
        throw new CapacityExceededException("model is full");
      }
      Integer eldest = entries.keySet().iterator().next();
      entries.remove(eldest);
      deadlines.remove(eldest);
      evictions++;
    }
    insertions++;
    entries.put(key, value);
    peakSize = Math.max(peakSize, entries.size());
    if (config.expires()) {
      deadlines.put(key, now + ttl);
    }
    return null;
  }

  public Integer remove(int key, long now) {
    expire(key, now);
    Integer old = entries.remove(key);
    if (old != null) {
      deadlines.remove(key);
      removals++;
    }
    return old;
  }

  public int size(long now) {
    expireAll(now);
    return entries.size();
  }

  public void clear(long now) {
    expireAll(now);
    removals += entries.size();
    entries.clear();
    deadlines.clear();
  }

  /** The unexpired entries in eviction order, as "k=v"; iteration removes nothing. */
  public List<String> live(long now) {
    List<String> live = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : entries.entrySet()) {
      if (!expired(e.getKey(), now)) {
        live.add(e.getKey() + "=" + e.getValue());
      }
    }
    return live;
  }

  /** Removes the first unexpired entry, as an iterator's remove would; returns its key. */
  public Integer removeFirstLive(long now) {
    for (Iterator<Integer> it = entries.keySet().iterator(); it.hasNext(); ) {
      Integer key = it.next();
      if (!expired(key, now)) {
        it.remove();
        deadlines.remove(key);
        removals++;
        return key;
      }
    }
    return null;
  }

  /**
   * The counters a map with this history must report; capacity, bytes, grows and shrinks are
   * storage, checked by {@code MetricsEstimateTest}, and taken as they are.
   */
  public CollectionMetrics expectedCounters(CollectionMetrics actual) {
    CollectionMetrics.Builder expected = CollectionMetrics.builder();
    actual.capacity().ifPresent(expected::capacity);   // storage, not a counter: taken as is
    return expected
        .size(entries.size())
        .bound(TableConfig.BOUND)
        .peakSize(peakSize)
        .hitCount(hits)
        .missCount(misses)
        .insertionCount(insertions)
        .replacementCount(replacements)
        .removalCount(removals)
        .evictionCount(evictions)
        .expirationCount(expirations)
        .rejectionCount(rejections)
        .shrinkCount(actual.shrinkCount())
        .growCount(actual.growCount())
        .estimatedBytes(actual.estimatedBytes())
        .build();
  }

  private void moveToLast(int key, int value) {
    entries.remove(key);
    entries.put(key, value);
  }

  private boolean expired(int key, long now) {
    Long deadline = deadlines.get(key);
    return deadline != null && now - deadline >= 0;
  }

  private void expire(int key, long now) {
    if (expired(key, now)) {
      entries.remove(key);
      deadlines.remove(key);
      expirations++;
    }
  }

  private void expireAll(long now) {
    for (Integer key : new ArrayList<>(entries.keySet())) {
      expire(key, now);
    }
  }
}
