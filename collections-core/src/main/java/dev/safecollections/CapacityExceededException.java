package dev.safecollections;

/**
 * Thrown by a collection with {@link OverflowPolicy#REJECT} when an insertion would take it past
 * its bound. The collection is unchanged when this is thrown.
 */
public final class CapacityExceededException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the bound that was hit. */
  public CapacityExceededException(String message) {
    super(message);
  }
}
