package dev.safecollections;

import com.google.common.collect.testing.MapTestSuiteBuilder;
import com.google.common.collect.testing.SetTestSuiteBuilder;
import com.google.common.collect.testing.TestStringSetGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.MapFeature;
import com.google.common.collect.testing.SampleElements;
import com.google.common.collect.testing.TestSetGenerator;
import dev.safecollections.testing.BoxedMapGenerator;
import dev.safecollections.testing.Suppressions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import junit.framework.Test;
import junit.framework.TestSuite;

/**
 * guava-testlib's {@code Map} and {@code Set} suites over the single-threaded maps and sets:
 * the object map in every configuration, the boxed {@code Map} view of each primitive map, and
 * the sets. The bound is far above the suites' sample sizes, so every result must equal a
 * {@code HashMap}'s (I6).
 */
public final class SingleThreadedConformanceTest {
  private static final int BOUND = 100;
  private static final Duration TTL = Duration.ofHours(1);
  private static final String[] STRINGS = {"a", "b", "c", "d", "e"};
  private static final String[] VALUES = {"v0", "v1", "v2", "v3", "v4"};
  private static final Long[] LONGS = {Long.MIN_VALUE, -1L, 0L, 1L << 40, Long.MAX_VALUE};
  private static final Integer[] INTS = {Integer.MIN_VALUE, -1, 0, 1 << 20, Integer.MAX_VALUE};

  private SingleThreadedConformanceTest() {}

  public static Test suite() {
    TestSuite suite = new TestSuite("single-threaded conformance");
    suite.addTest(map("lru", STRINGS, VALUES, () -> builder().singleThreaded().build()));
    suite.addTest(map("fifo", STRINGS, VALUES,
        () -> builder().singleThreaded().evictionOrder(EvictionOrder.FIFO).build()));
    suite.addTest(map("expireAfterWrite", STRINGS, VALUES,
        () -> builder().expireAfterWrite(TTL).singleThreaded().build()));
    suite.addTest(map("expireAfterAccess", STRINGS, VALUES,
        () -> builder().expireAfterAccess(TTL).singleThreaded().build()));
    suite.addTest(map("fifoExpireAfterAccess", STRINGS, VALUES,
        () -> builder().expireAfterAccess(TTL).singleThreaded()
            .evictionOrder(EvictionOrder.FIFO).build()));
    suite.addTest(map("maximumBytes", STRINGS, VALUES,
        () -> SafeMaps.builder().maximumBytes(1 << 20).singleThreaded().build()));
    suite.addTest(map("rejectWithListenerAndMetrics", STRINGS, VALUES,
        () -> builder().overflowPolicy(OverflowPolicy.REJECT).recordMetrics()
            .removalListener((k, v, cause) -> {}).singleThreaded().build()));

    suite.addTest(map("budget", STRINGS, VALUES,
        () -> SafeMaps.builder().budget(MemoryBudget.of(1L << 30)).singleThreaded().build()));
    suite.addTest(map("longToObjectBudget", LONGS, VALUES, () -> SafeMaps.builder()
        .budget(MemoryBudget.of(1L << 30)).singleThreaded().buildLongToObject()));
    suite.addTest(map("longToLong", LONGS, LONGS, () -> SafeMaps.boundedLongToLong(BOUND)));
    suite.addTest(map("longToObject", LONGS, VALUES, () -> SafeMaps.boundedLongToObject(BOUND)));
    suite.addTest(map("intToInt", INTS, INTS, () -> SafeMaps.boundedIntToInt(BOUND)));
    suite.addTest(map("intToObject", INTS, VALUES, () -> SafeMaps.boundedIntToObject(BOUND)));
    suite.addTest(map("objectToLong", STRINGS, LONGS, () -> SafeMaps.boundedObjectToLong(BOUND)));
    suite.addTest(map("objectToInt", STRINGS, INTS, () -> SafeMaps.boundedObjectToInt(BOUND)));
    suite.addTest(map("longToLongFifoExpiringReject", LONGS, LONGS,
        () -> builder().expireAfterWrite(TTL).overflowPolicy(OverflowPolicy.REJECT)
            .recordMetrics().singleThreaded().evictionOrder(EvictionOrder.FIFO)
            .buildLongToLong()));

    suite.addTest(set("objectSet", STRINGS,
        () -> SafeSets.builder().maximumSize(BOUND).singleThreaded().build()));
    suite.addTest(set("longSet", LONGS, () -> SafeSets.boundedLongs(BOUND)));
    suite.addTest(set("intSet", INTS, () -> SafeSets.boundedInts(BOUND)));
    suite.addTest(set("expiringFifoLongSet", LONGS,
        () -> SafeSets.builder().maximumSize(BOUND).expireAfterWrite(TTL).singleThreaded()
            .evictionOrder(EvictionOrder.FIFO).buildLongs()));
    return suite;
  }

  private static SafeMapBuilder<Object, Object> builder() {
    return SafeMaps.builder().maximumSize(BOUND);
  }

  private static <K, V> Test map(String name, K[] keys, V[] values,
      Supplier<? extends Map<K, V>> factory) {
    MapTestSuiteBuilder<K, V> builder =
        MapTestSuiteBuilder.using(new BoxedMapGenerator<>(keys, values, factory))
            .named(name)
            .withFeatures(
                MapFeature.GENERAL_PURPOSE,
                CollectionFeature.SUPPORTS_ITERATOR_REMOVE,
                CollectionFeature.FAILS_FAST_ON_CONCURRENT_MODIFICATION,
                CollectionSize.ANY);
    if (factory.get() instanceof it.unimi.dsi.fastutil.Function) {
      // The key set, values and entries of a primitive map are fastutil's views, which print
      // as {a, b} and k->v; the issue allows suppressing that format.
      builder.suppressing(Suppressions.collectionToString());
    }
    return builder.createTestSuite();
  }

  private static <E> Test set(String name, E[] elements, Supplier<? extends Set<E>> factory) {
    return SetTestSuiteBuilder.using(new TestSetGenerator<E>() {
          @Override
          public SampleElements<E> samples() {
            return new SampleElements<>(elements[0], elements[1], elements[2], elements[3],
                elements[4]);
          }

          @Override
          public Set<E> create(Object... contents) {
            @SuppressWarnings("unchecked")
            Set<E> set = (Set<E>) factory.get();
            for (Object e : contents) {
              @SuppressWarnings("unchecked")
              E element = (E) e;
              set.add(element);
            }
            return set;
          }

          @Override
          public E[] createArray(int length) {
            return Arrays.copyOf(elements, length);
          }

          @Override
          public Iterable<E> order(List<E> insertionOrder) {
            return insertionOrder;
          }
        })
        .named(name)
        .withFeatures(
            CollectionFeature.GENERAL_PURPOSE,
            CollectionFeature.FAILS_FAST_ON_CONCURRENT_MODIFICATION,
            CollectionSize.ANY)
        .createTestSuite();
  }
}
