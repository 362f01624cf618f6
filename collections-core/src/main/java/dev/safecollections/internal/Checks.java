package dev.safecollections.internal;

import java.time.Duration;

/**
 * Builds the library's validation errors, so that every message has one shape: lowercase,
 * what was wrong, then the offending value ({@code "maximum size must be positive: -1"}).
 *
 * <p>Not part of the public API.
 */
public final class Checks {
  private Checks() {}

  /** Throws {@link NullPointerException} whose message is the argument's name. */
  public static <T> T requireNonNull(T value, String name) {
    if (value == null) {
      throw new NullPointerException(name);
    }
    return value;
  }

  /** Throws {@link IllegalArgumentException} "{@code <name> must be positive: <value>}". */
  public static long requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  /** Throws {@link IllegalArgumentException} "{@code <name> must not be negative: <value>}". */
  public static long requireNonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
    return value;
  }

  /** Requires a non-null, strictly positive duration. */
  public static Duration requirePositive(Duration value, String name) {
    requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  /** Requires a non-null name with a visible character: {@code name must not be blank: " "}. */
  public static String requireName(String name) {
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank: \"" + name + "\"");
    }
    return name;
  }

  /** Requires budget shares with {@code 0 <= minimum <= maximum <= 1} and a positive maximum. */
  public static void requireShares(double minimumShare, double maximumShare) {
    if (!(minimumShare >= 0 && minimumShare <= 1)) {
      throw new IllegalArgumentException("minimum share must be between 0 and 1: " + minimumShare);
    }
    if (!(maximumShare > 0 && maximumShare <= 1)) {
      throw new IllegalArgumentException(
          "maximum share must be above 0 and at most 1: " + maximumShare);
    }
    if (minimumShare > maximumShare) {
      throw new IllegalArgumentException("minimum share (" + minimumShare
          + ") must not exceed maximum share: " + maximumShare);
    }
  }

  /** The largest array the JVM allocates: the largest bound of a single-threaded collection. */
  public static final long MAX_ARRAY_SIZE = Integer.MAX_VALUE - 8;

  /** The message of a collection that refused an insertion at its count bound. */
  public static String fullMessage(String name, long maximumSize) {
    return name + " is full: maximum size is " + maximumSize;
  }

  /**
   * The message of a collection that refused an insertion at its byte bound; {@code needed} is
   * left out when negative.
   */
  public static String fullMessage(String name, long maximumBytes, long inUse, long needed) {
    return name + " is full: maximum bytes is " + maximumBytes + ", " + inUse + " in use"
        + ((needed < 0) ? "" : ", " + needed + " more needed");
  }

  /** Throws {@link IllegalStateException} "{@code <name> was already set to <value>}". */
  public static void requireUnset(Object current, String name) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set to " + current);
    }
  }

  /** Throws {@link IllegalStateException} with the message when the condition is false. */
  public static void requireState(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  /** The duration in nanoseconds, saturated at {@link Long#MAX_VALUE} instead of overflowing. */
  public static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLarge) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
