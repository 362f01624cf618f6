package dev.safecollections.internal.ring;

import dev.safecollections.RemovalCause;
import java.util.function.BiConsumer;

/**
 * The validated settings of a list, handed from the public builder to the generated ring
 * lists. Immutable. Not part of the public API.
 */
public final class RingSpec {
  private final String name;
  private final int maximumSize;
  private final boolean rejects;
  private final BiConsumer<?, RemovalCause> removalListener;
  private final boolean recordMetrics;
  private final int initialCapacity;

  public RingSpec(String name, int maximumSize, boolean rejects,
      BiConsumer<?, RemovalCause> removalListener, boolean recordMetrics, int initialCapacity) {
    this.name = name;
    this.maximumSize = maximumSize;
    this.rejects = rejects;
    this.removalListener = removalListener;
    this.recordMetrics = recordMetrics;
    this.initialCapacity = initialCapacity;
  }

  public String name() {
    return name;
  }

  public int maximumSize() {
    return maximumSize;
  }

  public boolean rejects() {
    return rejects;
  }

  public BiConsumer<?, RemovalCause> removalListener() {
    return removalListener;
  }

  public boolean recordMetrics() {
    return recordMetrics;
  }

  public int initialCapacity() {
    return initialCapacity;
  }
}
