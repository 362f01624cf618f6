package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.safecollections.testing.FakeTicker;
import dev.safecollections.testing.LruModel;
import dev.safecollections.testing.Seeds;
import dev.safecollections.testing.TableConfig;
import dev.safecollections.testing.TableSubject;
import java.time.Duration;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Model-based tests of every single-threaded map (the object map and the six primitive maps,
 * each through its own typed API) in every configuration: random operations against
 * {@link LruModel}, comparing every result, the exact eviction order, the metrics and the
 * table's internal consistency after every step (I1, I5, I6). Seeded: a failure names its seed;
 * {@code -Dsafecollections.tries=N} runs more.
 */
class SingleThreadedMapTest {
  private static final int KEYS = 2 * TableConfig.BOUND;
  private static final int OPERATIONS = 400;

  static Stream<Arguments> everyMapInEveryConfig() {
    return Stream.of(TableSubject.Kind.values()).flatMap(kind ->
        Stream.of(TableConfig.values()).map(config -> Arguments.of(kind, config)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyMapInEveryConfig")
  void randomOperations_matchModel(TableSubject.Kind kind, TableConfig config) {
    Seeds.forEach(30, random -> {
      FakeTicker ticker = new FakeTicker();
      TableSubject map = kind.create(config.builder(ticker));
      LruModel model = new LruModel(config);
      for (int i = 0; i < OPERATIONS; i++) {
        step(random, map, model, ticker, "step " + i);
        map.validate();
        assertEquals(model.live(ticker.read()), map.entries(), "entries after step " + i);
      }
      assertEquals(model.size(ticker.read()), map.size());
      CollectionMetrics actual = map.map().metrics();
      assertEquals(model.expectedCounters(actual), actual);
    });
  }

  private static void step(Random random, TableSubject map, LruModel model, FakeTicker ticker,
      String where) {
    int key = random.nextInt(KEYS);
    long now = ticker.read();
    int op = random.nextInt(100);
    if (op < 35) {
      assertEquals(model.get(key, now), map.get(key), where + ": get " + key);
    } else if (op < 70) {
      int value = random.nextInt(1000);
      same(() -> model.put(key, value, now), () -> map.put(key, value), where + ": put " + key);
    } else if (op < 80) {
      assertEquals(model.remove(key, now), map.remove(key), where + ": remove " + key);
    } else if (op < 88) {
      assertEquals(model.containsKey(key, now), map.containsKey(key), where + ": contains " + key);
    } else if (op < 92) {
      assertEquals(model.size(now), map.size(), where + ": size");
    } else if (op < 97) {
      ticker.advance(Duration.ofNanos(random.nextInt(60)));
    } else if (op < 99) {
      Integer expected = model.removeFirstLive(now);
      assertEquals(String.valueOf(expected), String.valueOf(map.removeFirst()),
          where + ": iterator remove");
    } else {
      model.clear(now);
      map.clear();
    }
  }

  /** Both return the same value, or both throw {@link CapacityExceededException}. */
  private static void same(Supplier<Integer> model, Supplier<Integer> map, String where) {
    Integer expected;
    try {
      expected = model.get();
    } catch (CapacityExceededException e) {
      assertThrows(CapacityExceededException.class, map::get, where);
      return;
    }
    assertEquals(expected, map.get(), where);
  }

  /**
   * Found by the testkit's I7 property: {@code Map}'s default {@code putIfAbsent} returns early
   * for a present key without looking at the value; ours refuse a null as {@code put} does.
   */
  @org.junit.jupiter.api.Test
  @SuppressWarnings("deprecation")
  void putIfAbsent_nullOnAPresentKey_isRefusedAndChangesNothing() {
    BoundedMap<String, String> objects = SafeMaps.builder().maximumSize(4).singleThreaded()
        .build();
    objects.put("k", "v");
    assertEquals("value", assertThrows(NullPointerException.class,
        () -> objects.putIfAbsent("k", null)).getMessage());
    BoundedLong2ObjectMap<String> longToObject = SafeMaps.boundedLongToObject(4);
    longToObject.put(1L, "v");
    assertThrows(NullPointerException.class, () -> longToObject.putIfAbsent(1L, null));
    assertThrows(NullPointerException.class,
        () -> longToObject.putIfAbsent(Long.valueOf(1), null));
    BoundedLong2LongMap longToLong = SafeMaps.boundedLongToLong(4);
    longToLong.put(1L, 2L);
    assertThrows(NullPointerException.class,
        () -> longToLong.putIfAbsent(Long.valueOf(1), (Long) null));
    BoundedObject2IntMap<String> objectToInt = SafeMaps.boundedObjectToInt(4);
    objectToInt.put("k", 1);
    assertThrows(NullPointerException.class,
        () -> objectToInt.putIfAbsent("k", (Integer) null));
    assertEquals("v", objects.get("k"));
    assertEquals("v", longToObject.get(1L));
    assertEquals(2L, longToLong.get(1L));
    assertEquals(1, objectToInt.getInt("k"));
  }
}
