package dev.safecollections.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.SafeCollection;
import dev.safecollections.SafeLists;
import dev.safecollections.SafeMaps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectionReportTest {

  @Test
  void rows_sortedByEstimatedBytes_inTextAndJson() {
    CollectionRegistry registry = CollectionRegistry.create();
    Map<Integer, String> big = SafeMaps.builder().maximumSize(10_000).name("big").build();
    List<String> small = SafeLists.builder().maximumSize(10).name("small \"list\"").build();
    Map<Integer, String> mid = SafeMaps.builder().maximumSize(1_000).name("mid").build();
    for (int i = 0; i < 5000; i++) {
      big.put(i, "v");
    }
    for (int i = 0; i < 500; i++) {
      mid.put(i, "v");
    }
    small.add("x");
    registry.register((SafeCollection) small);
    registry.register((SafeCollection) mid);
    registry.register((SafeCollection) big);
    CollectionReport report = CollectionReport.of(registry);
    assertEquals(List.of("big", "mid", "small \"list\""),
        report.rows().stream().map(CollectionReport.Row::name).collect(
            java.util.stream.Collectors.toList()));
    String text = report.text();
    System.out.print(text);
    String[] lines = text.split("\n");
    assertEquals(4, lines.length);
    assertTrue(lines[0].startsWith("name "), lines[0]);
    assertTrue(lines[1].startsWith("big ") && lines[1].contains(" 5,000 "), lines[1]);
    String json = report.json();
    System.out.println(json);
    assertTrue(json.startsWith("[\n  {\"name\": \"big\", \"type\": \"ConcurrentBoundedMap\","
        + " \"size\": 5000, \"bound\": 10000,"), json);
    assertTrue(json.contains("{\"name\": \"small \\\"list\\\"\", \"type\": \"BoundedList\","),
        json);
    assertEquals("[]", CollectionReport.of(CollectionRegistry.create()).json());
  }

  @Test
  void quote_escapesControlCharacters() {
    assertEquals("\"a\\tb\\u0001\\\\\"", CollectionReport.quote("a\tb\u0001\\"));
  }
}
