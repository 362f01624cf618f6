package dev.safecollections.testkit.leak;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.SafeSets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The set suite on the JDK's sets and every set of ours, and a planted leak. */
class SetLeakSuiteTest {
  static final int TRIES = MapLeakSuiteTest.TRIES;

  @TestFactory
  Stream<DynamicTest> sets() {
    return Stream.of(
        SetLeakSuite.forSets("HashSet", HashSet::new).allowsNulls().tries(TRIES),
        SetLeakSuite.forSets("LinkedHashSet", LinkedHashSet::new).allowsNulls().tries(TRIES),
        SetLeakSuite.forSets("ConcurrentHashMap.newKeySet", ConcurrentHashMap::newKeySet)
            .tries(TRIES),
        SetLeakSuite.forSets("SafeSets.bounded(8)", () -> SafeSets.bounded(8)).bounded(8)
            .tries(TRIES),
        SetLeakSuite.forSets("SafeSets.expiring(1h, 8)",
                () -> SafeSets.expiring(Duration.ofHours(1), 8)).bounded(8).tries(TRIES),
        SetLeakSuite.forSets("single-threaded set(8)", () -> SafeSets.builder().maximumSize(8)
                .singleThreaded().build()).bounded(8).tries(TRIES),
        SetLeakSuite.forSets("SafeSets.boundedLongs(8)", () -> SafeSets.boundedLongs(8))
            .bounded(8).longElements().tries(TRIES),
        SetLeakSuite.forSets("SafeSets.boundedInts(8)", () -> SafeSets.boundedInts(8))
            .bounded(8).intElements().tries(TRIES))
        .flatMap(LeakTests::dynamicTests);
  }

  /** A set that keeps every element it ever held (a planted I3 leak). */
  @Test
  void plantedLeak_setThatRemembersRemovedElements_caughtByI3() {
    SetLeakSuite suite = SetLeakSuite.forSets("remembering set", () -> new HashSet<Object>() {
      private static final long serialVersionUID = 1L;
      private final Set<Object> seen = new HashSet<>();

      @Override
      public boolean add(Object o) {
        seen.add(o);
        return super.add(o);
      }
    }).allowsNulls().tries(TRIES);
    LeakProperty release = suite.properties().stream()
        .filter(p -> p.name().contains("I3 release")).findFirst().orElseThrow();
    AssertionError e = assertThrows(AssertionError.class, release::check);
    assertTrue(e.getMessage().contains("I3 release"), e.getMessage());
  }
}
