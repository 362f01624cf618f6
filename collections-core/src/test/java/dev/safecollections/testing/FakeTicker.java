package dev.safecollections.testing;

import dev.safecollections.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A ticker that moves only when told to; makes every expiry test deterministic. */
public final class FakeTicker implements Ticker {
  private final AtomicLong nanos = new AtomicLong();
  private volatile long stepPerRead;

  @Override
  public long read() {
    long step = stepPerRead;
    return (step == 0) ? nanos.get() : nanos.addAndGet(step);
  }

  /** From now on every read also moves time forward by {@code step}: time passing during work. */
  public FakeTicker advanceOnEveryRead(Duration step) {
    stepPerRead = step.toNanos();
    return this;
  }

  public FakeTicker advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
    return this;
  }
}
