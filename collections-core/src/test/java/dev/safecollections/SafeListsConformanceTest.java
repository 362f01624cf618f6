package dev.safecollections;

import com.google.common.collect.testing.ListTestSuiteBuilder;
import com.google.common.collect.testing.SampleElements;
import com.google.common.collect.testing.TestListGenerator;
import com.google.common.collect.testing.TestStringListGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.ListFeature;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import junit.framework.Test;
import junit.framework.TestSuite;

/**
 * guava-testlib's {@code List} suite over the lists from {@link SafeLists}: the object list
 * (nulls allowed, as {@code ArrayList}) in several configurations and the boxed {@code List}
 * view of the primitive lists. The bound is far above the suite's sample sizes, so every
 * result must equal an {@code ArrayList}'s (I6).
 */
public final class SafeListsConformanceTest {
  private static final int BOUND = 100;

  private SafeListsConformanceTest() {}

  public static Test suite() {
    TestSuite suite = new TestSuite("SafeLists conformance");
    suite.addTest(objects("bounded", () -> SafeLists.bounded(BOUND)));
    suite.addTest(objects("rejectWithListenerAndMetrics", () -> SafeLists.builder()
        .maximumSize(BOUND).overflowPolicy(OverflowPolicy.REJECT).recordMetrics()
        .removalListener((e, cause) -> {}).build()));
    suite.addTest(objects("expiring", () -> SafeLists.expiring(Duration.ofHours(1), BOUND)));
    suite.addTest(objects("maximumBytesExpiring", () -> SafeLists.builder().maximumBytes(1 << 20)
        .expireAfterWrite(Duration.ofHours(1)).build()));
    suite.addTest(objects("presized", () -> SafeLists.builder().maximumSize(BOUND)
        .initialCapacity(3).build()));
    suite.addTest(boxed("longs", new Long[] {Long.MIN_VALUE, -1L, 0L, 1L << 40, Long.MAX_VALUE},
        () -> SafeLists.boundedLongs(BOUND)));
    suite.addTest(boxed("ints", new Integer[] {Integer.MIN_VALUE, -1, 0, 1 << 20,
        Integer.MAX_VALUE}, () -> SafeLists.boundedInts(BOUND)));
    return suite;
  }

  private static Test objects(String name, Supplier<List<String>> factory) {
    return ListTestSuiteBuilder.using(new TestStringListGenerator() {
          @Override
          protected List<String> create(String[] elements) {
            List<String> list = factory.get();
            Collections.addAll(list, elements);
            return list;
          }
        })
        .named(name)
        .withFeatures(
            ListFeature.GENERAL_PURPOSE,
            CollectionFeature.SUPPORTS_ITERATOR_REMOVE,
            CollectionFeature.ALLOWS_NULL_VALUES,
            CollectionFeature.FAILS_FAST_ON_CONCURRENT_MODIFICATION,
            CollectionSize.ANY)
        .createTestSuite();
  }

  private static <E> Test boxed(String name, E[] samples, Supplier<? extends List<E>> factory) {
    return ListTestSuiteBuilder.using(new TestListGenerator<E>() {
          @Override
          public SampleElements<E> samples() {
            return new SampleElements<>(samples[0], samples[1], samples[2], samples[3],
                samples[4]);
          }

          @Override
          public List<E> create(Object... elements) {
            List<E> list = factory.get();
            for (Object e : elements) {
              @SuppressWarnings("unchecked")
              E element = (E) e;
              list.add(element);
            }
            return list;
          }

          @Override
          public E[] createArray(int length) {
            return Arrays.copyOf(samples, length);
          }

          @Override
          public Iterable<E> order(List<E> insertionOrder) {
            return insertionOrder;
          }
        })
        .named(name)
        .withFeatures(
            ListFeature.GENERAL_PURPOSE,
            CollectionFeature.SUPPORTS_ITERATOR_REMOVE,
            CollectionSize.ANY)
        .createTestSuite();
  }
}
