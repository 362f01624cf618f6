package dev.safecollections.internal.caffeine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model of {@code ConcurrentHashMap}'s table that the Caffeine-backed maps report as their
 * capacity agrees with the real table, read by reflection (the test JVM opens
 * {@code java.util.concurrent}), after every insertion from one thread.
 */
class ConcurrentTableTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 16, 100, 1000})
  void after_matchesTheRealTableAtEverySize(int initialCapacity) throws Exception {
    ConcurrentHashMap<Integer, Integer> real = new ConcurrentHashMap<>(initialCapacity);
    Field table = ConcurrentHashMap.class.getDeclaredField("table");
    table.setAccessible(true);
    long initial = ConcurrentTable.initial(initialCapacity);
    for (int i = 1; i <= 50_000; i++) {
      real.put(i, i);
      long slots = ((Object[]) table.get(real)).length;
      long modeled = ConcurrentTable.after(initial, i);
      assertEquals(slots, modeled, "table at size " + i + " from initial capacity "
          + initialCapacity);
    }
  }
}
