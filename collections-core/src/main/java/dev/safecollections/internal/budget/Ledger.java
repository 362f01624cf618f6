package dev.safecollections.internal.budget;

/**
 * Where a collection charges the estimated bytes of what it stores: its {@link Account} in a
 * budget, or its link to the entry of an outer map that holds it. Thread-safe.
 * Not part of the public API.
 */
public interface Ledger {

  /**
   * Adds {@code bytes} (negative to release) without freeing room; {@link #settle()} frees room
   * afterwards, outside any lock of the caller. Ignored once the ledger is closed.
   */
  void charge(long bytes);

  /**
   * Frees room in the budget until it is within its limit, by its policy; call after a write
   * that charged, holding no lock of the collection.
   */
  void settle();
}
