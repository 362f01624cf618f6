package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.internal.ring.RingBacked;
import dev.safecollections.testing.Gc;
import dev.safecollections.testing.ListSubject;
import dev.safecollections.testing.Seeds;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * The lists of {@link SafeLists}: a seeded model-based test of every list against an
 * {@code ArrayList} that drops its first element at the bound (I1, I5, I6), release (I3),
 * storage (I2) and bad input (I7).
 */
class SafeListsTest {
  private static final int BOUND = 8;

  @ParameterizedTest
  @EnumSource(ListSubject.Kind.class)
  void randomOperations_matchModel_evicting(ListSubject.Kind kind) {
    randomOperations(kind, false);
  }

  @ParameterizedTest
  @EnumSource(ListSubject.Kind.class)
  void randomOperations_matchModel_rejecting(ListSubject.Kind kind) {
    randomOperations(kind, true);
  }

  private static void randomOperations(ListSubject.Kind kind, boolean rejects) {
    Seeds.forEach(40, random -> {
      SafeListBuilder<Object> b = SafeLists.builder().maximumSize(BOUND).recordMetrics();
      if (rejects) {
        b.overflowPolicy(OverflowPolicy.REJECT);
      }
      ListSubject list = kind.create(b);
      List<Integer> model = new ArrayList<>();
      long dropped = 0;
      long rejected = 0;
      long removed = 0;
      long added = 0;
      long replaced = 0;
      for (int step = 0; step < 500; step++) {
        int op = random.nextInt(100);
        int value = random.nextInt(1000);
        String where = "step " + step + " op " + op;
        if (op < 45) {
          boolean atEnd = op < 30 || model.isEmpty();
          int index = atEnd ? model.size() : random.nextInt(model.size() + 1);
          if (model.size() == BOUND && rejects) {
            assertThrows(CapacityExceededException.class,
                () -> list.add(index, value), where);
            rejected++;
          } else {
            int at = index;
            if (model.size() == BOUND) {
              model.remove(0);
              dropped++;
              at = Math.max(0, index - 1);
            }
            model.add(at, value);
            added++;
            if (atEnd) {
              list.add(value);
            } else {
              list.add(index, value);
            }
          }
        } else if (op < 65 && !model.isEmpty()) {
          int index = random.nextInt(model.size());
          assertEquals((int) model.get(index), list.get(index), where);
        } else if (op < 75 && !model.isEmpty()) {
          int index = random.nextInt(model.size());
          assertEquals((int) model.set(index, value), list.set(index, value), where);
          replaced++;
        } else if (op < 95 && !model.isEmpty()) {
          int index = random.nextBoolean() ? 0 : random.nextInt(model.size());
          assertEquals((int) model.remove(index), list.remove(index), where);
          removed++;
        } else if (op < 97) {
          int index = model.size() + random.nextInt(3);
          assertThrows(IndexOutOfBoundsException.class, () -> list.get(index), where);
          assertThrows(IndexOutOfBoundsException.class, () -> list.remove(-1), where);
        } else if (op < 98) {
          removed += model.size();
          model.clear();
          list.clear();
        }
        list.validate();
        assertEquals(model.stream().map(String::valueOf).collect(java.util.stream.Collectors.toList()),
            list.contents(), where);
      }
      CollectionMetrics m = list.collection().metrics();
      assertEquals(model.size(), m.size());
      assertEquals(added, m.insertionCount());
      assertEquals(dropped, m.evictionCount());
      assertEquals(rejected, m.rejectionCount());
      assertEquals(removed, m.removalCount());
      assertEquals(replaced, m.replacementCount());
      assertEquals(m.size(), m.insertionCount() - m.removalCount() - m.evictionCount(), "I5");
    });
  }

