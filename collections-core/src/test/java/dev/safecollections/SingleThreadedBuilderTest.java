package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.internal.table.TableBacked;
import dev.safecollections.testing.FakeTicker;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invariant I7 for the single-threaded maps and sets and their builders: bad values fail when
 * set, settings that need other threads fail in the build methods, each naming the value.
 */
class SingleThreadedBuilderTest {
  private static final List<IntFunction<?>> FACTORIES = List.of(
      SafeMaps::boundedLongToLong, SafeMaps::boundedLongToObject, SafeMaps::boundedIntToInt,
      SafeMaps::boundedIntToObject, SafeMaps::boundedObjectToLong, SafeMaps::boundedObjectToInt,
      SafeSets::boundedLongs, SafeSets::boundedInts);

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void primitiveFactories_nonPositiveBound_throwNamingValue(int bound) {
    for (IntFunction<?> factory : FACTORIES) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> factory.apply(bound));
      assertEquals("maximum size must be positive: " + bound, e.getMessage());
    }
  }

  @Test
  void singleThreadedMap_isNotAConcurrentMap() {
    BoundedMap<String, String> map = SafeMaps.builder().maximumSize(10).singleThreaded().build();
    assertFalse(map instanceof ConcurrentMap);
    for (IntFunction<?> factory : FACTORIES) {
      assertFalse(factory.apply(10) instanceof ConcurrentMap);
    }
  }

  @Test
  void primitiveMaps_serialization_failsClearly() {
    for (IntFunction<?> factory : FACTORIES.subList(0, 6)) {
      Object map = factory.apply(10);
      NotSerializableException e = assertThrows(NotSerializableException.class,
          () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(map));
      assertTrue(e.getMessage().contains("not serializable"), e.getMessage());
    }
  }

  @Test
  void build_settingsThatNeedOtherThreads_failNamingThem() {
    assertEquals("primitive maps and sets are bounded by maximumSize(long), not maximum bytes "
            + "(1024)",
        assertThrows(IllegalStateException.class, () -> SafeMaps.builder().maximumBytes(1024)
            .singleThreaded().buildLongToLong()).getMessage());
    assertTrue(SafeMaps.builder().maximumBytes(1024).singleThreaded().build().isEmpty(),
        "an object map takes maximum bytes");
    assertThrows(IllegalStateException.class,
        () -> SafeMaps.builder().maximumSize(10).weakKeys().singleThreaded().build());
    assertThrows(IllegalStateException.class,
        () -> SafeMaps.builder().maximumSize(10).softValues().singleThreaded().buildIntToInt());
    assertEquals("maximum size of a single-threaded collection must be at most 2147483639: "
            + "3000000000",
        assertThrows(IllegalStateException.class, () -> SafeMaps.builder()
            .maximumSize(3_000_000_000L).singleThreaded().buildLongToLong()).getMessage());
    assertThrows(IllegalStateException.class,
        () -> SafeMaps.builder().singleThreaded().build(), "no bound");
  }

  @Test
  void maximumBytes_evictsLeastRecentUntilTheWriteFits() {
    List<String> told = new java.util.ArrayList<>();
    BoundedMap<String, byte[]> map = SafeMaps.builder()
        .maximumBytes(1_000)
        .weigher((String k, byte[] v) -> v.length)
        .removalListener((String k, byte[] v, RemovalCause cause) -> told.add(k + ":" + cause))
        .recordMetrics()
        .singleThreaded()
        .<String, byte[]>build();
    map.put("a", new byte[300]);
    map.put("b", new byte[300]);
    map.put("c", new byte[300]);
    map.get("a");                                            // b is now the least recent
    map.put("d", new byte[300]);
    assertEquals(java.util.Set.of("a", "c", "d"), map.keySet());
    map.put("a", new byte[700]);                             // grows to 1,300: evicts c, not a
    assertEquals(java.util.Set.of("d", "a"), map.keySet());
    map.put("huge", new byte[2_000]);                        // alone too heavy: out at once
    assertFalse(map.containsKey("huge"));
    assertEquals(java.util.Set.of("d", "a"), map.keySet());
    assertEquals(List.of("b:SIZE", "a:REPLACED", "c:SIZE", "huge:SIZE"), told);
    CollectionMetrics m = map.metrics();
    assertEquals(1_000, m.estimatedBytes());
    assertEquals(m.size(), m.insertionCount() - m.removalCount() - m.evictionCount(), "I5");
    ((TableBacked) map).table().validate();

    BoundedMap<String, byte[]> rejecting = SafeMaps.builder().maximumBytes(1_000)
        .weigher((String k, byte[] v) -> v.length).overflowPolicy(OverflowPolicy.REJECT)
        .singleThreaded().<String, byte[]>build();
    rejecting.put("a", new byte[600]);
    assertThrows(CapacityExceededException.class, () -> rejecting.put("b", new byte[600]));
    assertThrows(CapacityExceededException.class, () -> rejecting.put("a", new byte[1_200]));
    assertEquals(600, rejecting.get("a").length, "unchanged");
    assertThrows(IllegalArgumentException.class, () -> SafeMaps.builder().maximumBytes(10)
        .weigher((Object k, Object v) -> -1).singleThreaded().build().put("k", "v"));
  }

  /** I1 and I5 under maximumBytes, with the table validated after every random write. */
  @Test
  void maximumBytes_randomWrites_stayWithinBoundAndAccountingHolds() {
    dev.safecollections.testing.Seeds.forEach(20, random -> {
      BoundedMap<Integer, byte[]> map = SafeMaps.builder().maximumBytes(5_000)
          .weigher((Integer k, byte[] v) -> v.length).recordMetrics()
          .expireAfterWrite(Duration.ofHours(1))
          .singleThreaded().evictionOrder(random.nextBoolean() ? EvictionOrder.LRU
              : EvictionOrder.FIFO).<Integer, byte[]>build();
      for (int i = 0; i < 500; i++) {
        int key = random.nextInt(30);
        int op = random.nextInt(10);
        if (op < 6) {
          map.put(key, new byte[random.nextInt(op == 0 ? 8_000 : 1_200)]);
        } else if (op < 8) {
          map.remove(key);
        } else {
          map.get(key);
        }
        ((TableBacked) map).table().validate();
        CollectionMetrics m = map.metrics();
        assertTrue(m.estimatedBytes() <= 5_000, m.toString());
        assertEquals(m.size(), m.insertionCount() - m.removalCount() - m.evictionCount(), "I5");
      }
    });
  }

  @Test
  void build_primitiveMapWithListener_fails() {
    SingleThreadedMapBuilder<Object, Object> b = SafeMaps.builder().maximumSize(10)
        .removalListener((k, v, cause) -> {}).singleThreaded();
    IllegalStateException e = assertThrows(IllegalStateException.class, b::buildLongToLong);
    assertEquals("a removal listener takes boxed keys and values: primitive maps and sets do "
        + "not accept one, use build()", e.getMessage());
    assertThrows(IllegalStateException.class, b::buildObjectToInt);
    assertTrue(b.build().isEmpty(), "the object map takes the listener");
  }

  @Test
  void evictionOrder_setTwice_throwsNamingEarlierValue() {
    SingleThreadedMapBuilder<Object, Object> b =
        SafeMaps.builder().maximumSize(10).singleThreaded().evictionOrder(EvictionOrder.FIFO);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> b.evictionOrder(EvictionOrder.LRU));
    assertEquals("eviction order was already set to FIFO", e.getMessage());
    assertEquals("order",
        assertThrows(NullPointerException.class,
            () -> SafeSets.builder().evictionOrder(null)).getMessage());
  }

  @Test
  void build_leavesBuilderReusable() {
    SingleThreadedMapBuilder<Object, Object> b = SafeMaps.builder().maximumSize(2)
        .singleThreaded();
    BoundedLong2LongMap first = b.buildLongToLong();
    BoundedLong2LongMap second = b.buildLongToLong();
    assertNotSame(first, second);
    first.put(1, 1);
    assertTrue(second.isEmpty());
    assertEquals("SafeMapBuilder{maximumSize=2}.singleThreaded()", b.toString());
  }

  @Test
  void setBuilder_rules() {
    assertEquals("primitive sets are single-threaded: call singleThreaded() before buildLongs()",
        assertThrows(IllegalStateException.class,
            () -> SafeSets.builder().maximumSize(10).buildLongs()).getMessage());
    assertEquals("an eviction order (FIFO) needs singleThreaded(): concurrent sets evict by "
            + "W-TinyLFU",
        assertThrows(IllegalStateException.class, () -> SafeSets.builder().maximumSize(10)
            .evictionOrder(EvictionOrder.FIFO).build()).getMessage());
    assertEquals("single-threaded was already set", assertThrows(IllegalStateException.class,
        () -> SafeSets.builder().singleThreaded().singleThreaded()).getMessage());
    assertEquals("maximum size was already set to 5", assertThrows(IllegalStateException.class,
        () -> SafeSets.builder().maximumSize(5).maximumSize(6)).getMessage());
    assertEquals("SafeSetBuilder{maximumSize=5, singleThreaded, evictionOrder=FIFO}",
        SafeSets.builder().maximumSize(5).singleThreaded().evictionOrder(EvictionOrder.FIFO)
            .toString());
    assertEquals("SafeSetBuilder{}", SafeSets.builder().toString());
    assertFalse(SafeSets.builder().maximumSize(5).build() instanceof TableBacked,
        "without singleThreaded() a set is the concurrent one");
    assertTrue(SafeSets.builder().maximumSize(5).singleThreaded().build() instanceof TableBacked);
  }

  @Test
  void expiringSingleThreadedSet_dropsElementsAfterTtl() {
    FakeTicker ticker = new FakeTicker();
    BoundedLongSet set = SafeSets.builder().maximumSize(10).expireAfterWrite(Duration.ofSeconds(1))
        .ticker(ticker).recordMetrics().singleThreaded().buildLongs();
    assertTrue(set.add(7));
    assertFalse(set.add(7), "present");
    ticker.advance(Duration.ofSeconds(1));
    assertFalse(set.contains(7), "expired at its deadline");
    assertEquals(0, set.size());
    assertEquals(1, set.metrics().expirationCount());
  }
}
