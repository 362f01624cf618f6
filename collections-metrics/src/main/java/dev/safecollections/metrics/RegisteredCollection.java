package dev.safecollections.metrics;

import dev.safecollections.CollectionMetrics;
import dev.safecollections.SafeCollection;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Optional;

/**
 * A collection in a {@link CollectionRegistry}: its name and type, fixed at registration, and a
 * weak reference to the collection itself, which this entry never keeps alive. Thread-safe.
 */
public final class RegisteredCollection {
  private final long id;
  private final String name;
  private final String type;
  private final Ref ref;

  static final class Ref extends WeakReference<SafeCollection> {
    final RegisteredCollection entry;

    Ref(SafeCollection c, ReferenceQueue<SafeCollection> queue, RegisteredCollection entry) {
      super(c, queue);
      this.entry = entry;
    }
  }

  RegisteredCollection(long id, SafeCollection c, ReferenceQueue<SafeCollection> queue) {
    this.id = id;
    this.name = c.name();
    this.type = CollectionTypes.of(c);
    this.ref = new Ref(c, queue, this);
  }

  /** A number unique within its registry, in order of registration. */
  public long id() {
    return id;
  }

  /** The collection's name. */
  public String name() {
    return name;
  }

  /**
   * The collection's public type, as {@code ConcurrentBoundedMap}, {@code BoundedMap},
   * {@code BoundedLong2LongMap}, {@code BoundedList}, {@code BoundedSet} or {@code BoundedQueue}.
   */
  public String type() {
    return type;
  }

  /** The collection, unless the garbage collector has cleared it. */
  public Optional<SafeCollection> collection() {
    return Optional.ofNullable(ref.get());
  }

  /** A snapshot of the collection's metrics, unless it has been collected. */
  public Optional<CollectionMetrics> metrics() {
    SafeCollection c = ref.get();
    return (c == null) ? Optional.empty() : Optional.of(c.metrics());
  }

  boolean refersTo(SafeCollection c) {
    return ref.get() == c;
  }

  Ref ref() {
    return ref;
  }

  @Override
  public String toString() {
    return type + " " + name + " #" + id;
  }
}
