package dev.safecollections.testkit.leak;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The properties of a suite as JUnit Jupiter dynamic tests, one per property, for a {@code
 * @TestFactory} method. Needs {@code junit-jupiter-api} (5 or 6) on the test class path; the
 * rest of the testkit does not.
 */
public final class LeakTests {
  private LeakTests() {}

  /** One dynamic test per property of {@code suite}. */
  public static Stream<DynamicTest> dynamicTests(LeakSuite suite) {
    return suite.properties().stream().map(p -> DynamicTest.dynamicTest(p.name(), p::check));
  }
}
