package dev.safecollections.benchmarks;

import dev.safecollections.SafeLists;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The suite's lists (single-threaded), full at 10,000 elements: {@code get} and {@code set} at
 * a random index, {@code mixed} (80% get, 20% set) and {@code evict} (append to the full list,
 * dropping the oldest element: ours by its bound, {@code ArrayDeque} by {@code pollFirst},
 * {@code ArrayList} by {@code remove(0)}, which shifts every element and is shown for what it
 * costs). {@code ArrayDeque} has no index, so it runs only {@code evict}; {@code suite.sh}
 * passes the matching {@code -p impl=...}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ListSuite {
  static final int SIZE = 10_000;

  @Param({"SafeLists.bounded", "ArrayList", "ArrayDeque"})
  public String impl;

  private List<Long> list;
  private ArrayDeque<Long> deque;
  private final Long[] elements = new Long[SIZE];

  @Setup
  public void setUp() {
    for (int i = 0; i < SIZE; i++) {
      elements[i] = (long) i;
    }
    switch (impl) {
      case "SafeLists.bounded":
        list = SafeLists.bounded(SIZE);
        break;
      case "ArrayList":
        list = new ArrayList<>();
        break;
      case "ArrayDeque":
        deque = new ArrayDeque<>();
        break;
      default:
        throw new IllegalArgumentException("impl: " + impl);
    }
    for (Long e : elements) {
      if (list != null) {
        list.add(e);
      } else {
        deque.addLast(e);
      }
    }
  }

  private List<Long> indexed() {
    if (list == null) {
      throw new UnsupportedOperationException("ArrayDeque has no index: run evict only");
    }
    return list;
  }

  @Benchmark
  public Long get(SuiteCursor c) {
    return indexed().get(c.nextInt() % SIZE);
  }

  @Benchmark
  public Long set(SuiteCursor c) {
    int i = c.nextInt() % SIZE;
    return indexed().set(i, elements[i]);
  }

  @Benchmark
  public Long mixed(SuiteCursor c) {
    int r = c.nextInt();
    int i = (r / 5) % SIZE;
    return r % 5 == 0 ? indexed().set(i, elements[i]) : indexed().get(i);
  }

  @Benchmark
  public Long evict(SuiteCursor c) {
    Long e = elements[c.nextInt() % SIZE];
    if (deque != null) {
      deque.addLast(e);
      return deque.pollFirst();
    }
    list.add(e);
    return list.size() > SIZE ? list.remove(0) : null; // ours is never above its bound
  }
}
