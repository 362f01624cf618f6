package dev.safecollections.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.safecollections.SafeLists;
import dev.safecollections.SafeMaps;
import dev.safecollections.SafeQueues;
import dev.safecollections.SafeSets;
import it.unimi.dsi.fastutil.ints.Int2IntLinkedOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2IntMap;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongLinkedOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectLinkedOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongSet;
import it.unimi.dsi.fastutil.objects.Object2LongMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;
import org.jctools.maps.NonBlockingHashMapLong;
import org.jctools.queues.MpmcArrayQueue;
import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes per entry at one million entries (JOL: everything each collection reaches) for every
 * backend next to its baselines, and what each keeps after its entries are removed one by one.
 * Reference keys, values and elements (the payload every collection of a family shares) are
 * not counted; boxes a collection makes of primitive keys or values are. Prints Markdown; with
 * {@code --readme README.md} also replaces the README's {@code footprint} section.
 *
 * <p>Run with {@code java -Xmx6g -Djol.magicFieldOffset=true -cp benchmarks/target/benchmarks.jar
 * dev.safecollections.benchmarks.FootprintReport} after {@code mvn -B -DskipTests package}
 * (or {@code benchmarks/suite.sh}); it takes a few minutes, most of it walking the boxed
 * baselines' millions of objects.
 */
public final class FootprintReport {
  private static final int N = 1_000_000;
  private static final Object VALUE = new Object();
  private static final Long[] KEYS = new Long[N];

  static {
    for (int i = 0; i < N; i++) {
      KEYS[i] = i * 31L;
    }
  }

  private FootprintReport() {}

  /** One collection: how to build it, add the i-th entry and remove it again. */
  static final class Subject {
    final String name;
    final boolean ours;
    final Supplier<?> create;
    final ObjIntConsumer<Object> add;
    final ObjIntConsumer<Object> remove;

    @SuppressWarnings("unchecked")
    <C> Subject(String name, boolean ours, Supplier<? extends C> create, ObjIntConsumer<C> add,
        ObjIntConsumer<C> remove) {
      this.name = name;
      this.ours = ours;
      this.create = create;
      this.add = (ObjIntConsumer<Object>) add;
      this.remove = (ObjIntConsumer<Object>) remove;
    }
  }

  /** Collections holding the same payload, the first ones ours. */
  static final class Family {
    final String name;
    final long payload;
    final List<Subject> subjects;

    Family(String name, long payload, Subject... subjects) {
      this.name = name;
      this.payload = payload;
      this.subjects = List.of(subjects);
    }
  }

  static <M extends Map<Long, Object>> Subject objectMap(String name, boolean ours,
      Supplier<M> create) {
    return new Subject(name, ours, create, (m, i) -> m.put(KEYS[i], VALUE),
        (m, i) -> m.remove(KEYS[i]));
  }

  static <M extends Map<Long, Long>> Subject boxedMap(String name, Supplier<M> create) {
    return new Subject(name, false, create, (m, i) -> m.put(i * 31L, (long) i),
        (m, i) -> m.remove(i * 31L));
  }

  static <M extends Long2LongMap> Subject longToLong(String name, boolean ours,
      Supplier<M> create) {
    return new Subject(name, ours, create, (m, i) -> m.put(i * 31L, i),
        (m, i) -> m.remove(i * 31L));
  }

  static <C extends Collection<Long>> Subject elements(String name, boolean ours,
      Supplier<C> create) {
    return new Subject(name, ours, create, (c, i) -> c.add(KEYS[i]), (c, i) -> c.remove(KEYS[i]));
  }

  static <L extends List<Long>> Subject list(String name, boolean ours, Supplier<L> create) {
    return new Subject(name, ours, create, (l, i) -> l.add(KEYS[i]),
        (l, i) -> l.remove(l.size() - 1));
  }

  static <Q extends Queue<Long>> Subject queue(String name, boolean ours, Supplier<Q> create) {
    return new Subject(name, ours, create, (q, i) -> q.offer(KEYS[i]), (q, i) -> q.poll());
  }

