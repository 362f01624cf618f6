package dev.safecollections.testing;

import com.google.common.collect.testing.SampleElements;
import com.google.common.collect.testing.TestMapGenerator;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A guava-testlib generator for maps of any key and value types, such as the boxed
 * {@code Map<Long, Long>} view of a primitive map, from five sample keys and values.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class BoxedMapGenerator<K, V> implements TestMapGenerator<K, V> {
  private final K[] keys;
  private final V[] values;
  private final Supplier<? extends Map<K, V>> factory;

  public BoxedMapGenerator(K[] keys, V[] values, Supplier<? extends Map<K, V>> factory) {
    if (keys.length != 5 || values.length != 5) {
      throw new IllegalArgumentException("five sample keys and values are needed: "
          + Arrays.toString(keys) + ", " + Arrays.toString(values));
    }
    this.keys = keys;
    this.values = values;
    this.factory = factory;
  }

  @Override
  public SampleElements<Map.Entry<K, V>> samples() {
    return new SampleElements<>(entry(0), entry(1), entry(2), entry(3), entry(4));
  }

  private Map.Entry<K, V> entry(int i) {
    return Map.entry(keys[i], values[i]);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<K, V> create(Object... entries) {
    Map<K, V> map = factory.get();
    for (Object o : entries) {
      Map.Entry<K, V> e = (Map.Entry<K, V>) o;
      map.put(e.getKey(), e.getValue());
    }
    return map;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map.Entry<K, V>[] createArray(int length) {
    return (Map.Entry<K, V>[]) new Map.Entry<?, ?>[length];
  }

  @Override
  public Iterable<Map.Entry<K, V>> order(java.util.List<Map.Entry<K, V>> insertionOrder) {
    return insertionOrder;
  }

  @Override
  public K[] createKeyArray(int length) {
    return Arrays.copyOf(keys, length);
  }

  @Override
  public V[] createValueArray(int length) {
    return Arrays.copyOf(values, length);
  }
}
