package dev.safecollections;

import com.google.common.collect.testing.ConcurrentMapTestSuiteBuilder;
import com.google.common.collect.testing.TestStringMapGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.MapFeature;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import junit.framework.Test;
import junit.framework.TestSuite;

/**
 * guava-testlib's {@code ConcurrentMap} conformance suite over every configuration of the
 * Caffeine-backed map. Runs through the JUnit vintage engine. The bound is far above the
 * suite's sample sizes, so within it every result must equal a {@code HashMap}'s (I6).
 */
public final class SafeMapsConformanceTest {
  private static final int BOUND = 100;

  private SafeMapsConformanceTest() {}

  public static Test suite() {
    TestSuite suite = new TestSuite("SafeMaps conformance");
    suite.addTest(suiteFor("bounded", () -> SafeMaps.bounded(BOUND)));
    suite.addTest(suiteFor("expiring", () -> SafeMaps.expiring(Duration.ofHours(1), BOUND)));
    suite.addTest(suiteFor("expireAfterAccess",
        () -> SafeMaps.builder().maximumSize(BOUND).expireAfterAccess(Duration.ofHours(1)).build()));
    suite.addTest(suiteFor("maximumBytes",
        () -> SafeMaps.builder().maximumBytes(1L << 20).build()));
    suite.addTest(suiteFor("weakValues",
        () -> SafeMaps.builder().maximumSize(BOUND).weakValues().build()));
    suite.addTest(suiteFor("reject",
        () -> SafeMaps.builder().maximumSize(BOUND).overflowPolicy(OverflowPolicy.REJECT).build()));
    suite.addTest(suiteFor("rejectBytes", () -> SafeMaps.builder().maximumBytes(1L << 20)
        .overflowPolicy(OverflowPolicy.REJECT).recordMetrics().build()));
    suite.addTest(suiteFor("budget",
        () -> SafeMaps.builder().budget(MemoryBudget.of(1L << 30)).recordMetrics().build()));
    suite.addTest(suiteFor("rejectBudget", () -> SafeMaps.builder()
        .budget(MemoryBudget.of(1L << 30)).overflowPolicy(OverflowPolicy.REJECT).build()));
    return suite;
  }

  private static Test suiteFor(String name, Supplier<Map<String, String>> factory) {
    return ConcurrentMapTestSuiteBuilder.using(new TestStringMapGenerator() {
          @Override
          protected Map<String, String> create(Map.Entry<String, String>[] entries) {
            Map<String, String> map = factory.get();
            for (Map.Entry<String, String> e : entries) {
              map.put(e.getKey(), e.getValue());
            }
            return map;
          }
        })
        .named(name)
        .withFeatures(
            MapFeature.GENERAL_PURPOSE,
            CollectionFeature.SUPPORTS_ITERATOR_REMOVE,
            CollectionSize.ANY)
        .createTestSuite();
  }
}
