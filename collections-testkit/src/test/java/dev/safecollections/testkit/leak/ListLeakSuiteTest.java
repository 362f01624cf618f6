package dev.safecollections.testkit.leak;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.OverflowPolicy;
import dev.safecollections.SafeLists;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The list suite on the JDK's lists and ours, and on a planted leak. */
class ListLeakSuiteTest {
  static final int TRIES = MapLeakSuiteTest.TRIES;

  @TestFactory
  Stream<DynamicTest> lists() {
    return Stream.of(
        ListLeakSuite.forLists("ArrayList", ArrayList::new).allowsNulls().tries(TRIES),
        ListLeakSuite.forLists("LinkedList", LinkedList::new).allowsNulls()
            .storageFollowsContent(1).tries(TRIES),
        ListLeakSuite.forLists("SafeLists.bounded(8)", () -> SafeLists.bounded(8))
            .dropsOldestAtBound(8).allowsNulls().storageFollowsContent(2).tries(TRIES),
        ListLeakSuite.forLists("SafeLists reject(8)", () -> SafeLists.builder().maximumSize(8)
                .overflowPolicy(OverflowPolicy.REJECT).build())
            .rejectsAtBound(8).allowsNulls().tries(TRIES),
        ListLeakSuite.forLists("SafeLists.expiring(1h, 8)",
                () -> SafeLists.expiring(Duration.ofHours(1), 8))
            .dropsOldestAtBound(8).allowsNulls().tries(TRIES),
        ListLeakSuite.forLists("SafeLists.bounded(100k)", () -> SafeLists.bounded(100_000))
            .allowsNulls().storageFollowsContent(2).tries(TRIES))
        .flatMap(LeakTests::dynamicTests);
  }

  @Test
  void plantedLeak_listThatDoesNotClearVacatedSlots_caughtByI3() {
    ListLeakSuite suite = ListLeakSuite.forLists("uncleared list",
        PlantedLeaks.UnclearedList::new).allowsNulls().tries(TRIES);
    LeakProperty release = suite.properties().stream()
        .filter(p -> p.name().contains("I3 release")).findFirst().orElseThrow();
    AssertionError e = assertThrows(AssertionError.class, release::check);
    assertTrue(e.getMessage().contains("I3 release"), e.getMessage());
    System.out.println("caught: " + e.getMessage().lines().limit(2)
        .reduce((a, b) -> a + " / " + b).orElse(""));
  }
}
