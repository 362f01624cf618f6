package dev.safecollections.benchmarks;

import dev.safecollections.BoundedList;
import dev.safecollections.BoundedLongList;
import dev.safecollections.SafeLists;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bounded lists beside {@code ArrayDeque} and {@code ArrayList} in one run: add-and-poll at
 * a steady size of 1,000 (a queue's work), a window that drops its oldest element at a bound of
 * 1,000 (ours by itself, the deque by a poll when over), and random {@code get} over 10,000
 * elements. Compare ratios, never absolute times.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar ListBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ListBenchmark {
  static final int WINDOW = 1_000;
  static final int GET_SIZE = 10_000;
  static final int MASK = (1 << 16) - 1;

  private final int[] indices = new int[MASK + 1];
  private final Integer[] elements = new Integer[MASK + 1];
  private int next;

  private BoundedList<Integer> ours;
  private BoundedList<Integer> oursWindow;
  private BoundedLongList oursLongs;
  private ArrayDeque<Integer> deque;
  private ArrayDeque<Integer> dequeWindow;
  private ArrayList<Integer> arrayList;
  private BoundedList<Integer> oursForGet;
  private ArrayList<Integer> arrayListForGet;
  private BoundedLongList oursLongsForGet;
  private LongArrayList fastutilForGet;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    for (int i = 0; i <= MASK; i++) {
      indices[i] = random.nextInt(GET_SIZE);
      elements[i] = i;
    }
    ours = SafeLists.bounded(2 * WINDOW);
    oursWindow = SafeLists.bounded(WINDOW);
    oursLongs = SafeLists.boundedLongs(2 * WINDOW);
    deque = new ArrayDeque<>();
    dequeWindow = new ArrayDeque<>();
    arrayList = new ArrayList<>();
    for (int i = 0; i < WINDOW; i++) {
      ours.add(elements[i]);
      oursWindow.add(elements[i]);
      oursLongs.add(i);
      deque.add(elements[i]);
      dequeWindow.add(elements[i]);
      arrayList.add(elements[i]);
    }
    oursForGet = SafeLists.bounded(GET_SIZE);
    arrayListForGet = new ArrayList<>();
    oursLongsForGet = SafeLists.boundedLongs(GET_SIZE);
    fastutilForGet = new LongArrayList();
    for (int i = 0; i < GET_SIZE; i++) {
      oursForGet.add(elements[i]);
      arrayListForGet.add(elements[i]);
      oursLongsForGet.add(i);
      fastutilForGet.add(i);
    }
  }

  @Benchmark
  public Integer addAndPoll_ours() {
    ours.add(elements[next++ & MASK]);
    return ours.removeFirst();
  }

  @Benchmark
  public long addAndPoll_oursLongs() {
    oursLongs.add(next++);
    return oursLongs.removeLong(0);
  }

  @Benchmark
  public Integer addAndPoll_arrayDeque() {
    deque.addLast(elements[next++ & MASK]);
    return deque.pollFirst();
  }

  @Benchmark
  public Integer addAndPoll_arrayList() {
    arrayList.add(elements[next++ & MASK]);
    return arrayList.remove(0);
  }

  @Benchmark
  public boolean window_ours() {
    return oursWindow.add(elements[next++ & MASK]);
  }

  @Benchmark
  public boolean window_arrayDeque() {
    dequeWindow.addLast(elements[next++ & MASK]);
    if (dequeWindow.size() > WINDOW) {
      dequeWindow.pollFirst();
    }
    return true;
  }

  @Benchmark
  public Integer get_ours() {
    return oursForGet.get(indices[next++ & MASK]);
  }

  @Benchmark
  public Integer get_arrayList() {
    return arrayListForGet.get(indices[next++ & MASK]);
  }

  @Benchmark
  public long get_oursLongs() {
    return oursLongsForGet.getLong(indices[next++ & MASK]);
  }

  @Benchmark
  public long get_fastutilLongArrayList() {
    return fastutilForGet.getLong(indices[next++ & MASK]);
  }
}
