package dev.safecollections.metrics;

import dev.safecollections.CollectionMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A snapshot of every live collection of a registry, largest estimated bytes first, as a text
 * table or as JSON. Immutable; taking it reads each collection's metrics once.
 */
public final class CollectionReport {
  private static final String[] HEADER = {"name", "type", "size", "bound", "capacity", "peak",
      "est. bytes", "evictions", "expired", "rejected", "hit rate", "grows", "shrinks"};

  private final List<Row> rows;

  /** One collection in the report. */
  public static final class Row {
    private final String name;
    private final String type;
    private final CollectionMetrics metrics;

    Row(String name, String type, CollectionMetrics metrics) {
      this.name = name;
      this.type = type;
      this.metrics = metrics;
    }

    public String name() {
      return name;
    }

    public String type() {
      return type;
    }

    public CollectionMetrics metrics() {
      return metrics;
    }
  }

  private CollectionReport(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /** Takes the report of {@code registry}'s live collections now. */
  public static CollectionReport of(CollectionRegistry registry) {
    List<Row> rows = new ArrayList<>();
    for (RegisteredCollection c : registry.collections()) {
      c.metrics().ifPresent(m -> rows.add(new Row(c.name(), c.type(), m)));
    }
    rows.sort(Comparator.comparingLong((Row r) -> r.metrics.estimatedBytes()).reversed()
        .thenComparing(r -> r.name));
    return new CollectionReport(rows);
  }

  /** The rows, largest estimated bytes first (then by name). */
  public List<Row> rows() {
    return rows;
  }

  private static String[] cells(Row r) {
    CollectionMetrics m = r.metrics;
    return new String[] {r.name, r.type, num(m.size()),
        (m.bound() == Long.MAX_VALUE) ? "-" : num(m.bound()),
        m.capacity().isPresent() ? num(m.capacity().getAsLong()) : "-", num(m.peakSize()),
        num(m.estimatedBytes()), num(m.evictionCount()), num(m.expirationCount()),
        num(m.rejectionCount()), String.format(Locale.ROOT, "%.3f", m.hitRate()),
        num(m.growCount()), num(m.shrinkCount())};
  }

  private static String num(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** A text table with a header line, columns padded, numbers right-aligned. */
  public String text() {
    List<String[]> lines = new ArrayList<>();
    lines.add(HEADER);
    for (Row r : rows) {
      lines.add(cells(r));
    }
    int[] width = new int[HEADER.length];
    for (String[] l : lines) {
      for (int i = 0; i < l.length; i++) {
        width[i] = Math.max(width[i], l[i].length());
      }
    }
    StringBuilder s = new StringBuilder();
    for (String[] l : lines) {
      for (int i = 0; i < l.length; i++) {
        String pad = " ".repeat(width[i] - l[i].length());
        s.append(i < 2 ? l[i] + pad : pad + l[i]).append(i + 1 < l.length ? "  " : "");
      }
      s.append('\n');
    }
    return s.toString();
  }

  /**
   * The report as a JSON array of objects, one per row, with the fields of {@code
   * CollectionMetrics} as numbers ({@code bound}, {@code capacity} and {@code maximumBytes}
   * null when absent).
   */
  public String json() {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      CollectionMetrics m = r.metrics;
      s.append(i == 0 ? "\n  {" : ",\n  {")
          .append("\"name\": ").append(quote(r.name))
          .append(", \"type\": ").append(quote(r.type))
          .append(", \"size\": ").append(m.size())
          .append(", \"bound\": ").append(m.bound() == Long.MAX_VALUE ? "null" : m.bound())
          .append(", \"capacity\": ")
          .append(m.capacity().isPresent() ? String.valueOf(m.capacity().getAsLong()) : "null")
          .append(", \"peakSize\": ").append(m.peakSize())
          .append(", \"estimatedBytes\": ").append(m.estimatedBytes())
          .append(", \"maximumBytes\": ").append(m.maximumBytes().isPresent()
              ? String.valueOf(m.maximumBytes().getAsLong()) : "null")
          .append(", \"hitCount\": ").append(m.hitCount())
          .append(", \"missCount\": ").append(m.missCount())
          .append(", \"insertionCount\": ").append(m.insertionCount())
          .append(", \"replacementCount\": ").append(m.replacementCount())
          .append(", \"removalCount\": ").append(m.removalCount())
          .append(", \"evictionCount\": ").append(m.evictionCount())
          .append(", \"expirationCount\": ").append(m.expirationCount())
          .append(", \"collectedCount\": ").append(m.collectedCount())
          .append(", \"rejectionCount\": ").append(m.rejectionCount())
          .append(", \"growCount\": ").append(m.growCount())
          .append(", \"shrinkCount\": ").append(m.shrinkCount())
          .append('}');
    }
    return s.append(rows.isEmpty() ? "]" : "\n]").toString();
  }

  /** A JSON string literal. */
  static String quote(String v) {
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"': s.append("\\\""); break;
        case '\\': s.append("\\\\"); break;
        case '\n': s.append("\\n"); break;
        case '\r': s.append("\\r"); break;
        case '\t': s.append("\\t"); break;
        default:
          if (c < 0x20) {
            s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            s.append(c);
          }
      }
    }
    return s.append('"').toString();
  }

  @Override
  public String toString() {
    return text();
  }
}
