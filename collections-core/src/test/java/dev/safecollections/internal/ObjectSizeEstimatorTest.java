package dev.safecollections.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.ConcurrentBoundedMap;
import dev.safecollections.SafeMaps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/** The built-in estimator against JOL's measurement of the same object graphs. */
class ObjectSizeEstimatorTest {

  static Stream<Arguments> exactTypes() {
    return Stream.of(
        Arguments.of("latin-1 string", "hello, world"),
        Arguments.of("utf-16 string", "h\u00e9llo \u4e16\u754c"),
        Arguments.of("empty string", ""),
        Arguments.of("byte[1000]", new byte[1000]),
        Arguments.of("long[7]", new long[7]),
        Arguments.of("Long", Long.valueOf(1L << 40)),
        Arguments.of("Integer", Integer.valueOf(1 << 20)),
        Arguments.of("Object[3] of strings", new Object[] {"a", "bb", "ccc"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exactTypes")
  void estimate_exactTypes_matchJol(String what, Object value) {
    assertEquals(GraphLayout.parseInstance(value).totalSize(), ObjectSizeEstimator.estimate(value), what);
  }

  static Stream<Arguments> approximateTypes() {
    List<String> list = new ArrayList<>();
    Map<String, Integer> map = new HashMap<>();
    for (int i = 0; i < 1_000; i++) {
      list.add("element-" + i);
      map.put("key-" + i, 1_000_000 + i);
    }
    return Stream.of(
        Arguments.of("ArrayList of 1000 strings", list),
        Arguments.of("HashMap of 1000 entries", map),
        Arguments.of("plain object", new User("ada", new byte[512], List.of("admin", "ops"))),
        Arguments.of("record with array", new Point3[] {new Point3(1, 2, 3), new Point3(4, 5, 6)}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("approximateTypes")
  void estimate_collectionsAndObjects_withinAQuarterOfJol(String what, Object value) {
    long measured = GraphLayout.parseInstance(value).totalSize();
    long estimated = ObjectSizeEstimator.estimate(value);
    System.out.printf("estimate of %s: %,d B, JOL %,d B%n", what, estimated, measured);
    assertTrue(Math.abs(estimated - measured) <= measured / 4,
        what + ": estimated " + estimated + ", measured " + measured);
  }

  @Test
  void estimate_nullEnumAndClass_costNothing() {
    assertEquals(0, ObjectSizeEstimator.estimate(null));
    assertEquals(0, ObjectSizeEstimator.estimate(Thread.State.NEW));
    assertEquals(0, ObjectSizeEstimator.estimate(String.class));
  }

  @Test
  void estimate_cycle_terminatesCountingEachObjectOnce() {
    Node a = new Node();
    Node b = new Node();
    a.next = b;
    b.next = a;
    assertEquals(GraphLayout.parseInstance(a).totalSize(), ObjectSizeEstimator.estimate(a));
  }

  @Test
  void entryOverhead_matchesJolMeasurementOfTheMap() {
    int entries = 10_000;
    ConcurrentBoundedMap<Long, Long> map = SafeMaps.builder().maximumBytes(1L << 30).build();
    long empty = GraphLayout.parseInstance(map).totalSize();
    long payload = 0;
    for (long i = 0; i < entries; i++) {
      Long key = 1_000_000 + i;
      Long value = 2_000_000 + i;
      payload += ObjectSizeEstimator.estimate(key) + ObjectSizeEstimator.estimate(value);
      map.put(key, value);
    }
    long perEntry = (GraphLayout.parseInstance(map).totalSize() - empty - payload) / entries;
    System.out.printf("measured per-entry overhead of a byte-bounded map: %d B (constant %d B)%n",
        perEntry, ObjectSizeEstimator.ENTRY_OVERHEAD);
    assertTrue(Math.abs(perEntry - ObjectSizeEstimator.ENTRY_OVERHEAD) <= perEntry / 4,
        "measured " + perEntry + ", constant " + ObjectSizeEstimator.ENTRY_OVERHEAD);
  }

  static final class Node {
    Node next;
  }

  record Point3(long x, long y, long z) {}

  static final class User {
    final String name;
    final byte[] avatar;
    final List<String> roles;

    User(String name, byte[] avatar, List<String> roles) {
      this.name = name;
      this.avatar = avatar;
      this.roles = roles;
    }
  }
}
