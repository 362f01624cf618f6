package dev.safecollections;

import com.google.common.collect.testing.SetTestSuiteBuilder;
import com.google.common.collect.testing.TestStringSetGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.function.Supplier;
import junit.framework.Test;
import junit.framework.TestSuite;

/** guava-testlib's {@code Set} conformance suite over the sets from {@link SafeSets}. */
public final class SafeSetsConformanceTest {
  private static final int BOUND = 100;

  private SafeSetsConformanceTest() {}

  public static Test suite() {
    TestSuite suite = new TestSuite("SafeSets conformance");
    suite.addTest(suiteFor("bounded", () -> SafeSets.bounded(BOUND)));
    suite.addTest(suiteFor("expiring", () -> SafeSets.expiring(Duration.ofHours(1), BOUND)));
    return suite;
  }

  private static Test suiteFor(String name, Supplier<Set<String>> factory) {
    return SetTestSuiteBuilder.using(new TestStringSetGenerator() {
          @Override
          protected Set<String> create(String[] elements) {
            Set<String> set = factory.get();
            Collections.addAll(set, elements);
            return set;
          }
        })
        .named(name)
        .withFeatures(CollectionFeature.GENERAL_PURPOSE, CollectionSize.ANY)
        .createTestSuite();
  }
}
