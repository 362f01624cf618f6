package dev.safecollections.internal;

import dev.safecollections.SafeCollection;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The collections that asked to be observed: built with a name and {@code recordMetrics()}.
 * They are held weakly, so being listed here never keeps one alive, and the list drops the
 * collected ones on every registration. {@code collections-metrics} subscribes to it for its
 * global registry. Thread-safe. Not part of the public API.
 */
public final class Live {
  private static final Set<Ref> REFS = ConcurrentHashMap.newKeySet();
  private static final ReferenceQueue<SafeCollection> COLLECTED = new ReferenceQueue<>();
  /** The one subscriber: the metrics module's global registry. */
  private static volatile Consumer<SafeCollection> subscriber;

  private Live() {}

  private static final class Ref extends WeakReference<SafeCollection> {
    Ref(SafeCollection c) {
      super(c, COLLECTED);
    }
  }

  /**
   * Lists {@code c} if it was built with a name and metrics, and tells the subscribers; returns
   * {@code c}.
   */
  public static <T extends SafeCollection> T track(String name, boolean recordMetrics, T c) {
    if (name != null && recordMetrics) {
      expunge();
      REFS.add(new Ref(c));
      Consumer<SafeCollection> s = subscriber;
      if (s != null) {
        s.accept(c);
      }
    }
    return c;
  }

  /**
   * Calls {@code s} for every listed collection still alive and for every one listed from now
   * on, on the thread that builds it. A collection built while this call runs may be reported
   * twice; the subscriber ignores repeats. There is one subscriber at most (the metrics
   * module's global registry, which subscribes once).
   *
   * @throws IllegalStateException if another subscriber is already there
   */
  public static synchronized void subscribe(Consumer<SafeCollection> s) {
    if (subscriber != null) {
      throw new IllegalStateException("Live already has a subscriber: " + subscriber);
    }
    subscriber = Checks.requireNonNull(s, "subscriber");
    for (SafeCollection c : live()) {
      s.accept(c);
    }
  }

  /** The listed collections still alive. */
  public static List<SafeCollection> live() {
    expunge();
    List<SafeCollection> out = new ArrayList<>();
    for (Ref r : REFS) {
      SafeCollection c = r.get();
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  private static void expunge() {
    for (Object r; (r = COLLECTED.poll()) != null; ) {
      REFS.remove(r);
    }
  }
}
