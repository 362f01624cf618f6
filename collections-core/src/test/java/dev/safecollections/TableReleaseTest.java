package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.testing.FakeTicker;
import dev.safecollections.testing.Gc;
import java.lang.ref.WeakReference;
import java.time.Duration;
import dev.safecollections.internal.table.TableBacked;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Invariant I3 for the single-threaded maps: a value (or a reference key) that left the map by
 * any path is unreachable from it; each is checked with a {@link WeakReference} and a bounded
 * loop of {@code System.gc()}. Also the removal causes told to the listener.
 */
class TableReleaseTest {

  @Test
  void objectMap_everyWayOut_releasesValue() {
    FakeTicker ticker = new FakeTicker();
    List<RemovalCause> causes = new ArrayList<>();
    BoundedMap<String, Object> map = SafeMaps.builder()
        .maximumSize(4)
        .expireAfterWrite(Duration.ofSeconds(10))
        .ticker(ticker)
        .removalListener((k, v, cause) -> causes.add(cause))
        .singleThreaded()
        .<String, Object>build();
    WeakReference<Object> expired = put(map, "expired");
    ticker.advance(Duration.ofSeconds(5));
    WeakReference<Object> removed = put(map, "removed");
    WeakReference<Object> replaced = put(map, "replaced");
    WeakReference<Object> iterated = put(map, "iterated");
    ticker.advance(Duration.ofSeconds(6));                 // "expired" is past its ttl
    map.put("filler", new Object());                         // drops it while making room
    map.remove("removed");
    map.put("replaced", new Object());
    for (Iterator<Map.Entry<String, Object>> it = map.entrySet().iterator(); it.hasNext(); ) {
      if (it.next().getKey().equals("iterated")) {
        it.remove();
      }
    }
    WeakReference<Object> evicted = put(map, "evicted");
    for (int i = 0; i < 4; i++) {
      map.put("new" + i, new Object());
    }
    WeakReference<Object> cleared = put(map, "cleared");
    map.clear();

    assertTrue(Gc.cleared(expired), "expired");
    assertTrue(Gc.cleared(removed), "removed");
    assertTrue(Gc.cleared(replaced), "replaced");
    assertTrue(Gc.cleared(iterated), "removed by the iterator");
    assertTrue(Gc.cleared(evicted), "evicted");
    assertTrue(Gc.cleared(cleared), "cleared");
    assertTrue(causes.containsAll(List.of(RemovalCause.EXPIRED, RemovalCause.EXPLICIT,
        RemovalCause.REPLACED, RemovalCause.SIZE)), causes.toString());
  }

  @Test
  void longToObject_removedAndEvictedValues_released() {
    BoundedLong2ObjectMap<Object> map = SafeMaps.boundedLongToObject(2);
    Object first = new Object();
    WeakReference<Object> evicted = new WeakReference<>(first);
    map.put(1L, first);
    first = null;
    Object second = new Object();
    WeakReference<Object> removed = new WeakReference<>(second);
    map.put(2L, second);
    second = null;
    map.remove(2L);
    map.put(3L, new Object());
    map.put(4L, new Object());
    assertFalse(map.containsKey(1L));
    assertTrue(Gc.cleared(evicted), "evicted");
    assertTrue(Gc.cleared(removed), "removed");
  }

  @Test
  void objectToLong_evictedAndRemovedKeys_released() {
    BoundedObject2LongMap<Object> map = SafeMaps.boundedObjectToLong(1);
    Object key = new Object();
    WeakReference<Object> evicted = new WeakReference<>(key);
    map.put(key, 1L);
    key = null;
    map.put(new Object(), 2L);
    assertEquals(1, map.size());
    assertTrue(Gc.cleared(evicted), "evicted key");

    BoundedSet<Object> set = SafeSets.builder().maximumSize(10).singleThreaded().build();
    Object element = new Object();
    WeakReference<Object> removed = new WeakReference<>(element);
    set.add(element);
    set.remove(element);
    element = null;
    assertTrue(Gc.cleared(removed), "removed element");
  }

  @Test
  void throwingListener_isLoggedAndLeavesMapIntact() {
    BoundedMap<Integer, String> map = SafeMaps.builder()
        .maximumSize(2)
        .removalListener((k, v, cause) -> {
          throw new IllegalStateException("listener fails on purpose");
        })
        .singleThreaded()
        .<Integer, String>build();
    map.put(1, "a");
    map.put(2, "b");
    map.put(3, "c");
    map.put(3, "d");
    map.remove(2);
    assertEquals(Map.of(3, "d"), new HashMap<>(map), "1 evicted, 3 replaced, 2 removed");
    ((TableBacked) map).table().validate();
  }

  private static WeakReference<Object> put(Map<String, Object> map, String key) {
    Object value = new Object();
    map.put(key, value);
    return new WeakReference<>(value);
  }
}
