package dev.safecollections.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.SafeCollection;
import dev.safecollections.SafeMaps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records the events with a real JFR recording and reads them back from its file. */
class JfrEventsTest {

  @Test
  void resizeBurstAndBound_areRecorded(@TempDir Path dir) throws Exception {
    CollectionRegistry registry = CollectionRegistry.create();
    Path file = dir.resolve("events.jfr");
    try (Recording recording = new Recording();
        JfrEvents events = JfrEvents.builder(registry).minimumResizeCapacity(1024)
            .burstEvictions(500).period(Duration.ofHours(1)).install()) {
      recording.enable(JfrEvents.RESIZE);
      recording.enable(JfrEvents.EVICTION_BURST);
      recording.enable(JfrEvents.BOUND_REACHED);
      recording.start();
      Map<Integer, Integer> table = SafeMaps.builder().maximumSize(4096).name("jfr-table")
          .recordMetrics().singleThreaded().build();
      registry.register((SafeCollection) table);
      events.sample();
      for (int i = 0; i < 5000; i++) {   // grows 16 -> ... -> 4096, then evicts 904
        table.put(i, i);
      }
      events.sample();
      events.sample();                   // still at the bound: no second bound event
      recording.stop();
      recording.dump(file);
    }
    List<RecordedEvent> all = RecordingFile.readAllEvents(file);
    List<String> resizes = all.stream()
        .filter(e -> e.getEventType().getName().equals(JfrEvents.RESIZE))
        .filter(e -> e.getString("name").equals("jfr-table"))
        .map(e -> e.getLong("fromCapacity") + "->" + e.getLong("toCapacity"))
        .collect(Collectors.toList());
    assertEquals(List.of("512->1024", "1024->2048", "2048->4096"), resizes,
        "resizes to or from 1,024 slots or more");
    List<RecordedEvent> bursts = all.stream()
        .filter(e -> e.getEventType().getName().equals(JfrEvents.EVICTION_BURST))
        .collect(Collectors.toList());
    assertEquals(1, bursts.size());
    assertEquals(904, bursts.get(0).getLong("evictions"));
    assertEquals("jfr-table", bursts.get(0).getString("name"));
    List<RecordedEvent> bounds = all.stream()
        .filter(e -> e.getEventType().getName().equals(JfrEvents.BOUND_REACHED))
        .collect(Collectors.toList());
    assertEquals(1, bounds.size());
    assertEquals(4096, bounds.get(0).getLong("bound"));
    assertTrue(bounds.get(0).getLong("estimatedBytes") > 0);
    assertTrue(Files.size(file) > 0);
  }
}
