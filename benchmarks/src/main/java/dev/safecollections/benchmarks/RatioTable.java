package dev.safecollections.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads JMH's JSON result files and prints, as a Markdown table, each of our collections'
 * throughput over its baseline's measured in the same run, with the targets.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.safecollections.benchmarks.RatioTable
 * [--profile TEXT] [--targets-only] [--readme README.md [--section NAME]] result.json...};
 * {@code benchmarks/suite.sh} runs the suite and then this. With {@code --readme} it also
 * replaces the README's {@code ratios} section (or the one named by {@code --section}).
 */
public final class RatioTable {
  private RatioTable() {}

  /** Ours against one baseline: the same benchmark with one parameter set two ways. */
  static final class Comparison {
    final String benchmarkClass;
    final String param;
    final String ours;
    final String baseline;
    final double target;

    Comparison(String benchmarkClass, String param, String ours, String baseline, double target) {
      this.benchmarkClass = benchmarkClass;
      this.param = param;
      this.ours = ours;
      this.baseline = baseline;
      this.target = target;
    }
  }

  /** Targets from the issue; 0 where the row is for information. */
  static final List<Comparison> COMPARISONS = List.of(
      new Comparison("ObjectMapSuite", "impl", "SafeMaps.bounded", "Caffeine", 0.8),
      new Comparison("ObjectMapSuite", "impl", "SafeMaps.bounded", "ConcurrentHashMap", 0),
      new Comparison("ObjectMapSuite", "impl", "singleThreaded", "LinkedHashMap LRU", 1.0),
      new Comparison("ObjectMapSuite", "impl", "singleThreaded", "HashMap", 0),
      new Comparison("LongMapSuite", "impl", "boundedLongToLong", "fastutil open", 0.75),
      new Comparison("LongMapSuite", "impl", "boundedLongToLong", "fastutil linked LRU", 0.75),
      new Comparison("LongMapSuite", "impl", "concurrentLongToObject", "NonBlockingHashMapLong",
          0),
      new Comparison("ListSuite", "impl", "SafeLists.bounded", "ArrayList", 0),
      new Comparison("ListSuite", "impl", "SafeLists.bounded", "ArrayDeque", 0),
      new Comparison("QueueSuite", "impl", "SafeQueues.bounded", "MpmcArrayQueue", 0),
      new Comparison("QueueSuite", "impl", "SafeQueues.bounded", "ArrayBlockingQueue", 0),
      new Comparison("MetricsOverheadBenchmark", "metrics", "on", "off", 0.95));

  /** One JMH result. */
  static final class Result {
    final String benchmarkClass;
    final String method;
    final int threads;
    final Map<String, String> params;
    final double score;
    /** The standard deviation over the measured iterations. */
    final double deviation;

    Result(String benchmarkClass, String method, int threads, Map<String, String> params,
        double score, double deviation) {
      this.benchmarkClass = benchmarkClass;
      this.method = method;
      this.threads = threads;
      this.params = params;
      this.score = score;
      this.deviation = deviation;
    }

    /** Everything that must match between ours and the baseline but {@code param}. */
    String key(String param) {
      Map<String, String> others = new TreeMap<>(params);
      others.remove(param);
      return benchmarkClass + "." + method + " t" + threads + " " + others;
    }
  }

