package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invariant I7 for settings: bad values fail when set, conflicts fail in build(). */
class SafeMapBuilderTest {

  @ParameterizedTest
  @ValueSource(longs = {-1, 0, Long.MIN_VALUE})
  void bounded_nonPositive_throwsNamingValue(long bound) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SafeMaps.bounded(bound));
    assertEquals("maximum size must be positive: " + bound, e.getMessage());
  }

  @Test
  void maximumBytes_negative_throwsNamingValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SafeMaps.builder().maximumBytes(-5));
    assertEquals("maximum bytes must be positive: -5", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "PT-1S", "-PT0.000000001S"})
  void expiring_nonPositiveTtl_throwsNamingValue(String ttl) {
    Duration duration = Duration.parse(ttl);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SafeMaps.expiring(duration, 10));
    assertEquals("ttl must be positive: " + duration, e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> SafeMaps.builder().expireAfterAccess(duration));
  }

  @Test
  void expiring_nullTtl_throwsNpeNamingArgument() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> SafeMaps.expiring(null, 10));
    assertEquals("ttl", e.getMessage());
  }

  @Test
  void initialCapacity_negative_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SafeMaps.builder().initialCapacity(-3));
    assertEquals("initial capacity must not be negative: -3", e.getMessage());
  }

  @Test
  void name_blank_throws() {
    assertThrows(IllegalArgumentException.class, () -> SafeMaps.builder().name("  "));
    assertThrows(NullPointerException.class, () -> SafeMaps.builder().name(null));
  }

  @Test
  void option_setTwice_throwsNamingEarlierValue() {
    assertEquals("maximum size was already set to 100", assertThrows(IllegalStateException.class,
        () -> SafeMaps.builder().maximumSize(100).maximumSize(200)).getMessage());
    assertEquals("maximum bytes was already set to 7", assertThrows(IllegalStateException.class,
        () -> SafeMaps.builder().maximumBytes(7).maximumBytes(7)).getMessage());
    assertEquals("expire after write was already set to PT1S",
        assertThrows(IllegalStateException.class, () -> SafeMaps.builder()
            .expireAfterWrite(Duration.ofSeconds(1)).expireAfterWrite(Duration.ofSeconds(2)))
            .getMessage());
    assertEquals("value strength was already set to WEAK", assertThrows(
        IllegalStateException.class, () -> SafeMaps.builder().weakValues().softValues())
        .getMessage());
    assertEquals("overflow policy was already set to REJECT", assertThrows(
        IllegalStateException.class, () -> SafeMaps.builder()
            .overflowPolicy(OverflowPolicy.REJECT).overflowPolicy(OverflowPolicy.EVICT))
        .getMessage());
    assertEquals("name was already set to a", assertThrows(IllegalStateException.class,
        () -> SafeMaps.builder().name("a").name("b")).getMessage());
    assertEquals("initial capacity was already set to 4", assertThrows(
        IllegalStateException.class, () -> SafeMaps.builder().initialCapacity(4)
            .initialCapacity(4)).getMessage());
    assertThrows(IllegalStateException.class, () -> SafeMaps.builder().weakKeys().weakKeys());
    assertThrows(IllegalStateException.class,
        () -> SafeMaps.builder().recordMetrics().recordMetrics());
    assertThrows(IllegalStateException.class,
        () -> SafeMaps.builder().ticker(System::nanoTime).ticker(System::nanoTime));
    assertThrows(IllegalStateException.class, () -> SafeMaps.builder()
        .removalListener((k, v, c) -> {}).removalListener((k, v, c) -> {}));
    assertThrows(IllegalStateException.class,
        () -> SafeMaps.builder().weigher((k, v) -> 1).weigher((k, v) -> 1));
  }

  @Test
  void nullArguments_throwNpeNamingArgument() {
    assertEquals("weigher", assertThrows(NullPointerException.class,
        () -> SafeMaps.builder().weigher(null)).getMessage());
    assertEquals("listener", assertThrows(NullPointerException.class,
        () -> SafeMaps.builder().removalListener(null)).getMessage());
    assertEquals("ticker", assertThrows(NullPointerException.class,
        () -> SafeMaps.builder().ticker(null)).getMessage());
    assertEquals("policy", assertThrows(NullPointerException.class,
        () -> SafeMaps.builder().overflowPolicy(null)).getMessage());
  }

  @Test
  void build_withoutBound_failsSayingHowToAddOne() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> SafeMaps.builder().build());
    assertTrue(e.getMessage().contains("maximumSize(long)"), e.getMessage());
    assertTrue(e.getMessage().contains("maximumBytes(long)"), e.getMessage());
  }

  @Test
  void build_conflictingOptions_fails() {
    assertThrows(IllegalStateException.class,
        () -> SafeMaps.builder().maximumSize(10).maximumBytes(100).build());
    assertThrows(IllegalStateException.class,
        () -> SafeMaps.builder().maximumSize(10).weigher((k, v) -> 1).build());
    assertThrows(IllegalStateException.class, () -> SafeMaps.builder().maximumSize(10)
        .expireAfterWrite(Duration.ofSeconds(1)).expireAfterAccess(Duration.ofSeconds(1))
        .build());
    assertThrows(IllegalStateException.class, () -> SafeMaps.builder().maximumBytes(10)
        .overflowPolicy(OverflowPolicy.REJECT).weakValues().build());
  }

  @Test
  void build_leavesBuilderReusable() {
    SafeMapBuilder<Object, Object> builder = SafeMaps.builder().maximumSize(10).name("users");
    String before = builder.toString();
    ConcurrentMap<String, String> first = builder.build();
    ConcurrentMap<String, String> second = builder.build();
    assertNotSame(first, second);
    first.put("a", "1");
    assertFalse(second.containsKey("a"));
    assertEquals(before, builder.toString());
  }

  @Test
  void toString_listsOptionsThatWereSet() {
    assertEquals("SafeMapBuilder{}", SafeMaps.builder().toString());
    assertEquals("SafeMapBuilder{name=users, maximumSize=100, expireAfterWrite=PT1M, "
            + "overflowPolicy=REJECT, weakKeys, softValues, recordMetrics}",
        SafeMaps.builder().maximumSize(100).name("users").expireAfterWrite(Duration.ofMinutes(1))
            .overflowPolicy(OverflowPolicy.REJECT).weakKeys().softValues().recordMetrics()
            .toString());
  }

  @Test
  void hugeTtl_saturatesInsteadOfOverflowing() {
    ConcurrentMap<String, String> map =
        SafeMaps.expiring(Duration.ofSeconds(Long.MAX_VALUE), 10);
    map.put("a", "1");
    assertEquals("1", map.get("a"));
  }

  @Test
  void name_defaultsToTypeAndIdentity() {
    ConcurrentBoundedMap<String, String> map = SafeMaps.bounded(10);
    assertTrue(map.name().startsWith("SafeMap@"), map.name());
    assertEquals("users", SafeMaps.builder().maximumSize(1).name("users").build().name());
  }
}
