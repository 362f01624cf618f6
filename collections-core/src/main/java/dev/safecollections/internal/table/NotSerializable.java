package dev.safecollections.internal.table;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * A field that makes serializing its owner fail with a clear message. fastutil's abstract maps
 * are {@link Serializable}; ours hold their table transiently and would otherwise serialize to
 * an empty shell that fails on first use. Not part of the public API.
 */
final class NotSerializable implements Serializable {
  private static final long serialVersionUID = 1L;
  static final NotSerializable INSTANCE = new NotSerializable();

  private NotSerializable() {}

  private void writeObject(ObjectOutputStream out) throws IOException {
    throw new NotSerializableException("single-threaded safe collections are not serializable: "
        + "copy the entries into a collection that is");
  }
}
