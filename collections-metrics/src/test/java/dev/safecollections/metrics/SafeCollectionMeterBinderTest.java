package dev.safecollections.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.SafeCollection;
import dev.safecollections.SafeMaps;
import dev.safecollections.testkit.probe.Reachability;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeCollectionMeterBinderTest {

  private static double gauge(SimpleMeterRegistry r, String meter, String name) {
    return r.get(meter).tag("name", name).gauge().value();
  }

  private static double counter(SimpleMeterRegistry r, String meter, String name, String k,
      String v) {
    return r.get(meter).tag("name", name).tag(k, v).functionCounter().count();
  }

  @Test
  void meters_readTheLiveCollection_withNameAndTypeTags() {
    CollectionRegistry registry = CollectionRegistry.create();
    Map<Integer, String> cache = SafeMaps.builder().maximumSize(100).name("users")
        .recordMetrics().singleThreaded().build();
    registry.register((SafeCollection) cache);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    new SafeCollectionMeterBinder(registry, Tags.of("app", "test")).bindTo(meters);
    for (int i = 0; i < 250; i++) {
      cache.put(i, "u" + i);
    }
    cache.get(249);
    cache.get(0);
    cache.remove(249);
    cache.put(248, "replaced");
    assertEquals(99, gauge(meters, "safecollections.size", "users"));
    assertEquals(100, gauge(meters, "safecollections.bound", "users"));
    assertEquals(100, gauge(meters, "safecollections.peak.size", "users"));
    assertEquals(((SafeCollection) cache).metrics().capacity().getAsLong(),
        gauge(meters, "safecollections.capacity", "users"));
    assertTrue(gauge(meters, "safecollections.estimated.bytes", "users") > 1000);
    assertEquals(1, counter(meters, "safecollections.gets", "users", "result", "hit"));
    assertEquals(1, counter(meters, "safecollections.gets", "users", "result", "miss"));
    assertEquals(150, counter(meters, "safecollections.evictions", "users", "cause", "size"));
    assertEquals(1, counter(meters, "safecollections.removals", "users", "cause", "explicit"));
    assertEquals(1, counter(meters, "safecollections.removals", "users", "cause", "replaced"));
    assertTrue(counter(meters, "safecollections.resizes", "users", "direction", "grow") >= 3);
    assertEquals(250, meters.get("safecollections.puts").tag("name", "users").functionCounter()
        .count());
    assertEquals("BoundedMap", meters.get("safecollections.size").tag("name", "users").gauge()
        .getId().getTag("type"));
    assertEquals("test", meters.get("safecollections.size").tag("name", "users").gauge()
        .getId().getTag("app"));
  }

  @Test
  void laterRegistrations_areBound_andCollectedOnesLoseTheirMeters() {
    CollectionRegistry registry = CollectionRegistry.create();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    new SafeCollectionMeterBinder(registry).bindTo(meters);
    WeakReference<Object> ref = registerTemporary(registry);
    assertEquals(1, gauge(meters, "safecollections.size", "temporary"));
    Reachability.assertCollected(ref, "a collection held only by the meters");
    assertTrue(Reachability.gcUntil(() -> {
      registry.expunge();
      return meters.find("safecollections.size").tag("name", "temporary").gauge() == null;
    }), "meters removed once the collection is collected");
    assertTrue(meters.getMeters().isEmpty(), meters.getMeters().toString());
  }

  private static WeakReference<Object> registerTemporary(CollectionRegistry registry) {
    Map<String, String> m = SafeMaps.builder().maximumSize(10).name("temporary")
        .recordMetrics().build();
    m.put("k", "v");
    registry.register((SafeCollection) m);
    return new WeakReference<>(m);
  }

  @Test
  void sameNameAndType_bindsTheFirstOnly_andCloseRemovesAll() {
    CollectionRegistry registry = CollectionRegistry.create();
    Map<String, String> a = SafeMaps.builder().maximumSize(10).name("dup").build();
    Map<String, String> b = SafeMaps.builder().maximumSize(10).name("dup").build();
    a.put("x", "1");
    registry.register((SafeCollection) a);
    registry.register((SafeCollection) b);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    SafeCollectionMeterBinder binder = new SafeCollectionMeterBinder(registry);
    binder.bindTo(meters);
    assertEquals(1, gauge(meters, "safecollections.size", "dup"), "the first one's");
    registry.unregister((SafeCollection) a);
    assertEquals(0, gauge(meters, "safecollections.size", "dup"), "the second takes over");
    registry.register((SafeCollection) a);
    assertEquals(0, gauge(meters, "safecollections.size", "dup"), "and keeps them");
    binder.close();
    assertTrue(meters.getMeters().isEmpty());
    registry.register((SafeCollection) SafeMaps.builder().maximumSize(1).name("after").build());
    assertNull(meters.find("safecollections.size").tag("name", "after").gauge(),
        "a closed binder no longer follows the registry");
  }

  @Test
  void expiringMap_countsExpirations_underTheExpiredCause() {
    FakeTicker ticker = new FakeTicker();
    Map<String, String> m = SafeMaps.builder().maximumSize(10)
        .expireAfterWrite(Duration.ofSeconds(1)).ticker(ticker).name("ttl")
        .recordMetrics().singleThreaded().build();
    CollectionRegistry registry = CollectionRegistry.create();
    registry.register((SafeCollection) m);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    new SafeCollectionMeterBinder(registry).bindTo(meters);
    m.put("a", "1");
    m.put("b", "2");
    ticker.advance(Duration.ofSeconds(2));
    ((SafeCollection) m).cleanUp();
    assertEquals(2, counter(meters, "safecollections.evictions", "ttl", "cause", "expired"));
    assertEquals(0, gauge(meters, "safecollections.size", "ttl"));
  }
}
