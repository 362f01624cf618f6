package dev.safecollections.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.SafeCollection;
import dev.safecollections.SafeLists;
import dev.safecollections.SafeMaps;
import dev.safecollections.testkit.probe.Reachability;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** Through the platform MBean server, as JConsole or a JMX exporter sees it. */
class JmxExporterTest {
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  @Test
  void mbean_perCollection_withItsMetricsAsAttributes() throws Exception {
    CollectionRegistry registry = CollectionRegistry.create();
    Map<String, String> sessions = SafeMaps.builder().maximumSize(50).name("jmx \"sessions\"")
        .recordMetrics().build();
    List<String> events = SafeLists.builder().maximumSize(5).name("jmx-events")
        .recordMetrics().build();
    registry.register((SafeCollection) sessions);
    try (JmxExporter exporter = JmxExporter.register(registry, server)) {
      registry.register((SafeCollection) events);
      for (int i = 0; i < 80; i++) {
        sessions.put("s" + i, "v");
        events.add("e" + i);
      }
      ((SafeCollection) sessions).cleanUp();
      ObjectName s = JmxExporter.objectName("ConcurrentBoundedMap", "jmx \"sessions\"");
      ObjectName e = new ObjectName("dev.safecollections:type=BoundedList,name=\"jmx-events\"");
      assertEquals(50L, server.getAttribute(s, "Size"));
      assertEquals(50L, server.getAttribute(s, "Bound"));
      assertEquals(30L, server.getAttribute(s, "EvictionCount"));
      assertEquals(80L, server.getAttribute(s, "InsertionCount"));
      assertEquals("jmx \"sessions\"", server.getAttribute(s, "Name"));
      assertTrue((Long) server.getAttribute(s, "Capacity") >= 64);
      assertTrue((Long) server.getAttribute(s, "EstimatedBytes") > 0);
      assertEquals(5L, server.getAttribute(e, "Size"));
      assertEquals(75L, server.getAttribute(e, "EvictionCount"));
      assertEquals(-1L, server.getAttribute(e, "MaximumBytes"));
      exporter.close();
      assertFalse(server.isRegistered(s));
      assertFalse(server.isRegistered(e));
    }
  }

  @Test
  void collectedCollection_losesItsMBean() {
    CollectionRegistry registry = CollectionRegistry.create();
    try (JmxExporter exporter = JmxExporter.register(registry, server)) {
      WeakReference<Object> ref = registerTemporary(registry);
      ObjectName name = JmxExporter.objectName("ConcurrentBoundedMap", "jmx-temporary");
      assertTrue(server.isRegistered(name));
      Reachability.assertCollected(ref, "a collection held only by the MBean");
      assertTrue(Reachability.gcUntil(() -> {
        registry.expunge();
        return !server.isRegistered(name);
      }));
    }
  }

  private static WeakReference<Object> registerTemporary(CollectionRegistry registry) {
    Map<String, String> m = SafeMaps.builder().maximumSize(10).name("jmx-temporary").build();
    registry.register((SafeCollection) m);
    return new WeakReference<>(m);
  }

  @Test
  void sameName_getsItsIdAppended() throws Exception {
    CollectionRegistry registry = CollectionRegistry.create();
    Map<String, String> a = SafeMaps.builder().maximumSize(10).name("jmx-dup").build();
    Map<String, String> b = SafeMaps.builder().maximumSize(20).name("jmx-dup").build();
    registry.register((SafeCollection) a);
    RegisteredCollection second = registry.register((SafeCollection) b);
    try (JmxExporter exporter = JmxExporter.register(registry, server)) {
      ObjectName first = JmxExporter.objectName("ConcurrentBoundedMap", "jmx-dup");
      assertEquals(10L, server.getAttribute(first, "Bound"));
      assertEquals(20L, server.getAttribute(new ObjectName(first + ",id=" + second.id()),
          "Bound"));
    }
  }
}