  static List<Family> families() {
    long keys = GraphLayout.parseInstance((Object) KEYS).totalSize()
        - GraphLayout.parseInstance((Object) new Long[N]).totalSize();
    long value = GraphLayout.parseInstance(VALUE).totalSize();
    return List.of(
        new Family("Object maps (Long key, shared value)", keys + value,
            objectMap("SafeMaps.bounded", true, () -> SafeMaps.bounded(N)),
            objectMap("SafeMaps...singleThreaded()", true,
                () -> SafeMaps.builder().maximumSize(N).singleThreaded().<Long, Object>build()),
            objectMap("Caffeine maximumSize", false,
                () -> Caffeine.newBuilder().maximumSize(N).<Long, Object>build().asMap()),
            objectMap("ConcurrentHashMap", false, ConcurrentHashMap::new),
            objectMap("LinkedHashMap (access order)", false,
                () -> new LinkedHashMap<>(16, 0.75f, true)),
            objectMap("HashMap", false, HashMap::new)),
        new Family("long → long maps (boxes counted)", 0,
            longToLong("SafeMaps.boundedLongToLong", true, () -> SafeMaps.boundedLongToLong(N)),
            longToLong("fastutil Long2LongOpenHashMap", false, Long2LongOpenHashMap::new),
            longToLong("fastutil Long2LongLinkedOpenHashMap", false,
                Long2LongLinkedOpenHashMap::new),
            boxedMap("HashMap<Long, Long>", HashMap::new)),
        new Family("long → object maps (shared value, boxes counted)", value,
            new Subject("SafeMaps.boundedLongToObject", true,
                () -> SafeMaps.<Object>boundedLongToObject(N), (m, i) -> m.put(i * 31L, VALUE),
                (m, i) -> m.remove(i * 31L)),
            new Subject("SafeMaps.concurrentLongToObject", true,
                () -> SafeMaps.<Object>concurrentLongToObject(N),
                (m, i) -> m.put(i * 31L, VALUE), (m, i) -> m.remove(i * 31L)),
            new Subject("fastutil Long2ObjectOpenHashMap", false,
                Long2ObjectOpenHashMap<Object>::new, (m, i) -> m.put(i * 31L, VALUE),
                (m, i) -> m.remove(i * 31L)),
            new Subject("fastutil Long2ObjectLinkedOpenHashMap", false,
                Long2ObjectLinkedOpenHashMap<Object>::new, (m, i) -> m.put(i * 31L, VALUE),
                (m, i) -> m.remove(i * 31L)),
            new Subject("NonBlockingHashMapLong", false, NonBlockingHashMapLong<Object>::new,
                (m, i) -> m.put(i * 31L, VALUE), (m, i) -> m.remove(i * 31L)),
            new Subject("ConcurrentHashMap<Long, V>", false,
                ConcurrentHashMap<Long, Object>::new, (m, i) -> m.put(i * 31L, VALUE),
                (m, i) -> m.remove(i * 31L))),
        new Family("int → int and object → long maps (boxes counted)", 0,
            new Subject("SafeMaps.boundedIntToInt", true, () -> SafeMaps.boundedIntToInt(N),
                (Int2IntMap m, int i) -> m.put(i * 31, i), (m, i) -> m.remove(i * 31)),
            new Subject("fastutil Int2IntOpenHashMap", false, Int2IntOpenHashMap::new,
                (Int2IntMap m, int i) -> m.put(i * 31, i), (m, i) -> m.remove(i * 31)),
            new Subject("fastutil Int2IntLinkedOpenHashMap", false, Int2IntLinkedOpenHashMap::new,
                (Int2IntMap m, int i) -> m.put(i * 31, i), (m, i) -> m.remove(i * 31)),
            new Subject("SafeMaps.boundedObjectToLong (Long keys)", true,
                () -> SafeMaps.<Long>boundedObjectToLong(N),
                (Object2LongMap<Long> m, int i) -> m.put(KEYS[i], i), (m, i) -> m.removeLong(
                    KEYS[i])),
            new Subject("fastutil Object2LongOpenHashMap (Long keys)", false,
                Object2LongOpenHashMap<Long>::new,
                (Object2LongMap<Long> m, int i) -> m.put(KEYS[i], i),
                (m, i) -> m.removeLong(KEYS[i]))),
        new Family("Sets (shared Long elements)", keys,
            elements("SafeSets.bounded", true, () -> SafeSets.<Long>bounded(N)),
            elements("ConcurrentHashMap.newKeySet()", false, ConcurrentHashMap::newKeySet),
            elements("HashSet", false, HashSet::new)),
        new Family("long sets (boxes counted)", 0,
            new Subject("SafeSets.boundedLongs", true, () -> SafeSets.boundedLongs(N),
                (LongSet s, int i) -> s.add(i * 31L), (s, i) -> s.remove(i * 31L)),
            new Subject("fastutil LongOpenHashSet", false, LongOpenHashSet::new,
                (LongSet s, int i) -> s.add(i * 31L), (s, i) -> s.remove(i * 31L)),
            new Subject("HashSet<Long>", false, HashSet<Long>::new,
                (HashSet<Long> s, int i) -> s.add(i * 31L), (s, i) -> s.remove(i * 31L))),
        new Family("Lists (shared elements; emptied from the end)", keys,
            list("SafeLists.bounded", true, () -> SafeLists.<Long>bounded(N)),
            list("ArrayList", false, ArrayList::new),
            new Subject("ArrayDeque", false, ArrayDeque<Long>::new,
                (ArrayDeque<Long> d, int i) -> d.addLast(KEYS[i]), (d, i) -> d.pollLast())),
        new Family("long lists (boxes counted; emptied from the end)", 0,
            new Subject("SafeLists.boundedLongs", true, () -> SafeLists.boundedLongs(N),
                (LongList l, int i) -> l.add(i * 31L), (l, i) -> l.removeLong(l.size() - 1)),
            new Subject("fastutil LongArrayList", false, LongArrayList::new,
                (LongList l, int i) -> l.add(i * 31L), (l, i) -> l.removeLong(l.size() - 1)),
            new Subject("ArrayList<Long>", false, ArrayList<Long>::new,
                (ArrayList<Long> l, int i) -> l.add(i * 31L), (l, i) -> l.remove(l.size() - 1))),
        new Family("Queues of capacity 1,000,000 (shared elements)", keys,
            queue("SafeQueues.bounded", true, () -> SafeQueues.<Long>bounded(N)),
            queue("JCTools MpmcArrayQueue", false, () -> new MpmcArrayQueue<>(N)),
            queue("ArrayBlockingQueue", false, () -> new ArrayBlockingQueue<>(N))));
  }

