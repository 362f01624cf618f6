package dev.safecollections;

/**
 * A source of nanosecond time for expiry. Tests inject one to make expiry deterministic;
 * production code uses {@link #systemTicker()}. Must be thread-safe and monotonic.
 */
@FunctionalInterface
public interface Ticker {

  /** The current time in nanoseconds, relative to an arbitrary fixed origin. */
  long read();

  /** A ticker backed by {@link System#nanoTime()}. */
  static Ticker systemTicker() {
    return System::nanoTime;
  }
}
