package dev.safecollections.internal.caffeine;

/**
 * A model of how many slots a {@code ConcurrentHashMap}'s table holds, for the metrics of the
 * Caffeine-backed maps: Caffeine keeps its entries in one and does not expose its table. The
 * model follows the JDK's sizing rules (the constructor's table for an initial capacity, then a
 * doubling whenever the count reaches three quarters of the table; the table never shrinks).
 */
final class ConcurrentTable {
  private static final int MAXIMUM = 1 << 30;

  private ConcurrentTable() {}

  /** The table {@code new ConcurrentHashMap<>(initialCapacity)} allocates on first insertion. */
  static long initial(int initialCapacity) {
    long size = (long) (1.0 + initialCapacity / 0.75f);
    return (size >= MAXIMUM) ? MAXIMUM : Math.max(1, Long.highestOneBit(size - 1) << 1);
  }

  /** The table after growing from {@code initial} slots to hold {@code peak} entries. */
  static long after(long initial, long peak) {
    long n = initial;
    while (n < MAXIMUM && peak >= n - (n >>> 2)) {
      n <<= 1;
    }
    return n;
  }
}