  public static void main(String[] args) throws IOException {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Measured %s with JOL"
        + " on %s, JDK %s (%s), compressed references. Bytes per entry at %,d entries, the"
        + " shared payload (reference keys, values and elements) not counted; then what the"
        + " collection still reaches after every entry was removed one by one.%n%n",
        LocalDate.now(), RatioTable.cpu(), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), N));
    out.append("| family | collection | bytes/entry at 1M | retained after removing all |\n"
        + "|---|---|---:|---:|\n");
    for (Family family : families()) {
      for (Subject s : family.subjects) {
        Object c = s.create.get();
        for (int i = 0; i < N; i++) {
          s.add.accept(c, i);
        }
        double perEntry = (GraphLayout.parseInstance(c).totalSize() - family.payload)
            / (double) N;
        for (int i = N - 1; i >= 0; i--) {
          s.remove.accept(c, i);
        }
        long empty = GraphLayout.parseInstance(c).totalSize();
        String row = String.format(Locale.ROOT, "| %s | %s | %.1f | %,d B |%n", family.name,
            s.ours ? "**`" + s.name + "`**" : "`" + s.name + "`", perEntry, empty);
        System.err.print(row); // progress: each row takes seconds
        out.append(row);
      }
    }
    out.append("\nOurs in bold. \"Retained after removing all\" is the F2 failure: a JDK table"
        + " keeps the array it grew to.\n");
    System.out.println(out);
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--readme")) {
        ReadmeSection.replace(Path.of(args[i + 1]), "footprint", out.toString());
      }
    }
  }
}
