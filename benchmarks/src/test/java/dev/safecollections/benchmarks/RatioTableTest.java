package dev.safecollections.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatioTableTest {
  private static String result(String benchmark, int threads, String params, double score,
      String rawData) {
    return "{\"benchmark\" : \"dev.safecollections.benchmarks." + benchmark + "\", \"threads\" : "
        + threads + ", \"params\" : {" + params + "}, \"primaryMetric\" : {\"score\" : " + score
        + ", \"scoreError\" : \"NaN\", \"scoreUnit\" : \"ops/us\", \"rawData\" : " + rawData
        + "}}";
  }

  @SuppressWarnings("unchecked")
  private static List<RatioTable.Result> parse(String json) {
    List<RatioTable.Result> results = new ArrayList<>();
    for (Object run : (List<Object>) Json.parse(json)) {
      results.add(RatioTable.result((Map<String, Object>) run));
    }
    return results;
  }

  @Test
  void table_pairsOursWithItsBaselineOfTheSameWorkloadAndThreads() {
    String json = "[" + String.join(",",
        result("ObjectMapSuite.get", 1, "\"impl\" : \"SafeMaps.bounded\"", 2.0, "[[2.0]]"),
        result("ObjectMapSuite.get", 1, "\"impl\" : \"Caffeine\"", 4.0, "[[3.0, 5.0]]"),
        result("ObjectMapSuite.get", 2, "\"impl\" : \"Caffeine\"", 9.0, "[[9.0, 9.0]]"),
        result("ObjectMapSuite.get", 1, "\"impl\" : \"ConcurrentHashMap\"", 8.0, "[[8.0]]"),
        result("ObjectMapSuite.put", 1, "\"impl\" : \"SafeMaps.bounded\"", 3.0,
            "[[2.7], [3.3]]"),
        result("ObjectMapSuite.put", 1, "\"impl\" : \"Caffeine\"", 3.0, "[[2.7, 3.3]]"),
        result("MetricsOverheadBenchmark.get", 1,
            "\"backend\" : \"bounded\", \"metrics\" : \"on\"", 1.0, "[[1.0e0, 1E0]]"),
        result("MetricsOverheadBenchmark.get", 1,
            "\"backend\" : \"bounded\", \"metrics\" : \"off\"", 1.0, "[[1, 1]]"),
        result("MetricsOverheadBenchmark.get", 1,
            "\"backend\" : \"singleThreaded\", \"metrics\" : \"off\"", 5.0, "[[5, 5]]")) + "]";
    String table = RatioTable.table(parse(json), false);
    assertTrue(table.contains("| `SafeMaps.bounded` | `Caffeine` | get | 1 | 2.00 | 4.00 | 0.50x"
        + " | ≥ 0.80x **short** |"), table);
    assertTrue(table.contains("| `SafeMaps.bounded` | `Caffeine` | put | 1 | 3.00 | 3.00 | 1.00x"
        + " ±20% | ≥ 0.80x met |"), table);
    assertTrue(table.contains("| `bounded, metrics on` | `bounded, metrics off` | get | 1 | 1.00"
        + " | 1.00 | 1.00x ±0% | ≥ 0.95x met |"), table);
    assertFalse(table.contains("| get | 2 |"), "no row without ours at 2 threads: " + table);
    assertFalse(table.contains("singleThreaded"), "no row without ours: " + table);
    assertTrue(table.contains("Short of the target in this run: `SafeMaps.bounded` over"
        + " `Caffeine`, get, 1 thread: 0.50x (target 0.80x)."), table);
    assertTrue(table.contains("| `SafeMaps.bounded` | `ConcurrentHashMap` | get | 1 | 2.00 | 8.00"
        + " | 0.25x |  |"), table);
    String targets = RatioTable.table(parse(json), true);
    assertFalse(targets.contains("ConcurrentHashMap"), targets);
    assertTrue(targets.contains("| `SafeMaps.bounded` | `Caffeine` | get | 1 |"), targets);
  }

  @Test
  void json_readsWhatJmhWrites() {
    Object value = Json.parse(" {\"a\" : [1, -2.5e1, true, false, null, \"x\\\"\\u00e9\\n\"],"
        + " \"b\" : {}, \"c\" : []} ");
    assertEquals(Map.of("a", Arrays.asList(1.0, -25.0, true, false, null, "x\"é\n"),
        "b", Map.of(), "c", List.of()), value);
    assertEquals(Double.NaN, Json.number("NaN"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2] x"));
    assertEquals("trailing text at offset 7", e.getMessage());
    for (String truncated : List.of("[1, ", "{\"a\" : ", "{\"a", "[\"x\\")) {
      e = assertThrows(IllegalArgumentException.class, () -> Json.parse(truncated), truncated);
      assertEquals("unexpected end at offset " + truncated.length(), e.getMessage());
    }
  }

  @Test
  void readmeSection_replacesOnlyBetweenItsMarkers(@TempDir Path dir) throws IOException {
    Path readme = dir.resolve("README.md");
    Files.writeString(readme, "top\n<!-- ratios:begin -->\nold\n<!-- ratios:end -->\nbottom\n");
    ReadmeSection.replace(readme, "ratios", "new table\n\n");
    assertEquals("top\n<!-- ratios:begin -->\nnew table\n<!-- ratios:end -->\nbottom\n",
        Files.readString(readme));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReadmeSection.replace(readme, "footprint", "x"));
    assertTrue(e.getMessage().contains("<!-- footprint:begin -->"), e.getMessage());
  }
}
