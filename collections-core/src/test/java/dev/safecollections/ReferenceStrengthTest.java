package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.testing.Gc;
import dev.safecollections.testing.ValidateMapsAfterEach;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Weak keys and weak values: entries leave with cause COLLECTED once the GC clears them. */
class ReferenceStrengthTest {

  @Test
  void weakValues_collectedValueLeavesTheMap() {
    List<RemovalCause> causes = new CopyOnWriteArrayList<>();
    ConcurrentBoundedMap<String, Object> map = SafeMaps.builder().maximumSize(10).weakValues()
        .recordMetrics().removalListener((k, v, cause) -> causes.add(cause)).build();
    WeakReference<Object> value = putUnreferencedValue(map, "a");
    Object kept = new Object();
    map.put("b", kept);
    assertTrue(Gc.cleared(value));
    assertNull(map.get("a"), "a cleared value is absent at once");
    assertTrue(Gc.eventually(() -> map.size() == 1), "size counts the entry until it is reclaimed");
    assertEquals(List.of(RemovalCause.COLLECTED), causes);
    assertEquals(1, map.metrics().collectedCount());
    assertEquals(kept, map.get("b"));
  }

  @Test
  void weakKeys_collectedKeyLeavesTheMapAndKeysCompareByIdentity() {
    List<RemovalCause> causes = new CopyOnWriteArrayList<>();
    ConcurrentBoundedMap<Object, String> map = SafeMaps.builder().maximumSize(10).weakKeys()
        .recordMetrics().removalListener((k, v, cause) -> causes.add(cause)).build();
    WeakReference<Object> key = putUnreferencedKey(map);
    String kept = new String("kept");
    map.put(kept, "value");
    assertNull(map.get(new String("kept")), "weak keys compare by identity");
    assertEquals("value", map.get(kept));
    assertTrue(Gc.cleared(key));
    assertTrue(Gc.eventually(() -> map.size() == 1));
    assertEquals(List.of(RemovalCause.COLLECTED), causes);
    ValidateMapsAfterEach.validate(map);
  }

  @Test
  void weakValues_storageFollowsContentOnceValuesAreCollected() {
    ConcurrentBoundedMap<Integer, Object> map =
        SafeMaps.builder().maximumSize(100_000).weakValues().recordMetrics().build();
    fillWithUnreferencedValues(map, 20_000);
    Object kept = new Object();
    // No removal by the caller: the writes' maintenance reclaims the collected entries, and
    // the shrinkage must still rebuild the backing store.
    assertTrue(Gc.eventually(() -> {
      map.put(-1, kept);
      return map.metrics().shrinkCount() >= 1;
    }), map.metrics().toString());
    assertEquals(kept, map.get(-1));
  }

  private static void fillWithUnreferencedValues(ConcurrentBoundedMap<Integer, Object> map, int n) {
    for (int i = 0; i < n; i++) {
      map.put(i, new Object());
    }
  }

  @Test
  void rejectingMap_collectedEntriesFreeTheirSlots() {
    ConcurrentBoundedMap<String, Object> map = SafeMaps.builder().maximumSize(1).weakValues()
        .overflowPolicy(OverflowPolicy.REJECT).build();
    WeakReference<Object> value = putUnreferencedValue(map, "a");
    assertTrue(Gc.cleared(value));
    assertTrue(Gc.eventually(() -> {
      map.cleanUp();
      return map.isEmpty();
    }));
    map.put("b", "fits once the collected entry is reclaimed");
    assertEquals(1, map.size());
  }

  private static WeakReference<Object> putUnreferencedValue(ConcurrentBoundedMap<String, Object> map, String key) {
    Object value = new byte[1024];
    map.put(key, value);
    return new WeakReference<>(value);
  }

  private static WeakReference<Object> putUnreferencedKey(ConcurrentBoundedMap<Object, String> map) {
    Object key = new Object();
    map.put(key, "gone");
    return new WeakReference<>(key);
  }
}
