package dev.safecollections.internal.budget;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A collection's current {@link Ledger}: its budget {@link Account} for its whole life, or an
 * {@link Attachment} while an outer map holds it, or none. Thread-safe. Not part of the public
 * API.
 */
public final class LedgerSlot extends AtomicReference<Ledger> {
  private static final long serialVersionUID = 1L;

  public LedgerSlot(Ledger initial) {
    super(initial);
  }

  /**
   * Links the collection to an outer map's entry if it has no ledger; returns the new link, into
   * which the caller charges what the collection holds now, or null if it was not free.
   */
  public Attachment attach(Ledger outer, Object key) {
    Attachment a = new Attachment(outer, key);
    return compareAndSet(null, a) ? a : null;
  }

  /** Unlinks the collection from that entry if linked to it; returns the bytes the link held. */
  public long detach(Ledger outer, Object key) {
    Ledger l = get();
    if (Attachment.links(l, outer, key) && compareAndSet(l, null)) {
      return ((Attachment) l).close();
    }
    return 0;
  }
}
