package dev.safecollections.testkit.leak;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.OverflowPolicy;
import dev.safecollections.SafeMaps;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The map suite run against the JDK's maps and every map this project ships, where it must
 * pass, and against planted leaks, each of which one named property must catch.
 */
class MapLeakSuiteTest {
  static final int TRIES = 40;

  private static Stream<DynamicTest> all(MapLeakSuite... suites) {
    return Stream.of(suites).flatMap(LeakTests::dynamicTests);
  }

  @TestFactory
  Stream<DynamicTest> jdkMaps() {
    return all(
        MapLeakSuite.forMaps("HashMap", HashMap::new).allowsNulls().tries(TRIES),
        MapLeakSuite.forMaps("LinkedHashMap", LinkedHashMap::new).allowsNulls().tries(TRIES),
        MapLeakSuite.forMaps("TreeMap", TreeMap::new).allowsNulls().tries(TRIES),
        MapLeakSuite.forMaps("ConcurrentHashMap", ConcurrentHashMap::new).threadSafe()
            .tries(TRIES),
        MapLeakSuite.forMaps("ConcurrentSkipListMap", ConcurrentSkipListMap::new).threadSafe()
            .tries(TRIES));
  }

  @TestFactory
  Stream<DynamicTest> ourMaps() {
    return all(
        MapLeakSuite.forMaps("SafeMaps.bounded(8)",
                () -> SafeMaps.builder().maximumSize(8).recordMetrics().build())
            .bounded(8).threadSafe().recordsMetrics().storageFollowsContent(4).tries(TRIES),
        MapLeakSuite.forMaps("SafeMaps reject(8)", () -> SafeMaps.builder().maximumSize(8)
                .overflowPolicy(OverflowPolicy.REJECT).recordMetrics().build())
            .bounded(8).rejectsAtBound().threadSafe().recordsMetrics().tries(TRIES),
        MapLeakSuite.forMaps("SafeMaps.expiring", () -> SafeMaps.builder().maximumSize(8)
                .expireAfterWrite(Duration.ofHours(1)).build())
            .bounded(8).threadSafe().tries(TRIES)
            .expiring(Duration.ofSeconds(10), ticker -> SafeMaps.builder().maximumSize(1000)
                .expireAfterWrite(Duration.ofSeconds(10)).ticker(ticker).build()),
        MapLeakSuite.forMaps("single-threaded LRU(8)", () -> SafeMaps.builder().maximumSize(8)
                .recordMetrics().singleThreaded().build())
            .bounded(8).evictsLeastRecentlyUsed().recordsMetrics().storageFollowsContent(4)
            .tries(TRIES)
            .expiring(Duration.ofSeconds(10), ticker -> SafeMaps.builder().maximumSize(1000)
                .expireAfterWrite(Duration.ofSeconds(10)).ticker(ticker).singleThreaded()
                .build()),
        MapLeakSuite.forMaps("boundedLongToLong(8)", () -> SafeMaps.builder().maximumSize(8)
                .recordMetrics().singleThreaded().buildLongToLong())
            .bounded(8).evictsLeastRecentlyUsed().longKeys().longValues().recordsMetrics().storageFollowsContent(4)
            .tries(TRIES),
        MapLeakSuite.forMaps("boundedIntToObject(8)", () -> SafeMaps.builder().maximumSize(8)
                .singleThreaded().buildIntToObject())
            .bounded(8).storageFollowsContent(4).tries(TRIES),
        MapLeakSuite.forMaps("boundedLongToObject(8)", () -> SafeMaps.builder().maximumSize(8)
                .singleThreaded().buildLongToObject())
            .bounded(8).longKeys().storageFollowsContent(4).tries(TRIES),
        MapLeakSuite.forMaps("boundedIntToInt(8)", () -> SafeMaps.builder().maximumSize(8)
                .recordMetrics().singleThreaded().buildIntToInt())
            .bounded(8).intValues().recordsMetrics().storageFollowsContent(4).tries(TRIES),
        MapLeakSuite.forMaps("boundedObjectToLong(8)", () -> SafeMaps.builder().maximumSize(8)
                .singleThreaded().buildObjectToLong())
            .bounded(8).longValues().storageFollowsContent(4).tries(TRIES),
        MapLeakSuite.forMaps("boundedObjectToInt(8)", () -> SafeMaps.builder().maximumSize(8)
                .singleThreaded().evictionOrder(dev.safecollections.EvictionOrder.FIFO)
                .buildObjectToInt())
            .bounded(8).evictsFirstInFirstOut().intValues().storageFollowsContent(4).tries(TRIES),
        MapLeakSuite.forMaps("concurrentLongToObject(8)", () -> SafeMaps.builder()
                .maximumSize(8).recordMetrics().buildConcurrentLongToObject())
            .bounded(8).longKeys().threadSafe().recordsMetrics().tries(TRIES));
  }

  private static AssertionError caught(MapLeakSuite suite, String invariant) {
    List<LeakProperty> matching = suite.properties().stream()
        .filter(p -> p.name().contains(invariant)).collect(Collectors.toList());
    assertTrue(!matching.isEmpty(), "the suite has a property " + invariant);
    AssertionError e = assertThrows(AssertionError.class, matching.get(0)::check,
        invariant + " must catch the planted leak of " + suite.name());
    assertTrue(e.getMessage().contains(invariant), e.getMessage());
    System.out.println("caught: " + e.getMessage().lines().limit(3)
        .collect(Collectors.joining(" / ")));
    return e;
  }

  /** An LRU map that evicts its most recently used entry instead: I6 names the order. */
  @Test
  void plantedBug_wrongEvictionOrder_caughtByI6() {
    AssertionError e = caught(MapLeakSuite.forMaps("MRU-evicting map",
            () -> new java.util.LinkedHashMap<Object, Object>(16, 0.75f, true) {
              private static final long serialVersionUID = 1L;

              @Override
              public Object put(Object key, Object value) {
                if (size() >= 8 && !containsKey(key)) {
                  Object newest = null;
                  for (Object k : keySet()) {
                    newest = k;
                  }
                  remove(newest);
                }
                return super.put(key, value);
              }
            }).allowsNulls().bounded(8).evictsLeastRecentlyUsed().tries(TRIES),
        "I6 conformance");
    assertTrue(e.getMessage().contains("by LRU order the eldest were"), e.getMessage());
  }

  @Test
  void plantedLeak_mapThatNeverShrinks_caughtByI2() {
    caught(MapLeakSuite.forMaps("HashMap declared to shrink", HashMap::new).allowsNulls()
        .storageFollowsContent(4).tries(TRIES), "I2 storage follows content");
  }

  @Test
  void plantedLeak_removedValuesKeptInASideList_caughtByI3() {
    caught(MapLeakSuite.forMaps("side-list map", PlantedLeaks.SideListMap::new).allowsNulls()
        .tries(TRIES), "I3 release");
  }

  @Test
  void plantedLeak_oneOverTheBound_caughtByI1() {
    caught(MapLeakSuite.forMaps("bound + 1 map", () -> PlantedLeaks.overBoundByOne(8))
        .allowsNulls().bounded(8).tries(TRIES), "I1 bound");
  }

  @Test
  void plantedLeak_expiringMapIdleNeverReclaims_caughtByI4() {
    caught(MapLeakSuite.forMaps("lazy expiring map", HashMap::new).allowsNulls().tries(TRIES)
        .expiring(Duration.ofSeconds(1), ticker ->
            new PlantedLeaks.LazyExpiringMap<>(ticker, Duration.ofSeconds(1).toNanos())),
        "I4 idle expiry");
  }
}