  @Test
  void add_atBound_dropsOldestAndTellsListener() {
    List<String> told = new ArrayList<>();
    BoundedList<String> list = SafeLists.builder().maximumSize(3)
        .<String>removalListener((e, cause) -> told.add(e + ":" + cause)).build();
    list.addAll(List.of("a", "b", "c", "d"));
    assertEquals(List.of("b", "c", "d"), list);
    list.add(0, "z");                                        // drops b, then z goes first
    assertEquals(List.of("z", "c", "d"), list);
    list.add(2, "y");                                        // drops z; y stays between c and d
    assertEquals(List.of("c", "y", "d"), list);
    list.set(0, "x");
    list.removeLast();
    assertEquals(List.of("a:SIZE", "b:SIZE", "z:SIZE", "c:REPLACED", "d:EXPLICIT"), told);
    assertEquals("x", list.getFirst());
    assertEquals("y", list.getLast());
  }

  @Test
  void listIteratorAdd_atBound_keepsItsPlace() {
    BoundedList<String> list = SafeLists.bounded(3);
    list.addAll(List.of("a", "b", "c"));
    ListIterator<String> it = list.listIterator(2);
    it.add("x");                                             // drops a: [b, x, c]
    assertEquals("c", it.next());
    assertEquals(List.of("b", "x", "c"), list);
    ListIterator<String> first = list.listIterator();
    first.add("y");                                          // drops b: [y, x, c]
    assertEquals("x", first.next());
    assertEquals(List.of("y", "x", "c"), list);
  }

  @Test
  void iterator_afterOutsideModification_failsFast() {
    BoundedList<Integer> list = SafeLists.bounded(10);
    list.addAll(List.of(1, 2, 3));
    Iterator<Integer> it = list.iterator();
    it.next();
    list.add(4);
    assertThrows(ConcurrentModificationException.class, it::next);
    BoundedLongList longs = SafeLists.boundedLongs(10);
    longs.add(1L);
    var li = longs.iterator();
    longs.removeLong(0);
    assertThrows(ConcurrentModificationException.class, li::nextLong);
  }

  @Test
  void emptyList_endOperations_throwNoSuchElement() {
    BoundedList<String> list = SafeLists.bounded(3);
    assertThrows(NoSuchElementException.class, list::getFirst);
    assertThrows(NoSuchElementException.class, list::getLast);
    assertThrows(NoSuchElementException.class, list::removeFirst);
    assertThrows(NoSuchElementException.class, list::removeLast);
  }

  @Test
  void nulls_areAllowedAsInArrayList() {
    BoundedList<String> list = SafeLists.bounded(3);
    list.add(null);
    list.add("a");
    assertEquals(0, list.indexOf(null));
    assertTrue(list.contains(null));
  }

  @Test
  void removedDroppedReplacedAndClearedElements_areUnreachable() {
    BoundedList<Object> list = SafeLists.bounded(2);
    WeakReference<Object> dropped = add(list);
    WeakReference<Object> removed = add(list);
    list.add(new Object());                                  // drops the first
    list.remove(0);                                          // the second
    WeakReference<Object> replaced = add(list);
    list.set(list.size() - 1, new Object());
    WeakReference<Object> iterated = add(list);
    for (Iterator<Object> it = list.iterator(); it.hasNext(); ) {
      if (it.next() == iterated.get()) {
        it.remove();
      }
    }
    WeakReference<Object> cleared = add(list);
    list.clear();
    assertTrue(Gc.cleared(dropped), "dropped");
    assertTrue(Gc.cleared(removed), "removed");
    assertTrue(Gc.cleared(replaced), "replaced");
    assertTrue(Gc.cleared(iterated), "removed by the iterator");
    assertTrue(Gc.cleared(cleared), "cleared");
  }

  private static WeakReference<Object> add(List<Object> list) {
    Object element = new Object();
    list.add(element);
    return new WeakReference<>(element);
  }

