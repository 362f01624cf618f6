package dev.safecollections;

import com.google.common.testing.NullPointerTester;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every public factory and builder method rejects null arguments with an NPE (I7). */
class NullPointerTest {
  private final NullPointerTester tester = new NullPointerTester()
      .setDefault(Duration.class, Duration.ofSeconds(1))
      .setDefault(OverflowPolicy.class, OverflowPolicy.EVICT)
      .setDefault(EvictionOrder.class, EvictionOrder.LRU);

  @Test
  void safeMaps_staticFactories() {
    tester.testAllPublicStaticMethods(SafeMaps.class);
  }

  @Test
  void safeSets_staticFactories() {
    tester.testAllPublicStaticMethods(SafeSets.class);
  }

  @Test
  void safeQueues_staticFactoriesAndBuilder() {
    tester.testAllPublicStaticMethods(SafeQueues.class);
    tester.testAllPublicInstanceMethods(SafeQueues.builder());
  }

  @Test
  void safeMapBuilder_instanceMethods() {
    tester.testAllPublicInstanceMethods(SafeMaps.builder());
  }

  @Test
  void singleThreadedAndSetBuilders_instanceMethods() {
    tester.testAllPublicInstanceMethods(SafeMaps.builder().maximumSize(10).singleThreaded());
    tester.testAllPublicInstanceMethods(SafeSets.builder());
  }

  @Test
  void memoryBudget_andListBuilder() {
    tester.testAllPublicStaticMethods(MemoryBudget.class);
    tester.testAllPublicInstanceMethods(SafeLists.builder());
  }

  @Test
  void collectionMetricsBuilder_instanceMethods() {
    tester.testAllPublicInstanceMethods(CollectionMetrics.builder());
  }
}
