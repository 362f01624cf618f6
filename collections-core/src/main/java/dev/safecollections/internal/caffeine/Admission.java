package dev.safecollections.internal.caffeine;

import dev.safecollections.internal.MapSpec;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exact reservations of entries and bytes for maps with the REJECT overflow policy.
 *
 * <p>An insertion reserves inside the atomic compute that stores it, before anything changes;
 * a removal of any cause but replacement releases. Each counter alone never passes its bound,
 * whatever the number of threads. Thread-safe.
 */
final class Admission {
  private final long maximumSize;
  private final long maximumBytes;
  private final AtomicLong size = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  Admission(MapSpec<?, ?> spec) {
    maximumSize = spec.bound();
    maximumBytes = spec.boundedByBytes() ? spec.maximumBytes() : Long.MAX_VALUE;
  }

  /** Reserves {@code entries} (0 or 1) and {@code deltaBytes}; false if either would overflow. */
  boolean tryAcquire(long entries, long deltaBytes) {
    if (entries > 0 && !add(size, entries, maximumSize)) {
      return false;
    }
    if (deltaBytes != 0 && !add(bytes, deltaBytes, maximumBytes)) {
      size.addAndGet(-entries);
      return false;
    }
    return true;
  }

  void release(long entries, long releasedBytes) {
    size.addAndGet(-entries);
    bytes.addAndGet(-releasedBytes);
  }

  long bytes() {
    return bytes.get();
  }

  String describeBound(String name) {
    return (maximumBytes == Long.MAX_VALUE)
        ? name + " is full: maximum size is " + maximumSize
        : name + " is full: maximum bytes is " + maximumBytes + ", " + bytes.get() + " in use";
  }

  private static boolean add(AtomicLong counter, long delta, long maximum) {
    for (;;) {
      long current = counter.get();
      long next = current + delta;
      if (delta > 0 && next > maximum) {
        return false;
      }
      if (counter.compareAndSet(current, next)) {
        return true;
      }
    }
  }
}
