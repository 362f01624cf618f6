package dev.safecollections.internal.caffeine;

import dev.safecollections.internal.Checks;
import dev.safecollections.internal.MapSpec;

/**
 * Exact reservations of entries and bytes for maps with the REJECT overflow policy, with
 * rejections that are linearizable.
 *
 * <p>The count and the presence of keys change in separate atomic steps (a reservation before
 * the store, a release after the removal), so at some instants the count includes insertions
 * not yet visible or removals already invisible. A rejection decided at such an instant could
 * be explained by no sequential order (Lincheck found both windows). So the reservation also
 * tracks the operations in flight, and a refusal is {@link Verdict#FULL} only when none is:
 * then the count is exactly the visible entries. Otherwise it is {@link Verdict#BUSY} and the
 * caller waits on this monitor until they settle, and retries. A refused caller is not in
 * flight, so two refused callers never wait for each other. Because releases follow removals, the count never
 * falls below the visible entries: the bound holds at every instant, not only at quiescence.
 *
 * <p>Thread-safe; a monitor guards the few fields, and it is never held while taking another
 * lock.
 */
final class Admission {
  /** A reservation that cannot be granted now. */
  enum Verdict {
    ADMITTED,
    /** Other writers are in flight: wait for {@link #settled()} and try again. */
    BUSY,
    /** Full, with nothing in flight: reject. */
    FULL
  }

  /** The admission whose write the current thread is inside, to recognize nested writes. */
  private static final ThreadLocal<Admission> WRITING = new ThreadLocal<>();

  private final long maximumSize;
  private final long maximumBytes;
  private long size;
  private long bytes;
  private int pendingInsertions;
  private int pendingReleases;

  Admission(MapSpec<?, ?> spec) {
    maximumSize = spec.bound();
    maximumBytes = spec.boundedByBytes() ? spec.maximumBytes() : Long.MAX_VALUE;
  }

  /**
   * Reserves {@code entries} (0 or 1) and {@code addedBytes} for a value about to be stored.
   * Granted reservations are pending until {@link #stored} or {@link #abandoned}.
   */
  synchronized Verdict reserve(long entries, long addedBytes, boolean mayWait) {
    if (size + entries <= maximumSize && bytes + addedBytes <= maximumBytes) {
      size += entries;
      bytes += addedBytes;
      pendingInsertions++;
      return Verdict.ADMITTED;
    }
    return (mayWait && (pendingInsertions > 0 || pendingReleases > 0)) ? Verdict.BUSY : Verdict.FULL;
  }

  /** The reserved value is stored; {@code freedBytes} of the value it replaced are released. */
  synchronized void stored(long freedBytes) {
    bytes -= freedBytes;
    pendingInsertions--;
    signalIfSettled();
  }

  /** The operation that reserved failed before storing anything. */
  synchronized void abandoned(long entries, long addedBytes) {
    size -= entries;
    bytes -= addedBytes;
    pendingInsertions--;
    signalIfSettled();
  }

  /** An explicit removal is about to make its key invisible; {@link #released} follows. */
  synchronized void removing() {
    pendingReleases++;
  }

  /** An entry is gone; {@code explicit} if announced by {@link #removing()}. */
  synchronized void released(long freedBytes, boolean explicit) {
    size--;
    bytes -= freedBytes;
    if (explicit) {
      pendingReleases--;
      signalIfSettled();
    }
  }

  synchronized boolean settled() {
    return pendingInsertions == 0 && pendingReleases == 0;
  }

  private void signalIfSettled() {
    if (pendingInsertions == 0 && pendingReleases == 0) {
      notifyAll();
    }
  }

  synchronized long bytes() {
    return bytes;
  }

  /**
   * Marks the current thread as writing through this admission until {@link #exit}. Returns
   * the previous mark, which is this admission itself for a write nested in another write of
   * the same map (from a listener or compute function on the same thread): such a write must
   * not wait, since what it would wait for is its own caller.
   */
  Admission enter() {
    Admission previous = WRITING.get();
    WRITING.set(this);
    return previous;
  }

  static void exit(Admission previous) {
    if (previous == null) {
      WRITING.remove();
    } else {
      WRITING.set(previous);
    }
  }

  /**
   * Blocks until nothing is in flight. Writers in flight finish without waiting for anyone, so
   * this returns; false only if the thread was interrupted (its interrupt status is restored).
   */
  synchronized boolean awaitSettled() {
    while (!settled()) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  synchronized String describeBound(String name) {
    return (maximumBytes == Long.MAX_VALUE)
        ? Checks.fullMessage(name, maximumSize)
        : Checks.fullMessage(name, maximumBytes, bytes, -1);
  }
}
