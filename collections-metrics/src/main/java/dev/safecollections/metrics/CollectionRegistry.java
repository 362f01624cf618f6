package dev.safecollections.metrics;

import dev.safecollections.SafeCollection;
import dev.safecollections.internal.Live;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The safe collections to observe, held weakly: being registered never keeps a collection
 * alive, and one that the garbage collector clears leaves the registry, and with it every meter,
 * MBean and alert that an exporter made for it, at the registry's next look ({@link
 * #collections()}, {@link #register}, or the monitor thread's sampling).
 *
 * <p>{@link #global()} holds every collection built with a name <em>and</em> {@code
 * recordMetrics()} (they register themselves as they are built, also before this class is
 * loaded), plus any registered by hand. {@link #create()} makes an empty one, for tests or to
 * export a chosen few.
 *
 * <p>Bound: a registry holds one small entry per live registered collection and nothing for a
 * collected one, so it grows only with what the application keeps. It is meant for long-lived
 * collections: registering costs time in proportion to the collections registered, so do not
 * name and meter a collection built per request. Names need not be unique,
 * but exporters key meters and MBeans by name and type: see {@link SafeCollectionMeterBinder}
 * and {@link JmxExporter} for what they do with a repeated name.
 *
 * <p>Thread-safe: registration is serialized; listeners are called on the registering (or
 * expunging) thread, outside the registry's lock, and must not block.
 */
public final class CollectionRegistry {
  private static final System.Logger LOGGER =
      System.getLogger(CollectionRegistry.class.getName());

  private final ReferenceQueue<SafeCollection> collected = new ReferenceQueue<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  /** The live entries in order of registration; replaced, never mutated. */
  private volatile List<RegisteredCollection> entries = List.of();
  private long nextId;

  private CollectionRegistry() {}

  /** Hears of collections entering and leaving a registry. */
  public interface Listener {
    /** {@code c} was registered. */
    void registered(RegisteredCollection c);

    /** {@code c} was unregistered, or its collection was garbage collected. */
    void unregistered(RegisteredCollection c);
  }

  private static final class Global {
    static final CollectionRegistry INSTANCE = create();

    static {
      Live.subscribe(INSTANCE::register);
    }
  }

  /**
   * The process-wide registry: every collection built with a name and {@code recordMetrics()}
   * is in it while it lives, with no call needed.
   */
  public static CollectionRegistry global() {
    return Global.INSTANCE;
  }

  /** A new, empty registry. */
  public static CollectionRegistry create() {
    return new CollectionRegistry();
  }

  /**
   * Registers {@code collection}, or returns its entry if it is already registered here.
   *
   * @throws NullPointerException if {@code collection} is null
   */
  public RegisteredCollection register(SafeCollection collection) {
    Objects.requireNonNull(collection, "collection");
    expunge();
    RegisteredCollection added;
    synchronized (this) {
      for (RegisteredCollection e : entries) {
        if (e.refersTo(collection)) {
          return e;
        }
      }
      added = new RegisteredCollection(++nextId, collection, collected);
      List<RegisteredCollection> next = new ArrayList<>(entries);
      next.add(added);
      entries = List.copyOf(next);
    }
    for (Listener l : listeners) {
      notify(l, added, true);
    }
    return added;
  }

  /** Unregisters {@code collection}; returns whether it was registered. */
  public boolean unregister(SafeCollection collection) {
    RegisteredCollection removed = null;
    synchronized (this) {
      for (RegisteredCollection e : entries) {
        if (e.refersTo(collection)) {
          removed = e;
          break;
        }
      }
      if (removed == null) {
        return false;
      }
      remove(removed);
    }
    fireRemoved(List.of(removed));
    return true;
  }

  /** The registered collections still alive, in order of registration. */
  public List<RegisteredCollection> collections() {
    expunge();
    return entries;
  }

  /**
   * Adds a listener. It hears of changes from now on; call {@link #collections()} after adding
   * it for those already registered (a collection registered in between may be reported by
   * both: listeners should ignore an entry they already have).
   */
  public void addListener(Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added before; returns whether it was there. */
  public boolean removeListener(Listener listener) {
    return listeners.remove(listener);
  }

  /** Drops the entries of collected collections now, telling the listeners. */
  public void expunge() {
    List<RegisteredCollection> gone = null;
    for (Reference<?> r; (r = collected.poll()) != null; ) {
      RegisteredCollection e = ((RegisteredCollection.Ref) r).entry;
      synchronized (this) {
        if (!entries.contains(e)) {
          continue;
        }
        remove(e);
      }
      if (gone == null) {
        gone = new ArrayList<>();
      }
      gone.add(e);
    }
    if (gone != null) {
      fireRemoved(gone);
    }
  }

  private void remove(RegisteredCollection e) {
    List<RegisteredCollection> next = new ArrayList<>(entries);
    next.remove(e);
    entries = List.copyOf(next);
  }

  private void fireRemoved(List<RegisteredCollection> gone) {
    for (RegisteredCollection e : gone) {
      for (Listener l : listeners) {
        notify(l, e, false);
      }
    }
  }

  private static void notify(Listener l, RegisteredCollection e, boolean added) {
    try {
      if (added) {
        l.registered(e);
      } else {
        l.unregistered(e);
      }
    } catch (RuntimeException ex) {
      LOGGER.log(System.Logger.Level.WARNING, "registry listener threw for " + e, ex);
    }
  }

  @Override
  public String toString() {
    return "CollectionRegistry" + entries;
  }
}
