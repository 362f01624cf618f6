package dev.safecollections.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.safecollections.SafeMaps;
import dev.safecollections.benchmarks.LeakScenarios.Scenario;
import dev.safecollections.benchmarks.LeakScenarios.Variant;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jctools.maps.NonBlockingHashMapLong;

/**
 * The main job: runs every failure scenario of {@link LeakScenarios} twice (or more), each
 * variant in a child JVM with a small heap, prints a table and writes {@code
 * target/leak-report/index.html} (charts drawn here as inline SVG) with the raw samples in
 * {@code samples.csv}.
 *
 * <p>Run with {@code mvn -B -q -DskipTests package exec:java -pl benchmarks -am}. System
 * properties: {@code leakdemo.out} (the report's folder, default {@code target/leak-report}
 * under the working directory), {@code leakdemo.heap} (the children's {@code -Xmx}, default
 * {@code 256m}), {@code leakdemo.only} (a scenario id such as {@code F4}, to run one).
 */
public final class LeakDemo {
  private static final long CHILD_TIMEOUT_SECONDS = 60;

  private LeakDemo() {}

  /** One variant's run: its samples and how it ended. */
  static final class Run {
    final Scenario scenario;
    final Variant variant;
    final List<Sample> samples = new ArrayList<>();
    long maxHeap;
    String outcome = "no output";
    long endMillis;
    long endSize;
    boolean oom;

    Run(Scenario scenario, Variant variant) {
      this.scenario = scenario;
      this.variant = variant;
    }

    long peakUsed() {
      return samples.stream().mapToLong(s -> s.used).max().orElse(0);
    }

    long lastUsed() {
      return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).used;
    }
  }

  /** Used heap right after a full GC, at one point of a run. */
  static final class Sample {
    final long millis;
    final long used;
    final long size;
    final String phase;

    Sample(long millis, long used, long size, String phase) {
      this.millis = millis;
      this.used = used;
      this.size = size;
      this.phase = phase;
    }
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Path out = Path.of(System.getProperty("leakdemo.out", "target/leak-report")).toAbsolutePath();
    String heap = System.getProperty("leakdemo.heap", "256m");
    String only = System.getProperty("leakdemo.only", "");
    Files.createDirectories(out);
    String classpath = classpath();
    List<Run> runs = new ArrayList<>();
    System.out.printf("Each scenario runs once per collection, each in its own JVM with"
        + " -Xmx%s; used heap is in MiB (2^20 bytes), measured right after a full GC.%n%n", heap);
    System.out.printf("%-4s %-42s %-20s %9s %9s %11s%n", "", "collection", "outcome",
        "peak MiB", "end MiB", "entries");
    for (Scenario scenario : LeakScenarios.all()) {
      if (!only.isEmpty() && !only.equalsIgnoreCase(scenario.id)) {
        continue;
      }
      for (Variant variant : scenario.variants) {
        Run run = run(scenario, variant, heap, classpath, out);
        runs.add(run);
        System.out.printf("%-4s %-42s %-20s %9s %9s %,11d%n", scenario.id, variant.label,
            run.outcome, LeakReport.mib(run.peakUsed()),
            run.oom ? "-" : LeakReport.mib(run.lastUsed()), run.endSize);
      }
    }
    LeakReport.write(out, heap, runs);
    System.out.printf("%nReport: %s%nSamples: %s%n", out.resolve("index.html"),
        out.resolve("samples.csv"));
  }

  private static Run run(Scenario scenario, Variant variant, String heap, String classpath,
      Path out)
      throws IOException, InterruptedException {
    Run run = new Run(scenario, variant);
    Path log = out.resolve(scenario.id + "-" + variant.id + ".stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-XX:+UseG1GC", "-cp", classpath,
        LeakScenarios.class.getName(), scenario.id, variant.id)
        .redirectError(log.toFile());
    Process process = builder.start();
    Thread reader = new Thread(() -> read(process, run), "leak-demo-reader");
    reader.start();
    if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      run.outcome = "killed after " + CHILD_TIMEOUT_SECONDS + " s";
    }
    reader.join();
    if (process.exitValue() != 0 && !run.outcome.startsWith("killed")) {
      run.outcome = "exit " + process.exitValue() + " (see " + log.getFileName() + ")";
    }
    if (Files.size(log) == 0) {
      Files.delete(log);
    }
    return run;
  }

  private static void read(Process process, Run run) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] f = line.split(" ");
        switch (f[0]) {
          case "MAX":
            run.maxHeap = Long.parseLong(f[1]);
            break;
          case "S":
            run.samples.add(new Sample(Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), f[4]));
            break;
          case "END":
            run.oom = f[1].equals("oom");
            run.endMillis = Long.parseLong(f[2]);
            run.endSize = Long.parseLong(f[3]);
            run.outcome = run.oom ? String.format("OOM after %.1f s", run.endMillis / 1e3)
                : "finished";
            break;
          default:
            System.out.println("  child: " + line);
        }
      }
    } catch (IOException e) {
      run.outcome = "lost output: " + e.getMessage();
    }
  }

  /** The folders or jars holding the demo and what it runs, for the children's class path. */
  private static String classpath() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> type : List.of(LeakDemo.class, SafeMaps.class, Caffeine.class,
        Long2LongOpenHashMap.class, NonBlockingHashMapLong.class)) {
      try {
        entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException("cannot locate " + type.getName(), e);
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }
}
