package dev.safecollections.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.ConcurrentBoundedMap;
import dev.safecollections.SafeMaps;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's metrics snippets, compiled and run. Keep the two in step. */
class Snippets {

  @Test
  void metrics() {
    MeterRegistry meterRegistry = new SimpleMeterRegistry();
    List<String> pages = new ArrayList<>();
    // --- README: metrics ---
    ConcurrentBoundedMap<String, byte[]> thumbnails = SafeMaps.builder()
        .maximumSize(10_000)
        .name("thumbnails").recordMetrics()      // a name and metrics: it registers itself
        .build();
    CollectionRegistry registry = CollectionRegistry.global();   // held weakly

    new SafeCollectionMeterBinder(registry).bindTo(meterRegistry);  // safecollections.* meters
    JmxExporter jmx = JmxExporter.register(registry);     // dev.safecollections:type=..,name=..
    JfrEvents jfr = JfrEvents.install(registry);          // Resize, EvictionBurst, BoundReached
    GrowthWatchdog watchdog = GrowthWatchdog.builder(registry)
        .nearBound(0.9, Duration.ofMinutes(5))  // at >= 90% of the bound for 5 minutes
        .growingSamples(30)                     // or growing at 30 samples in a row
        .listener(alert -> pages.add(alert.message()))
        .build()
        .start();                               // every 10 s on one shared daemon thread
    System.out.println(CollectionReport.of(registry).text());   // or .json()
    // --- end ---
    thumbnails.put("a", new byte[10]);
    assertEquals(1, meterRegistry.get("safecollections.size").tag("name", "thumbnails").gauge()
        .value());
    assertTrue(CollectionReport.of(registry).text().contains("thumbnails"));
    watchdog.close();
    jfr.close();
    jmx.close();
  }
}
