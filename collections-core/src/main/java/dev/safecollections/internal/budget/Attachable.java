package dev.safecollections.internal.budget;

/**
 * A safe collection that can be counted as part of the entry of an outer map that holds it (a
 * map of maps in a budget): while attached it charges the estimated bytes of its content to
 * the {@link Attachment}. Not part of the public API.
 */
public interface Attachable {

  /**
   * Attaches this collection to the entry {@code key} of the outer map whose ledger is {@code
   * outer}, charging the bytes it holds now; does nothing if it is a budget member itself or
   * is already attached (it is then counted as its shell only).
   */
  void attachTo(Ledger outer, Object key);

  /**
   * Detaches this collection if it is attached to that entry; returns the bytes its link held,
   * which the outer map releases, or 0.
   */
  long detachFrom(Ledger outer, Object key);

  /** The estimated bytes of this collection when empty; what an outer map weighs it at. */
  long shellBytes();
}
