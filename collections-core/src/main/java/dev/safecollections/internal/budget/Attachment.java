package dev.safecollections.internal.budget;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The link from a nested collection to the entry of the outer map that holds it: the inner
 * collection charges its bytes here, and they flow on to the outer map's own ledger. Closing it
 * (when the entry is removed, replaced or evicted) returns what it holds so the outer map can
 * release it; charges that arrive afterwards are dropped. Thread-safe and lock-free. Not part
 * of the public API.
 */
public final class Attachment implements Ledger {
  private final Ledger outer;
  private final Object key;
  private final AtomicLong charged = new AtomicLong();

  Attachment(Ledger outer, Object key) {
    this.outer = outer;
    this.key = key;
  }

  @Override
  public void charge(long bytes) {
    if (bytes != 0 && Account.add(charged, bytes)) {
      outer.charge(bytes);
    }
  }

  @Override
  public void settle() {
    outer.settle();
  }

  /** A new, unattached link to the entry {@code key} of the map whose ledger is {@code outer}. */
  public static Attachment to(Ledger outer, Object key) {
    return new Attachment(outer, key);
  }

  /**
   * Whether {@code l} is the link of the entry {@code key} of the map whose ledger is {@code
   * outer}.
   */
  public static boolean links(Ledger l, Ledger outer, Object key) {
    return l instanceof Attachment && ((Attachment) l).outer == outer
        && ((Attachment) l).key.equals(key);
  }

  /** Closes the link; returns the bytes it held, which the caller releases from the outer map. */
  public long close() {
    long u = charged.getAndSet(Account.CLOSED);
    return (u == Account.CLOSED) ? 0 : u;
  }
}
