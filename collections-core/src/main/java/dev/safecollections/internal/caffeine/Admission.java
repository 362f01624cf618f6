package dev.safecollections.internal.caffeine;

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
 * caller waits for them to settle and retries. A refused caller is not in flight, so two
 * refused callers never wait for each other. Because releases follow removals, the count never
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

  /** How long a refused writer waits for others to settle before rejecting anyway. */
  static final int MAX_SPINS = 1 << 16;

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
  }

  /** The operation that reserved failed before storing anything. */
  synchronized void abandoned(long entries, long addedBytes) {
    size -= entries;
    bytes -= addedBytes;
    pendingInsertions--;
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
    }
  }

  synchronized boolean settled() {
    return pendingInsertions == 0 && pendingReleases == 0;
  }

  synchronized long bytes() {
    return bytes;
  }

  /** Spins, then yields, until nothing is in flight; false if it gave up. */
  boolean awaitSettled() {
    for (int spin = 0; spin < MAX_SPINS; spin++) {
      if (settled()) {
        return true;
      }
      if (spin < 64) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
    return false;
  }

  synchronized String describeBound(String name) {
    return (maximumBytes == Long.MAX_VALUE)
        ? name + " is full: maximum size is " + maximumSize
        : name + " is full: maximum bytes is " + maximumBytes + ", " + bytes + " in use";
  }
}
