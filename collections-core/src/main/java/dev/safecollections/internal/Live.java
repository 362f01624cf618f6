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
  private static final List<Consumer<SafeCollection>> SUBSCRIBERS =
      new java.util.concurrent.CopyOnWriteArrayList<>();

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
      for (Consumer<SafeCollection> s : SUBSCRIBERS) {
        s.accept(c);
      }
    }
    return c;
  }

  /**
   * Calls {@code subscriber} for every listed collection still alive and for every one listed
   * from now on, on the thread that builds it. A collection built while this call runs may be
   * reported twice; subscribers ignore repeats.
   */
  public static void subscribe(Consumer<SafeCollection> subscriber) {
    SUBSCRIBERS.add(subscriber);
    for (SafeCollection c : live()) {
      subscriber.accept(c);
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
