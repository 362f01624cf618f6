package dev.safecollections.testkit.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Generates values of {@code T} for a property, and proposes simpler values when a generated
 * one broke it. {@code size} grows over a run's tries (from 1 up to the run's maximum), so
 * early tries are small and later ones larger; a generator decides what size means (the
 * length of a list, the range of a number). Implementations are stateless and thread-safe.
 *
 * @param <T> the type of the generated values
 */
public interface Gen<T> {

  /** A value for this size, drawn from {@code random} only, so that a seed replays it. */
  T generate(SplittableRandom random, int size);

  /**
   * Simpler values than {@code value}, simplest first; the shrinker tries them in order and
   * keeps the first that still breaks the property. Empty by default: the value is atomic.
   */
  default Stream<T> shrink(T value) {
    return Stream.empty();
  }

  /**
   * Integers in {@code [min, max]}, limited further to {@code [min, min + size]} while the size
   * is small; they shrink toward {@code min}.
   */
  static Gen<Integer> ints(int min, int max) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " is above max " + max);
    }
    return new Gen<Integer>() {
      @Override
      public Integer generate(SplittableRandom random, int size) {
        long top = Math.min((long) max, (long) min + Math.max(size, 1));
        return (int) random.nextLong(min, top + 1);
      }

      @Override
      public Stream<Integer> shrink(Integer value) {
        if (value == min) {
          return Stream.empty();
        }
        int half = (int) (((long) min + value) / 2);
        return Stream.of(min, half, value - 1).distinct().filter(v -> v != (int) value);
      }
    };
  }

  /** One of {@code choices}, equally likely; shrinks toward the earlier ones. */
  @SafeVarargs
  static <T> Gen<T> oneOf(T... choices) {
    if (choices.length == 0) {
      throw new IllegalArgumentException("oneOf needs at least one choice");
    }
    List<T> copy = new ArrayList<>(choices.length);
    for (T c : choices) {
      copy.add(c);
    }
    List<T> list = List.copyOf(copy);
    return new Gen<T>() {
      @Override
      public T generate(SplittableRandom random, int size) {
        return list.get(random.nextInt(list.size()));
      }

      @Override
      public Stream<T> shrink(T value) {
        int i = list.indexOf(value);
        return list.subList(0, Math.max(i, 0)).stream();
      }
    };
  }

  /**
   * Lists of up to {@code size} elements (at least {@code minLength}); a list shrinks by
   * dropping halves, then single elements, then by shrinking one element at a time.
   */
  static <T> Gen<List<T>> listOf(Gen<T> element, int minLength) {
    Objects.requireNonNull(element, "element");
    return new Gen<List<T>>() {
      @Override
      public List<T> generate(SplittableRandom random, int size) {
        int n = minLength + random.nextInt(Math.max(size, minLength) - minLength + 1);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          out.add(element.generate(random, size));
        }
        return out;
      }

      @Override
      public Stream<List<T>> shrink(List<T> value) {
        List<List<T>> out = new ArrayList<>();
        for (int chunk = value.size() / 2; chunk >= 1; chunk /= 2) {
          for (int from = 0; from + chunk <= value.size(); from += chunk) {
            if (value.size() - chunk >= minLength) {
              List<T> shorter = new ArrayList<>(value.subList(0, from));
              shorter.addAll(value.subList(from + chunk, value.size()));
              out.add(shorter);
            }
          }
        }
        Stream<List<T>> elementwise = Stream.iterate(0, i -> i < value.size(), i -> i + 1)
            .flatMap(i -> element.shrink(value.get(i)).map(simpler -> {
              List<T> copy = new ArrayList<>(value);
              copy.set(i, simpler);
              return copy;
            }));
        return Stream.concat(out.stream(), elementwise);
      }
    };
  }

  /** Values built from the draws of {@code parts}, which shrink part by part. */
  static Gen<Object[]> tuple(Gen<?>... parts) {
    Gen<?>[] gens = parts.clone();
    return new Gen<Object[]>() {
      @Override
      public Object[] generate(SplittableRandom random, int size) {
        Object[] out = new Object[gens.length];
        for (int i = 0; i < gens.length; i++) {
          out[i] = gens[i].generate(random, size);
        }
        return out;
      }

      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      public Stream<Object[]> shrink(Object[] value) {
        return Stream.iterate(0, i -> i < gens.length, i -> i + 1)
            .flatMap(i -> ((Gen) gens[i]).shrink(value[i]).map(simpler -> {
              Object[] copy = Arrays.copyOf(value, value.length);
              copy[i] = simpler;
              return copy;
            }));
      }
    };
  }
}
