package dev.safecollections;

import com.google.common.collect.testing.ConcurrentMapTestSuiteBuilder;
import com.google.common.collect.testing.SampleElements;
import com.google.common.collect.testing.TestMapGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.MapFeature;
import dev.safecollections.internal.MapSpec;
import dev.safecollections.internal.jctools.LockFreeLong2ObjectMap;
import dev.safecollections.testing.Suppressions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import junit.framework.Test;
import junit.framework.TestSuite;

/**
 * guava-testlib's {@code ConcurrentMap} suite over the boxed view of the lock-free long-key map,
 * in each configuration: plain, expiring, REJECT with a listener and metrics, and one that
 * moves to a fresh table after every few writes (so that every tester also runs across moves).
 * The bound is above the suite's sample sizes, so every result must equal a {@code HashMap}'s.
 */
public final class ConcurrentLongMapConformanceTest {
  private static final int BOUND = 100;

  private ConcurrentLongMapConformanceTest() {}

  public static Test suite() {
    TestSuite suite = new TestSuite("Concurrent long map conformance");
    suite.addTest(suiteFor("concurrentLongToObject", () -> SafeMaps.concurrentLongToObject(BOUND)));
    suite.addTest(suiteFor("expiring", () -> SafeMaps.builder().maximumSize(BOUND)
        .expireAfterWrite(Duration.ofHours(1)).buildConcurrentLongToObject()));
    suite.addTest(suiteFor("rejectWithListenerAndMetrics", () -> SafeMaps.builder()
        .maximumSize(BOUND).overflowPolicy(OverflowPolicy.REJECT).recordMetrics()
        .removalListener((k, v, cause) -> {}).buildConcurrentLongToObject()));
    suite.addTest(suiteFor("movingEveryFewWrites", () -> movingEveryFewWrites(BOUND)));
    suite.addTest(suiteFor("budget", () -> SafeMaps.builder().budget(MemoryBudget.of(1L << 30))
        .recordMetrics().buildConcurrentLongToObject()));
    return suite;
  }

  /**
   * A map whose shrink floor is 1, with metrics: it moves to a fresh table whenever it falls to
   * a quarter of its peak and after every four times its peak of insertions.
   */
  static <V> ConcurrentBoundedLong2ObjectMap<V> movingEveryFewWrites(int bound) {
    return new LockFreeLong2ObjectMap<>(new MapSpec<Long, V>(null, bound, MapSpec.UNSET, null,
        MapSpec.UNSET, MapSpec.UNSET, OverflowPolicy.EVICT, null, false,
        MapSpec.ValueStrength.STRONG, null, true, (int) MapSpec.UNSET, null), 1);
  }

  private static Test suiteFor(String name, Supplier<Map<Long, String>> factory) {
    return ConcurrentMapTestSuiteBuilder.using(new TestMapGenerator<Long, String>() {
          @Override
          public SampleElements<Map.Entry<Long, String>> samples() {
            return new SampleElements<>(
                Map.entry(0L, "zero"),
                Map.entry(-1L, "minus one"),
                Map.entry(Long.MIN_VALUE, "min"),
                Map.entry(1L << 40, "big"),
                Map.entry(Long.MAX_VALUE, "max"));
          }

          @Override
          public Map<Long, String> create(Object... entries) {
            Map<Long, String> map = factory.get();
            for (Object o : entries) {
              @SuppressWarnings("unchecked")
              Map.Entry<Long, String> e = (Map.Entry<Long, String>) o;
              map.put(e.getKey(), e.getValue());
            }
            return map;
          }

          @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array
          @Override
          public Map.Entry<Long, String>[] createArray(int length) {
            return new Map.Entry[length];
          }

          @Override
          public Iterable<Map.Entry<Long, String>> order(
              List<Map.Entry<Long, String>> insertionOrder) {
            return insertionOrder;
          }

          @Override
          public Long[] createKeyArray(int length) {
            return new Long[length];
          }

          @Override
          public String[] createValueArray(int length) {
            return new String[length];
          }
        })
        .named(name)
        .withFeatures(
            MapFeature.GENERAL_PURPOSE,
            CollectionFeature.SUPPORTS_ITERATOR_REMOVE,
            CollectionSize.ANY)
        // The key set, values and entries are fastutil's views, which print as {a, b} and
        // k->v, as those of the single-threaded primitive maps; the map itself prints as
        // java.util's maps do.
        .suppressing(Suppressions.collectionToString())
        .createTestSuite();
  }
}
