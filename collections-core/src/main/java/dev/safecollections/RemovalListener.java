package dev.safecollections;

/**
 * Told of every entry that leaves a safe collection, with the reason.
 *
 * <p>The listener runs on the thread that caused the removal (a writer, a reader that ran
 * pending maintenance, or the shared expiry sweeper) after the collection's state is updated.
 * It must be fast and must not write to the collection that calls it. An exception it throws
 * is caught and logged through {@link System.Logger}; it never corrupts the collection. The
 * collection keeps no reference to the removed key or value once the listener returns.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface RemovalListener<K, V> {

  /**
   * Called once for every removed entry.
   *
   * @param key the removed key, or {@code null} if it was weakly held and collected
   * @param value the removed value, or {@code null} if it was weakly or softly held and collected
   * @param cause why the entry left
   */
  void onRemoval(K key, V value, RemovalCause cause);
}
