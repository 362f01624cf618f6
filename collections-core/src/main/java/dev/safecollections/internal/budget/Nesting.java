package dev.safecollections.internal.budget;

import dev.safecollections.Weigher;
import dev.safecollections.internal.ObjectSizeEstimator;
import java.util.Map;
import java.util.function.ToLongBiFunction;

/**
 * What every map in a budget does with values that are safe collections: weigh them as a shell,
 * attach them when stored and detach them when they leave. Not part of the public API.
 */
public final class Nesting {
  private Nesting() {}

  /**
   * The bytes an entry is charged when stored: a nested collection's shell (its content is
   * charged through its attachment), else the weigher's figure.
   *
   * @throws IllegalArgumentException if the weigher returns a negative weight
   */
  @SuppressWarnings("unchecked")
  public static long weight(Weigher<?, ?> weigher, Object key, Object value) {
    if (value instanceof Attachable) {
      return ObjectSizeEstimator.ENTRY_OVERHEAD + ObjectSizeEstimator.estimate(key)
          + ((Attachable) value).shellBytes();
    }
    long w = ((Weigher<Object, Object>) weigher).weigh(key, value);
    if (w < 0) {
      throw new IllegalArgumentException("weight must not be negative: " + w);
    }
    return w;
  }

  /** Attaches a stored value to its entry if it is a collection that can be. */
  public static void attach(Object value, Ledger outer, Object key) {
    if (value instanceof Attachable) {
      ((Attachable) value).attachTo(outer, key);
    }
  }

  /** Detaches a value that left its entry and releases what it was charged; returns that. */
  public static long detach(Object value, Ledger outer, Object key) {
    if (!(value instanceof Attachable)) {
      return 0;
    }
    long bytes = ((Attachable) value).detachFrom(outer, key);
    outer.charge(-bytes);
    return bytes;
  }

  /**
   * What a collection does when it is attached: charges the link with the weight of every entry
   * it holds and attaches the collections among its values in turn.
   */
  public static <K, V> void chargeContent(Attachment link,
      Iterable<? extends Map.Entry<K, V>> entries, ToLongBiFunction<K, V> weight) {
    long bytes = 0;
    for (Map.Entry<K, V> e : entries) {
      bytes += weight.applyAsLong(e.getKey(), e.getValue());
      attach(e.getValue(), link, e.getKey());
    }
    link.charge(bytes);
  }
}
