package dev.safecollections.metrics;

import dev.safecollections.Ticker;
import java.time.Duration;

/** A manual clock for tests: reads the nanoseconds it was advanced by. */
final class FakeTicker implements Ticker {
  private volatile long nanos;

  @Override
  public long read() {
    return nanos;
  }

  void advance(Duration d) {
    nanos += d.toNanos();
  }
}
