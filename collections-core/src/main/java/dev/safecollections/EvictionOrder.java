package dev.safecollections;

/**
 * Which entry a single-threaded collection evicts when an insertion finds it at its bound. Set
 * with {@link SingleThreadedMapBuilder#evictionOrder(EvictionOrder)}; the concurrent maps use
 * Caffeine's W-TinyLFU instead.
 */
public enum EvictionOrder {
  /**
   * Least recently used: a map's {@code get} and {@code put} and a set's {@code add} refresh an
   * entry, as in a {@link java.util.LinkedHashMap} in access order; {@code containsKey}, a set's
   * {@code contains} and iteration do not.
   */
  LRU,
  /** First in, first out: the entry inserted earliest leaves first; nothing refreshes it. */
  FIFO
}
