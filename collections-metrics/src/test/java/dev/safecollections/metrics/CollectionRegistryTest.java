package dev.safecollections.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.SafeCollection;
import dev.safecollections.SafeLists;
import dev.safecollections.SafeMaps;
import dev.safecollections.testkit.probe.Reachability;
import dev.safecollections.SafeQueues;
import dev.safecollections.SafeSets;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CollectionRegistryTest {

  @Test
  void global_holdsCollectionsBuiltWithNameAndMetrics_only() {
    Map<String, String> named = SafeMaps.builder().maximumSize(10).name("registry-test-named")
        .recordMetrics().build();
    Map<String, String> unnamed = SafeMaps.builder().maximumSize(10).recordMetrics().build();
    Map<String, String> quiet = SafeMaps.builder().maximumSize(10).name("registry-test-quiet")
        .build();
    List<SafeCollection> listed = CollectionRegistry.global().collections().stream()
        .map(c -> c.collection().orElse(null)).collect(Collectors.toList());
    assertTrue(listed.stream().anyMatch(c -> c == named), "named with metrics");
    assertFalse(listed.stream().anyMatch(c -> c == unnamed), "no name");
    assertFalse(listed.stream().anyMatch(c -> c == quiet), "no metrics");
  }

  @Test
  void global_typesEveryKindOfCollection() {
    List<Object> keep = List.of(
        SafeMaps.builder().maximumSize(10).name("t-caffeine").recordMetrics().build(),
        SafeMaps.builder().maximumSize(10).name("t-table").recordMetrics().singleThreaded()
            .build(),
        SafeMaps.builder().maximumSize(10).name("t-l2l").recordMetrics().singleThreaded()
            .buildLongToLong(),
        SafeMaps.builder().maximumSize(10).name("t-lockfree").recordMetrics()
            .buildConcurrentLongToObject(),
        SafeSets.builder().maximumSize(10).name("t-set").recordMetrics().build(),
        SafeLists.builder().maximumSize(10).name("t-list").recordMetrics().build(),
        SafeLists.builder().maximumSize(10).name("t-longs").recordMetrics().buildLongs(),
        SafeQueues.builder().capacity(10).name("t-queue").recordMetrics().build());
    Map<String, String> types = CollectionRegistry.global().collections().stream()
        .filter(c -> c.name().startsWith("t-"))
        .collect(Collectors.toMap(RegisteredCollection::name, RegisteredCollection::type));
    assertEquals(Map.of("t-caffeine", "ConcurrentBoundedMap", "t-table", "BoundedMap",
        "t-l2l", "BoundedLong2LongMap", "t-lockfree", "ConcurrentBoundedLong2ObjectMap",
        "t-set", "BoundedSet", "t-list", "BoundedList", "t-longs", "BoundedLongList",
        "t-queue", "BoundedQueue"), types, "one entry each, the set's map not listed apart");
    assertEquals(8, keep.size());
  }

  @Test
  void register_isIdempotent_andUnregisterTellsListeners() {
    CollectionRegistry r = CollectionRegistry.create();
    List<String> heard = new ArrayList<>();
    r.addListener(new CollectionRegistry.Listener() {
      @Override public void registered(RegisteredCollection c) { heard.add("+" + c.name()); }
      @Override public void unregistered(RegisteredCollection c) { heard.add("-" + c.name()); }
    });
    Map<String, String> m = SafeMaps.builder().maximumSize(10).name("a").build();
    RegisteredCollection first = r.register((SafeCollection) m);
    assertSame(first, r.register((SafeCollection) m));
    assertEquals(1, r.collections().size());
    assertTrue(r.unregister((SafeCollection) m));
    assertFalse(r.unregister((SafeCollection) m));
    assertEquals(List.of("+a", "-a"), heard);
    assertEquals(List.of(), r.collections());
    assertThrows(NullPointerException.class, () -> r.register(null));
  }

  @Test
  void collectedCollection_leavesRegistry_andListenersHearIt() {
    CollectionRegistry r = CollectionRegistry.create();
    List<String> gone = new ArrayList<>();
    r.addListener(new CollectionRegistry.Listener() {
      @Override public void registered(RegisteredCollection c) { }
      @Override public void unregistered(RegisteredCollection c) { gone.add(c.name()); }
    });
    Map<String, String> kept = SafeMaps.builder().maximumSize(10).name("kept").build();
    r.register((SafeCollection) kept);
    WeakReference<Object> ref = registerTemporary(r);
    assertEquals(2, r.collections().size());
    Reachability.assertCollected(ref, "a collection held only by the registry");
    assertTrue(Reachability.gcUntil(() -> r.collections().size() == 1), "collected entry expunged");
    assertEquals(List.of("dropped"), gone);
    assertEquals("kept", r.collections().get(0).name());
  }

  private static WeakReference<Object> registerTemporary(CollectionRegistry r) {
    Map<String, String> m = SafeMaps.builder().maximumSize(10).name("dropped").build();
    m.put("k", "v");
    r.register((SafeCollection) m);
    return new WeakReference<>(m);
  }
}
