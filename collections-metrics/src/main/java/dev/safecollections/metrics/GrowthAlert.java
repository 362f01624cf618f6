package dev.safecollections.metrics;

import dev.safecollections.CollectionMetrics;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link GrowthWatchdog} found: a collection held near its bound for too long, or one
 * that kept growing. Immutable.
 */
public final class GrowthAlert {
  /** The kinds of alert. */
  public enum Kind {
    /** The size stayed at or above the watchdog's ratio of the bound for its whole window. */
    NEAR_BOUND,
    /** The size grew at every sample of the watchdog's window. */
    GROWING
  }

  private final Kind kind;
  private final String name;
  private final String type;
  private final CollectionMetrics metrics;
  private final Duration lasted;
  private final String message;

  GrowthAlert(Kind kind, RegisteredCollection c, CollectionMetrics metrics, Duration lasted,
      String message) {
    this.kind = Objects.requireNonNull(kind);
    this.name = c.name();
    this.type = c.type();
    this.metrics = metrics;
    this.lasted = lasted;
    this.message = message;
  }

  public Kind kind() {
    return kind;
  }

  /** The collection's name. */
  public String name() {
    return name;
  }

  /** The collection's type, as in {@link RegisteredCollection#type()}. */
  public String type() {
    return type;
  }

  /** The collection's metrics at the sample that raised the alert. */
  public CollectionMetrics metrics() {
    return metrics;
  }

  /** How long the condition had held by then, by the watchdog's ticker. */
  public Duration lasted() {
    return lasted;
  }

  /** A sentence for a log or a page, naming the collection and the figures. */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    return message;
  }
}