  public static void main(String[] args) throws IOException {
    String profile = "";
    String section = "ratios";
    boolean targetsOnly = false;
    Path readme = null;
    Instant measured = null;
    List<Result> results = new ArrayList<>();
    Map<String, Object> first = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--profile")) {
        profile = args[++i];
      } else if (args[i].equals("--readme")) {
        readme = Path.of(args[++i]);
      } else if (args[i].equals("--section")) {
        section = args[++i];
      } else if (args[i].equals("--targets-only")) {
        targetsOnly = true;
      } else {
        Instant written = Files.getLastModifiedTime(Path.of(args[i])).toInstant();
        measured = (measured == null || written.isAfter(measured)) ? written : measured;
        for (Object o : (List<?>) Json.parse(Files.readString(Path.of(args[i])))) {
          @SuppressWarnings("unchecked")
          Map<String, Object> run = (Map<String, Object>) o;
          first = first == null ? run : first;
          results.add(result(run));
        }
      }
    }
    if (first == null) {
      throw new IllegalArgumentException("no JMH results in " + String.join(" ", args));
    }
    String table = header(first, profile, LocalDate.ofInstant(measured, ZoneOffset.UTC))
        + table(results, targetsOnly);
    System.out.println(table);
    if (readme != null) {
      ReadmeSection.replace(readme, section, table);
    }
  }

  @SuppressWarnings("unchecked")
  static Result result(Map<String, Object> run) {
    String benchmark = (String) run.get("benchmark");
    String[] parts = benchmark.split("\\.");
    Map<String, String> params = new TreeMap<>();
    Object p = run.get("params");
    if (p != null) {
      ((Map<String, Object>) p).forEach((k, v) -> params.put(k, String.valueOf(v)));
    }
    Map<String, Object> metric = (Map<String, Object>) run.get("primaryMetric");
    return new Result(parts[parts.length - 2], parts[parts.length - 1],
        (int) Json.number(run.get("threads")), params, Json.number(metric.get("score")),
        deviation((List<Object>) metric.get("rawData")));
  }

  /**
   * The standard deviation of every measured iteration of every fork: JMH's own error (a 99.9%
   * interval) is hundreds of percent wide with the short profile's three iterations.
   */
  @SuppressWarnings("unchecked")
  static double deviation(List<Object> rawData) {
    List<Double> values = new ArrayList<>();
    if (rawData != null) {
      for (Object fork : rawData) {
        for (Object iteration : (List<Object>) fork) {
          values.add(Json.number(iteration));
        }
      }
    }
    if (values.size() < 2) {
      return Double.NaN;
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return Math.sqrt(squares / (values.size() - 1));
  }

  /** The conditions of the run; {@code date} is when JMH wrote its results (UTC). */
  static String header(Map<String, Object> run, String profile, LocalDate date) {
    return String.format(Locale.ROOT, "Measured %s on %s, %d cores, JDK %s (%s)%s. Throughput"
        + " ratios, ours over the baseline in the same run (above 1.00x: ours is faster); the"
        + " ± combines the two sides' standard deviations over their measured iterations.%n%n",
        date, cpu(),
        Runtime.getRuntime().availableProcessors(), run.get("jdkVersion"), run.get("vmName"),
        profile.isEmpty() ? "" : ", profile: " + profile);
  }

  static String table(List<Result> results, boolean targetsOnly) {
    Map<String, Result> byKey = new LinkedHashMap<>();
    StringBuilder out = new StringBuilder();
    out.append("| ours | baseline | workload | threads | ours ops/µs | baseline ops/µs | ratio"
        + " | target |\n|---|---|---|---:|---:|---:|---:|---|\n");
    List<String> missed = new ArrayList<>();
    for (Comparison c : COMPARISONS) {
      if (targetsOnly && c.target == 0) {
        continue;
      }
      byKey.clear();
      List<Result> ours = new ArrayList<>();
      for (Result r : results) {
        if (!r.benchmarkClass.equals(c.benchmarkClass) || !r.params.containsKey(c.param)) {
          continue;
        }
        String value = r.params.get(c.param);
        if (value.equals(c.baseline)) {
          byKey.put(r.key(c.param), r);
        } else if (value.equals(c.ours)) {
          ours.add(r);
        }
      }
      ours.sort(Comparator.comparing((Result r) -> workloadOrder(r.method))
          .thenComparing(r -> r.params.toString()).thenComparingInt(r -> r.threads));
      for (Result o : ours) {
        Result b = byKey.get(o.key(c.param));
        if (b == null) {
          continue;
        }
        double ratio = o.score / b.score;
        double spread =
            ratio * Math.sqrt(square(o.deviation / o.score) + square(b.deviation / b.score));
        String oursLabel = label(o, c, c.ours);
        String baselineLabel = label(b, c, c.baseline);
        String verdict = "";
        if (c.target > 0) {
          boolean met = ratio >= c.target;
          verdict = String.format(Locale.ROOT, "≥ %.2fx %s", c.target, met ? "met" : "**short**");
          if (!met) {
            missed.add(String.format(Locale.ROOT, "`%s` over `%s`, %s, %d thread%s: %.2fx"
                + " (target %.2fx)", oursLabel, baselineLabel, o.method, o.threads,
                o.threads == 1 ? "" : "s", ratio, c.target));
          }
        }
        out.append(String.format(Locale.ROOT, "| `%s` | `%s` | %s | %d | %.2f | %.2f | %.2fx%s |"
            + " %s |%n", oursLabel, baselineLabel, o.method, o.threads, o.score, b.score, ratio,
            Double.isNaN(spread) ? "" : String.format(Locale.ROOT, " ±%.0f%%",
                100 * spread / ratio), verdict));
      }
    }
    out.append('\n');
    out.append(missed.isEmpty() ? "Every target met in this run.\n"
        : "Short of the target in this run: " + String.join("; ", missed) + ".\n");
    return out.toString();
  }

  private static String label(Result r, Comparison c, String value) {
    if (c.param.equals("impl")) {
      return value;
    }
    return r.params.getOrDefault("backend", "") + ", metrics " + value;
  }

  private static int workloadOrder(String method) {
    int i = List.of("get", "put", "set", "mixed", "evict", "offerPoll").indexOf(method);
    return i < 0 ? 99 : i;
  }

  private static double square(double x) {
    return x * x;
  }

  /** The processor's model name where Linux says it, else the architecture. */
  static String cpu() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch");
  }
}
