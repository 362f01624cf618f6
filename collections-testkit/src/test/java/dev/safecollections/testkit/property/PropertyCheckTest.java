package dev.safecollections.testkit.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PropertyCheckTest {

  @AfterEach
  void clearProperties() {
    System.clearProperty(PropertyCheck.TRIES_PROPERTY);
    System.clearProperty(PropertyCheck.SEED_PROPERTY);
  }

  @Test
  void failingList_shrinksToTheSingleSmallestCulprit() {
    PropertyCheck<List<Integer>> check =
        PropertyCheck.of("all below 50", Gen.listOf(Gen.ints(0, 1000), 0)).tries(200);
    PropertyFailure f = assertThrows(PropertyFailure.class, () -> check.check(42L, list -> {
      for (int x : list) {
        if (x >= 50) {
          throw new AssertionError("found " + x);
        }
      }
    }));
    assertEquals("[50]", f.minimal());
    assertEquals(42L, f.seed());
    assertTrue(f.getMessage().contains("property 'all below 50' failed: found 50"),
        f.getMessage());
    assertTrue(f.getMessage().contains("replay with -Dsafecollections.testkit.seed=42"),
        f.getMessage());
    assertEquals("found 50", f.getCause().getMessage());
  }

  @Test
  void sameSeed_drawsTheSameValues_andTheSizeRampsUp() {
    List<List<Integer>> first = new ArrayList<>();
    List<List<Integer>> second = new ArrayList<>();
    Gen<List<Integer>> gen = Gen.listOf(Gen.ints(0, 9), 0);
    PropertyCheck.of("record", gen).tries(50).maxSize(40).check(7L, first::add);
    PropertyCheck.of("record", gen).tries(50).maxSize(40).check(7L, second::add);
    assertEquals(first, second);
    assertTrue(first.get(0).size() <= 1, "the first try has size 1");
    assertTrue(first.stream().mapToInt(List::size).max().getAsInt() > 20, "later ones grow");
  }

  @Test
  void seedProperty_replays_andTriesProperty_overridesEveryCheck() {
    System.setProperty(PropertyCheck.TRIES_PROPERTY, "7");
    List<Integer> seen = new ArrayList<>();
    assertEquals(7, PropertyCheck.of("count", Gen.ints(0, 5)).tries(500).check(seen::add));
    assertEquals(7, seen.size());
    System.setProperty(PropertyCheck.SEED_PROPERTY, "99");
    PropertyFailure a = assertThrows(PropertyFailure.class,
        () -> PropertyCheck.of("never", Gen.ints(3, 5)).check(x -> {
          throw new IllegalStateException("no " + x);
        }));
    assertEquals(99L, a.seed());
    assertEquals("3", a.minimal(), "shrunk to the minimum");
    System.setProperty(PropertyCheck.TRIES_PROPERTY, "lots");
    assertEquals("-Dsafecollections.testkit.tries must be a positive integer: lots",
        assertThrows(IllegalArgumentException.class,
            () -> PropertyCheck.of("x", Gen.ints(0, 1)).check(x -> { })).getMessage());
  }

  @Test
  void passingProperty_runsEveryTry() {
    int[] runs = {0};
    assertEquals(123, PropertyCheck.of("ok", Gen.ints(0, 1)).tries(123).check(x -> runs[0]++));
    assertEquals(123, runs[0]);
  }

  @Test
  void badSettings_failAtOnce() {
    assertEquals("tries must be positive: 0", assertThrows(IllegalArgumentException.class,
        () -> PropertyCheck.of("x", Gen.ints(0, 1)).tries(0)).getMessage());
    assertEquals("min 5 is above max 4", assertThrows(IllegalArgumentException.class,
        () -> Gen.ints(5, 4)).getMessage());
  }
}
