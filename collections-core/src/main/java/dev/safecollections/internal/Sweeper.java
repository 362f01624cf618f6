package dev.safecollections.internal;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread per JVM that reclaims expired entries of idle collections.
 *
 * <p>The thread is a daemon, so it never keeps the JVM alive, and it is started lazily by the
 * first collection that expires entries. Collections hand it tasks that reach them only
 * through weak references, so a scheduled sweep never keeps an unreachable collection alive.
 * Cancelled tasks leave the queue at once. Tasks must be short: they share this one thread.
 * Not part of the public API.
 */
public final class Sweeper {
  /** The name of the sweeper thread, for thread dumps and tests. */
  public static final String THREAD_NAME = "safe-collections-sweeper";

  private Sweeper() {}

  private static final class Holder {
    static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, THREAD_NAME);
        thread.setDaemon(true);
        return thread;
      });
      executor.setRemoveOnCancelPolicy(true);
      executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      return executor;
    }
  }

  /** Runs {@code task} on the sweeper thread after {@code delay}. */
  public static ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    return Holder.EXECUTOR.schedule(task, delay, unit);
  }
}
