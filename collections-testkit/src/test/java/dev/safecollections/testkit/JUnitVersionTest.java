package dev.safecollections.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The testkit's tests run on the JUnit the build says: 5 by default, 6 with {@code -Pjunit6}
 * (which runs every property of this module again on JUnit 6).
 */
class JUnitVersionTest {

  @Test
  void runsOnTheExpectedJUnit() {
    String version = Test.class.getPackage().getImplementationVersion();
    System.out.println("JUnit Jupiter " + version);
    assertEquals(System.getProperty("testkit.expected.junit"), version.split("\\.")[0],
        "JUnit Jupiter " + version);
  }
}