  /** I2: a list that held 1M elements retains at most 512 KB once emptied; clear() is fresh. */
  @Test
  void millionElements_emptiedByRemovals_retainAtMost512Kilobytes() {
    int million = 1_000_000;
    BoundedList<Integer> objects = SafeLists.builder().maximumSize(million).recordMetrics().build();
    BoundedLongList longs = SafeLists.boundedLongs(million);
    List<Integer> arrayList = new ArrayList<>();
    Integer element = 7;
    for (int i = 0; i < million; i++) {
      objects.add(element);
      longs.add(i);
      arrayList.add(element);
    }
    long fullLongs = GraphLayout.parseInstance(longs).totalSize();
    for (int i = 0; i < million; i++) {
      objects.removeFirst();
      longs.removeLong(longs.size() - 1);
      arrayList.remove(arrayList.size() - 1);
    }
    long objectsRetained = GraphLayout.parseInstance(objects).totalSize();
    long longsRetained = GraphLayout.parseInstance(longs).totalSize();
    long arrayListRetained = GraphLayout.parseInstance(arrayList).totalSize();
    long fresh = GraphLayout.parseInstance(SafeLists.boundedLongs(million)).totalSize();
    for (int i = 0; i < million; i++) {
      longs.add(i);
    }
    longs.clear();
    long afterClear = GraphLayout.parseInstance(longs).totalSize();
    System.out.printf("lists after removing %,d elements: objects %,d B, longs %,d B (full "
        + "%,d B), ArrayList %,d B; longs after clear() %,d B (fresh %,d B)%n", million,
        objectsRetained, longsRetained, fullLongs, arrayListRetained, afterClear, fresh);
    assertTrue(objectsRetained <= 512 * 1024, "objects retained " + objectsRetained);
    assertTrue(longsRetained <= 512 * 1024, "longs retained " + longsRetained);
    assertTrue(afterClear <= 2 * fresh, "after clear " + afterClear + ", fresh " + fresh);
    assertTrue(objects.metrics().shrinkCount() > 0);
  }

  /** I2 with k = 4, and a presize never allocates beyond the bound. */
  @Test
  void capacity_afterEveryRemoval_atMostFourTimesSize() {
    Random random = new Random(7);
    BoundedIntList list = SafeLists.boundedInts(50_000);
    for (int round = 0; round < 4; round++) {
      int fill = 1 + random.nextInt(50_000);
      for (int i = 0; i < fill; i++) {
        list.add(i);
      }
      while (!list.isEmpty()) {
        list.removeInt(random.nextBoolean() ? 0 : list.size() - 1);
        int capacity = ((RingBacked) list).capacity();
        assertTrue(capacity <= Math.max(16, 4 * list.size()),
            "capacity " + capacity + " for size " + list.size());
      }
    }
    BoundedList<Object> presized =
        SafeLists.builder().maximumSize(10).initialCapacity(1 << 20).build();
    assertEquals(10, ((RingBacked) presized).capacity());
  }

  @Test
  void maximumBytes_dropsFromTheHeadUntilTheNewElementFits() {
    List<String> told = new ArrayList<>();
    BoundedList<byte[]> list = SafeLists.builder().maximumBytes(10_000).recordMetrics()
        .<byte[]>removalListener((e, cause) -> told.add(e.length + ":" + cause)).build();
    for (int i = 0; i < 50; i++) {
      list.add(new byte[1_000]);
      CollectionMetrics m = list.metrics();
      assertTrue(m.estimatedBytes() <= 10_000, m.toString());
    }
    int full = list.size();
    assertTrue(full >= 8 && full <= 9, "about ten 1 KB arrays fit in 10,000 bytes: " + full);
    list.add(new byte[5_000]);
    assertTrue(list.size() < full, "a heavier element drops several");
    list.set(0, new byte[9_000]);                        // re-weighed: drops the ones before it
    assertEquals(9_000, list.get(0).length);
    list.add(new byte[500]);                             // fits beside the 9,000
    assertEquals(2, list.size());
    assertEquals(500, list.set(1, new byte[30_000]).length, "too heavy to set: both leave");
    assertEquals(1, list.size());
    list.add(new byte[20_000]);                          // heavier than the bound: dropped at once
    assertEquals(1, list.size(), "the others stay");
    assertEquals(9_000, list.get(0).length);
    assertTrue(told.contains("20000:SIZE"), told.toString());
    ((RingBacked) list).validate();
    CollectionMetrics m = list.metrics();
    assertTrue(m.estimatedBytes() > 9_000, m.toString());
    assertEquals(m.size(), m.insertionCount() - m.removalCount() - m.evictionCount(), "I5");
  }

