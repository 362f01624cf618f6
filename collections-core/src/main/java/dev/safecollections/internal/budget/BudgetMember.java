package dev.safecollections.internal.budget;

/**
 * A collection that holds an {@link Account} in a {@link SharedBudget} and can give bytes
 * back when the budget asks. Not part of the public API.
 */
public interface BudgetMember {

  /**
   * Evicts entries, coldest first, until at least {@code bytes} are freed or nothing is left;
   * returns the bytes freed, which the evictions have already released from the account. Each
   * eviction is reported with cause {@code SIZE} and counted by {@link Account#recordEviction}.
   * Called on the member's own writes, and from other threads only if the member said at
   * {@link SharedBudget#join} that it is thread-safe.
   */
  long evictForBudget(long bytes);
}
