package dev.safecollections.testkit.leak;

/**
 * A value the suites store, numbered: equal by number, so that a suite can ask a map to remove
 * a mapping by value without holding the stored object; and big enough (a 64-byte array) that a
 * leak of many shows in retained bytes. Immutable.
 */
public final class Payload {
  private final int id;
  private final byte[] body = new byte[64];

  public Payload(int id) {
    this.id = id;
  }

  /** The number it was created with. */
  public int id() {
    return id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Payload && ((Payload) o).id == id;
  }

  @Override
  public int hashCode() {
    return id;
  }

  @Override
  public String toString() {
    return "v" + id + (body.length == 64 ? "" : "?");
  }
}
