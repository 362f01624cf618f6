package dev.safecollections.benchmarks;

import dev.safecollections.benchmarks.LeakDemo.Run;
import dev.safecollections.benchmarks.LeakDemo.Sample;
import dev.safecollections.benchmarks.LeakScenarios.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the leak demo's report: {@code samples.csv} (every sample of every run) and {@code
 * index.html}, one chart per scenario of used heap after GC over time, drawn here as inline
 * SVG so the page needs nothing from the network.
 */
final class LeakReport {
  private static final String[] OURS_COLORS = {"#1e8449", "#2471a3", "#7d3c98"};
  static final double MIB = 1024.0 * 1024.0;
  private static final String TODAY_COLOR = "#c0392b";
  private static final int WIDTH = 760;
  private static final int HEIGHT = 300;
  private static final int LEFT = 64;
  private static final int RIGHT = 20;
  private static final int TOP = 16;
  private static final int BOTTOM = 44;

  private LeakReport() {}

  static void write(Path folder, String heap, List<Run> runs) throws IOException {
    StringBuilder csv = new StringBuilder(
        "scenario,collection,seconds,used_heap_bytes,entries,phase\n");
    for (Run run : runs) {
      for (Sample s : run.samples) {
        csv.append(run.scenario.id).append(',').append(quote(run.variant.label)).append(',')
            .append(String.format(Locale.ROOT, "%.3f", s.millis / 1e3)).append(',')
            .append(s.used).append(',').append(s.size).append(',').append(s.phase).append('\n');
      }
    }
    Files.writeString(folder.resolve("samples.csv"), csv, StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("index.html"), html(heap, runs), StandardCharsets.UTF_8);
  }

  private static String quote(String field) {
    return "\"" + field.replace("\"", "\"\"") + "\"";
  }

