package dev.safecollections.metrics;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread, {@code safecollections-monitor}, that samples registries for the growth
 * watchdogs and the JFR events. Created on first use; a task that throws is logged and keeps
 * its schedule.
 */
final class Monitor {
  private static final System.Logger LOGGER = System.getLogger(Monitor.class.getName());

  private Monitor() {}

  private static final class Holder {
    static final ScheduledExecutorService EXECUTOR = create();

    private static ScheduledExecutorService create() {
      ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "safecollections-monitor");
        t.setDaemon(true);
        return t;
      });
      e.setRemoveOnCancelPolicy(true);   // a closed watchdog leaves nothing in the queue
      return e;
    }
  }

  /** Runs {@code task} every {@code periodNanos} on the monitor thread until cancelled. */
  static ScheduledFuture<?> every(long periodNanos, String what, Runnable task) {
    return Holder.EXECUTOR.scheduleWithFixedDelay(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOGGER.log(System.Logger.Level.WARNING, what + " failed on the monitor thread", e);
      }
    }, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
  }
}
