package dev.safecollections.internal;

/**
 * Shallow sizes of arrays and objects on a 64-bit HotSpot JVM with compressed references and
 * 8-byte alignment (what JOL reports there), for the structure estimates in
 * {@code CollectionMetrics.estimatedBytes()}. Not part of the public API.
 */
public final class Footprint {
  /** An array's header: mark word, compressed class pointer and length. */
  public static final int ARRAY_HEADER = 16;
  /** A reference slot, compressed. */
  public static final int REFERENCE = 4;

  private Footprint() {}

  /** The bytes of an array of {@code length} elements of {@code elementBytes} each. */
  public static long array(long length, int elementBytes) {
    return align(ARRAY_HEADER + length * elementBytes);
  }

  /** The bytes of this array, or 0 for null. */
  public static long of(int[] a) {
    return (a == null) ? 0 : array(a.length, Integer.BYTES);
  }

  /** The bytes of this array, or 0 for null. */
  public static long of(long[] a) {
    return (a == null) ? 0 : array(a.length, Long.BYTES);
  }

  /** The bytes of this array (its reference slots only), or 0 for null. */
  public static long of(Object[] a) {
    return (a == null) ? 0 : array(a.length, REFERENCE);
  }

  /** Rounds up to the 8-byte object alignment. */
  public static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