  private static String html(String heap, List<Run> runs) {
    Map<Scenario, List<Run>> byScenario = new LinkedHashMap<>();
    for (Run run : runs) {
      byScenario.computeIfAbsent(run.scenario, s -> new ArrayList<>()).add(run);
    }
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<title>safe-collections leak demo</title>\n<style>\n")
        .append("body{font:15px/1.45 system-ui,sans-serif;max-width:820px;margin:24px auto;"
            + "padding:0 16px;color:#222}\n")
        .append("h1{font-size:24px}h2{font-size:19px;margin-top:36px}\n")
        .append("table{border-collapse:collapse;margin:8px 0}td,th{padding:3px 10px;"
            + "border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child,"
            + "td.l,th.l{text-align:left}\n")
        .append(".sw{display:inline-block;width:14px;height:4px;margin-right:6px;"
            + "vertical-align:middle}.oom{color:#c0392b;font-weight:600}.meta{color:#666}\n")
        .append("svg text{font:12px system-ui,sans-serif;fill:#444}\n")
        .append("</style></head><body>\n<h1>safe-collections: the leak demo</h1>\n")
        .append("<p>Each scenario runs the same workload once with the collection people write"
            + " today and once with safe-collections, each in its own JVM with <code>-Xmx")
        .append(esc(heap)).append("</code>. The charts show the heap in use right after a full"
            + " GC, that is, what the program keeps reachable.</p>\n")
        .append("<p class=\"meta\">").append(esc(ZonedDateTime.now()
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))).append(" &middot; ")
        .append(esc(System.getProperty("java.vm.name"))).append(' ')
        .append(esc(System.getProperty("java.version"))).append(" &middot; ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores &middot; ")
        .append(esc(System.getProperty("os.name"))).append(' ')
        .append(esc(System.getProperty("os.arch")))
        .append(" &middot; raw data: <a href=\"samples.csv\">samples.csv</a></p>\n");
    h.append("<table><tr><th>failure</th><th class=\"l\">collection</th><th class=\"l\">"
        + "outcome</th><th>peak MiB</th><th>end MiB</th><th>entries at end</th></tr>\n");
    for (Run run : runs) {
      h.append("<tr><td>").append(run.scenario.id).append("</td><td class=\"l\"><code>")
          .append(esc(run.variant.label)).append("</code></td><td class=\"l")
          .append(run.oom ? " oom" : "").append("\">").append(esc(run.outcome))
          .append("</td><td>").append(mib(run.peakUsed())).append("</td><td>")
          .append(run.oom ? "&ndash;" : mib(run.lastUsed())).append("</td><td>")
          .append(String.format("%,d", run.endSize)).append("</td></tr>\n");
    }
    h.append("</table>\n");
    for (Map.Entry<Scenario, List<Run>> e : byScenario.entrySet()) {
      Scenario scenario = e.getKey();
      h.append("<h2 id=\"").append(scenario.id).append("\">").append(scenario.id).append(": ")
          .append(esc(scenario.title))
          .append("</h2>\n<p>").append(esc(scenario.story)).append("</p>\n");
      h.append(chart(e.getValue()));
      h.append("<p>");
      List<String> colors = colors(e.getValue());
      for (int i = 0; i < e.getValue().size(); i++) {
        Run run = e.getValue().get(i);
        String color = colors.get(i);
        h.append("<span class=\"sw\" style=\"background:").append(color).append("\"></span><code>")
            .append(esc(run.variant.label)).append("</code>: ").append(verdict(run))
            .append("<br>\n");
      }
      h.append("</p>\n");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  /** Each run's line colour: red for today's code, then green, blue, purple for ours. */
  private static List<String> colors(List<Run> runs) {
    List<String> colors = new ArrayList<>();
    int ours = 0;
    for (Run run : runs) {
      colors.add(run.variant.today ? TODAY_COLOR : OURS_COLORS[ours++ % OURS_COLORS.length]);
    }
    return colors;
  }

  private static String verdict(Run run) {
    if (run.oom) {
      return String.format("<span class=\"oom\">OutOfMemoryError after %.1f s</span>, holding"
          + " %,d entries; %s MiB reachable at the last sample.", run.endMillis / 1e3,
          run.endSize, mib(run.lastUsed()));
    }
    return String.format("%s; peak %s MiB, %s MiB at the end, %,d entries.", esc(run.outcome),
        mib(run.peakUsed()), mib(run.lastUsed()), run.endSize);
  }

  private static String chart(List<Run> runs) {
    long maxMillis = 1_000;
    long maxBytes = 0;
    for (Run run : runs) {
      maxBytes = Math.max(maxBytes, Math.max(run.maxHeap, run.peakUsed()));
      maxMillis = Math.max(maxMillis, run.endMillis);
      for (Sample s : run.samples) {
        maxMillis = Math.max(maxMillis, s.millis);
      }
    }
    double xMax = niceCeiling(maxMillis / 1e3);
    double yMax = niceCeiling(maxBytes / MIB * 1.05);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
        + " height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">\n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(idleBand(runs, xMax, plotW, plotH));
    double yStep = niceStep(yMax);
    for (double y = 0; y <= yMax + 1e-9; y += yStep) {
      double py = TOP + plotH - y / yMax * plotH;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\""
          + " stroke=\"#e5e5e5\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>\n",
          LEFT, LEFT + plotW, py, py, LEFT - 6, py + 4, y));
    }
    double xStep = niceStep(xMax);
    for (double x = 0; x <= xMax + 1e-9; x += xStep) {
      double px = LEFT + x / xMax * plotW;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\""
          + " stroke=\"#bbb\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
          px, px, TOP + plotH, TOP + plotH + 5, px, TOP + plotH + 19, trim(x)));
    }
    svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds</text>\n",
        LEFT + plotW / 2, HEIGHT - 6));
    svg.append(String.format("<text transform=\"translate(14,%d) rotate(-90)\""
        + " text-anchor=\"middle\">MiB used after GC</text>\n", TOP + plotH / 2));
    long heap = runs.get(0).maxHeap;
    if (heap > 0) {
      double py = TOP + plotH - heap / MIB / yMax * plotH;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\""
          + " stroke=\"#888\" stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%.1f\""
          + " text-anchor=\"end\">heap limit %.0f MiB</text>\n", LEFT, LEFT + plotW, py, py,
          LEFT + plotW - 4, py - 5, heap / MIB));
    }
    List<String> colors = colors(runs);
    for (int i = 0; i < runs.size(); i++) {
      Run run = runs.get(i);
      String color = colors.get(i);
      StringBuilder points = new StringBuilder();
      double lastX = LEFT;
      double lastY = TOP + plotH;
      for (Sample s : run.samples) {
        lastX = LEFT + s.millis / 1e3 / xMax * plotW;
        lastY = TOP + plotH - s.used / MIB / yMax * plotH;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", lastX, lastY));
      }
      svg.append(String.format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\""
          + " points=\"%s\"/>\n", color, points.toString().trim()));
      if (run.oom) {
        double ox = LEFT + run.endMillis / 1e3 / xMax * plotW;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\""
            + " y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"2 3\"/>", lastX, lastY, ox, lastY,
            color));
        svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fl8 8m0 -8l-8 8\""
            + " stroke=\"%s\" stroke-width=\"3\"/><text x=\"%.1f\" y=\"%.1f\" fill=\"%s\""
            + " style=\"fill:%s;font-weight:600\">OutOfMemoryError</text>\n", ox - 4, lastY - 4,
            color, Math.min(ox + 8, LEFT + plotW - 120.0), lastY + 18, color, color));
      }
    }
    svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
        + " stroke=\"#999\"/>\n</svg>\n", LEFT, TOP, plotW, plotH));
    return svg.toString();
  }

  /** Shades the part of the time axis where the workload was idle, if it had such a phase. */
  private static String idleBand(List<Run> runs, double xMax, int plotW, int plotH) {
    double from = Double.MAX_VALUE;
    double to = 0;
    for (Run run : runs) {
      Sample previous = null;
      for (Sample s : run.samples) {
        if (s.phase.equals("idle")) {
          from = Math.min(from, (previous == null ? s.millis : previous.millis) / 1e3);
          to = Math.max(to, s.millis / 1e3);
        }
        previous = s;
      }
    }
    if (to == 0) {
      return "";
    }
    double x1 = LEFT + from / xMax * plotW;
    double x2 = LEFT + to / xMax * plotW;
    return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\""
        + " fill=\"#f2f2f2\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">idle</text>\n",
        x1, TOP, x2 - x1, plotH, (x1 + x2) / 2, TOP + 16);
  }

  private static double niceCeiling(double value) {
    double step = niceStep(value);
    return Math.ceil(value / step) * step;
  }

  /** A round tick step giving four to ten ticks up to {@code max}. */
  private static double niceStep(double max) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double factor : new double[] {0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10}) {
      double step = factor * magnitude;
      if (max / step <= 10) {
        return step;
      }
    }
    return 10 * magnitude;
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / MIB);
  }

  private static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
