package dev.safecollections.testkit.leak;

import dev.safecollections.testkit.property.Gen;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * One operation of a generated sequence on a map: a kind, a key number and a value number.
 * Values are not held here, only their numbers, so that a sequence never keeps a value
 * reachable: the suite creates each value when the operation runs. Immutable.
 */
public final class MapOp {
  /** The operations a sequence draws from, with their weights. */
  public enum Kind {
    PUT(30), GET(18), REMOVE(10), PUT_IF_ABSENT(6), REPLACE(5), COMPUTE(5),
    COMPUTE_IF_ABSENT(4), COMPUTE_IF_PRESENT(3), MERGE(5), CONTAINS_KEY(4), ITERATOR_REMOVE(4),
    REMOVE_IF_VALUE(3), CLEAR(1);

    final int weight;

    Kind(int weight) {
      this.weight = weight;
    }
  }

  final Kind kind;
  final int key;
  final int value;

  MapOp(Kind kind, int key, int value) {
    this.kind = kind;
    this.key = key;
    this.value = value;
  }

  @Override
  public String toString() {
    switch (kind) {
      case GET: case REMOVE: case CONTAINS_KEY: case COMPUTE_IF_PRESENT:
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + key + ")";
      case CLEAR:
        return "clear()";
      case ITERATOR_REMOVE:
        return "iteratorRemove(" + key + "th)";
      default:
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + key + ", v" + value + ")";
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MapOp && ((MapOp) o).kind == kind && ((MapOp) o).key == key
        && ((MapOp) o).value == value;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, key, value);
  }

  /**
   * Operations over keys {@code 0 .. keys - 1}; a drawn operation shrinks toward a {@code put}
   * and toward smaller key and value numbers.
   */
  static Gen<MapOp> gen(int keys) {
    Kind[] kinds = Kind.values();
    return new Gen<MapOp>() {
      @Override
      public MapOp generate(SplittableRandom random, int size) {
        Kind kind = Suites.pick(kinds, k -> k.weight, random);
        return new MapOp(kind, random.nextInt(keys), random.nextInt(1_000_000));
      }

      @Override
      public Stream<MapOp> shrink(MapOp op) {
        Stream<MapOp> simplerKind = (op.kind == Kind.PUT) ? Stream.empty()
            : Stream.of(new MapOp(Kind.PUT, op.key, op.value));
        Stream<MapOp> smallerKey = (op.key == 0) ? Stream.empty()
            : Stream.of(new MapOp(op.kind, 0, op.value), new MapOp(op.kind, op.key / 2, op.value));
        Stream<MapOp> smallerValue = (op.value == 0) ? Stream.empty()
            : Stream.of(new MapOp(op.kind, op.key, 0));
        return Stream.concat(simplerKind, Stream.concat(smallerKey, smallerValue)).distinct()
            .filter(o -> !o.equals(op));
      }
    };
  }
}
