package dev.safecollections.internal;

/**
 * Where collections report that their backing store changed size, for an observer installed by
 * {@code collections-metrics} (its JFR events). Resizes are rare, so reporting costs one volatile
 * read each and nothing else while no observer is installed. Not part of the public API.
 */
public final class Resizes {
  private static final System.Logger LOGGER = System.getLogger(Resizes.class.getName());
  private static volatile Observer observer;

  private Resizes() {}

  /** Hears of every resize of every collection, on the thread that resized it. */
  @FunctionalInterface
  public interface Observer {
    /** The collection {@code name} went from {@code fromCapacity} slots to {@code toCapacity}. */
    void resized(String name, long fromCapacity, long toCapacity);
  }

  /** Installs the observer (replacing any earlier one); {@code null} removes it. */
  public static void observe(Observer o) {
    observer = o;
  }

  /** The installed observer, or null. */
  public static Observer observer() {
    return observer;
  }

  /**
   * Records a resize in {@code metrics} (a grow or a shrink) and tells the observer; an observer
   * that throws is logged, never propagated into the collection.
   */
  public static void resized(MetricsRecorder metrics, String name, long from, long to) {
    if (to > from) {
      metrics.recordGrow();
    } else if (to < from) {
      metrics.recordShrink();
    } else {
      return;
    }
    notify(name, from, to);
  }

  /** Tells the observer, if any, of a resize already counted. */
  public static void notify(String name, long from, long to) {
    Observer o = observer;
    if (o != null && from != to && from >= 0 && to >= 0) {
      try {
        o.resized(name, from, to);
      } catch (RuntimeException e) {
        LOGGER.log(System.Logger.Level.WARNING, "resize observer threw", e);
      }
    }
  }
}