  @Test
  void maximumBytes_reject_leavesTheListUnchanged() {
    BoundedList<byte[]> list = SafeLists.builder().maximumBytes(5_000)
        .overflowPolicy(OverflowPolicy.REJECT).recordMetrics().build();
    list.add(new byte[2_000]);
    list.add(new byte[2_000]);
    CapacityExceededException e =
        assertThrows(CapacityExceededException.class, () -> list.add(new byte[2_000]));
    assertTrue(e.getMessage().contains("maximum bytes is 5000"), e.getMessage());
    assertThrows(CapacityExceededException.class, () -> list.set(0, new byte[4_000]));
    assertEquals(2, list.size());
    assertEquals(2_000, list.get(0).length);
    assertEquals(2, list.metrics().rejectionCount());
    ((RingBacked) list).validate();
  }

  @Test
  void metrics_reportCapacityPeakAndDrops() {
    BoundedList<Integer> list = SafeLists.builder().maximumSize(1_000).recordMetrics().build();
    for (int i = 0; i < 20; i++) {
      list.add(i);
    }
    list.subList(0, 15).clear();
    CollectionMetrics m = list.metrics();
    assertEquals(5, m.size());
    assertEquals(20, m.peakSize());
    assertEquals(1_000, m.bound());
    assertEquals(((RingBacked) list).capacity(), m.capacity().getAsLong());
    assertEquals(16, m.capacity().getAsLong(), "shrank from 32 to the minimum: " + m);
    assertEquals(32, SafeMaps.bounded(10).metrics().capacity().getAsLong(),
        "Caffeine's ConcurrentHashMap, modeled: 32 slots for the default initial capacity");
  }

  @Test
  void badSettings_failNamingTheValue() {
    List<IntFunction<?>> factories =
        List.of(SafeLists::bounded, SafeLists::boundedLongs, SafeLists::boundedInts);
    for (IntFunction<?> factory : factories) {
      assertEquals("maximum size must be positive: -1", assertThrows(
          IllegalArgumentException.class, () -> factory.apply(-1)).getMessage());
      assertThrows(IllegalArgumentException.class, () -> factory.apply(0));
    }
    assertEquals("no bound was set: call maximumSize(long), maximumBytes(long) or "
            + "budget(MemoryBudget), as in SafeLists.builder().maximumSize(10_000).build()",
        assertThrows(IllegalStateException.class, () -> SafeLists.builder().build())
            .getMessage());
    assertEquals("maximum size was already set to 5", assertThrows(IllegalStateException.class,
        () -> SafeLists.builder().maximumSize(5).maximumSize(6)).getMessage());
    assertEquals("a removal listener takes boxed elements: primitive lists do not accept one, "
            + "use build()",
        assertThrows(IllegalStateException.class, () -> SafeLists.builder().maximumSize(5)
            .removalListener((e, c) -> {}).buildLongs()).getMessage());
    assertEquals("maximum size of a list must be at most 2147483639: 2147483648",
        assertThrows(IllegalStateException.class,
            () -> SafeLists.builder().maximumSize(1L << 31).build()).getMessage());
    assertEquals("initial capacity must not be negative: -2", assertThrows(
        IllegalArgumentException.class, () -> SafeLists.builder().initialCapacity(-2))
        .getMessage());
    assertEquals("SafeListBuilder{maximumSize=5, overflowPolicy=REJECT}", SafeLists.builder()
        .maximumSize(5).overflowPolicy(OverflowPolicy.REJECT).toString());
    assertFalse(SafeLists.bounded(3) instanceof java.util.Deque);
    assertEquals("primitive lists are bounded by maximumSize(long), not maximum bytes (100)",
        assertThrows(IllegalStateException.class,
            () -> SafeLists.builder().maximumBytes(100).buildLongs()).getMessage());

  }
}
