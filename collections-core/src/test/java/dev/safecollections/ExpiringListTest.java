package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.internal.ring.RingBacked;
import dev.safecollections.testing.FakeTicker;
import dev.safecollections.testing.Gc;
import dev.safecollections.testing.Seeds;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * {@link SafeLists#expiring}: a seeded model-based test with an injected ticker (I1, I5, I6),
 * iteration across expiry, idle reclamation by the shared sweeper (I4) and that the sweeper
 * never keeps a list alive.
 */
class ExpiringListTest {
  private static final int BOUND = 8;
  private static final long TTL = 100;

  /** An element of the model: its value and its deadline. */
  private record Timed(int value, long deadline) {}

  @Test
  void randomOperations_matchModel() {
    Seeds.forEach(60, random -> {
      FakeTicker ticker = new FakeTicker();
      BoundedList<Integer> list = SafeLists.builder().maximumSize(BOUND)
          .expireAfterWrite(Duration.ofNanos(TTL)).ticker(ticker).recordMetrics().build();
      List<Timed> model = new ArrayList<>();
      long expired = 0;
      long dropped = 0;
      for (int step = 0; step < 400; step++) {
        long now = ticker.read();
        for (Iterator<Timed> it = model.iterator(); it.hasNext(); ) {
          if (now - it.next().deadline() >= 0) {
            it.remove();
            expired++;
          }
        }
        int op = random.nextInt(100);
        int value = random.nextInt(1000);
        String where = "step " + step + " op " + op;
        if (op < 40) {
          int index = (op < 30 || model.isEmpty()) ? model.size() : random.nextInt(model.size());
          int at = index;
          if (model.size() == BOUND) {
            model.remove(0);
            dropped++;
            at = Math.max(0, index - 1);
          }
          model.add(at, new Timed(value, now + TTL));
          list.add(index, value);
        } else if (op < 55 && !model.isEmpty()) {
          int index = random.nextInt(model.size());
          assertEquals(model.get(index).value(), list.get(index), where);
        } else if (op < 62 && !model.isEmpty()) {
          int index = random.nextInt(model.size());
          Timed old = model.set(index, new Timed(value, model.get(index).deadline()));
          assertEquals(old.value(), list.set(index, value), where);
        } else if (op < 75 && !model.isEmpty()) {
          int index = random.nextBoolean() ? 0 : random.nextInt(model.size());
          assertEquals(model.remove(index).value(), list.remove(index), where);
        } else if (op < 95) {
          ticker.advance(Duration.ofNanos(random.nextInt(40)));
          continue;
        } else {
          assertEquals(model.size(), list.size(), where);
        }
        ((RingBacked) list).validate();
        List<Integer> expected = new ArrayList<>();
        model.forEach(t -> expected.add(t.value()));
        assertEquals(expected, new ArrayList<>(list), where);
      }
      list.size();
      long now = ticker.read();
      expired += model.stream().filter(t -> now - t.deadline() >= 0).count();
      CollectionMetrics m = list.metrics();
      assertEquals(expired, m.expirationCount(), "expirations");
      assertEquals(dropped, m.evictionCount(), "drops at the bound");
      assertEquals(m.size(),
          m.insertionCount() - m.removalCount() - m.evictionCount() - m.expirationCount(), "I5");
    });
  }

  @Test
  void iterator_acrossExpiryAtTheHead_skipsExpiredWithoutFailing() {
    FakeTicker ticker = new FakeTicker();
    BoundedList<String> list = SafeLists.builder().maximumSize(10)
        .expireAfterWrite(Duration.ofSeconds(10)).ticker(ticker).build();
    list.add("a");
    list.add("b");
    ticker.advance(Duration.ofSeconds(5));
    list.add("c");
    list.add("d");
    Iterator<String> it = list.iterator();
    assertEquals("a", it.next());
    ticker.advance(Duration.ofSeconds(5));                  // a and b expire
    assertEquals("c", it.next(), "b expired: never returned");
    it.remove();
    assertEquals(List.of("d"), list);
    assertEquals("d", it.next());
    assertFalse(it.hasNext());
  }

  @Test
  void subList_afterExpiryAtTheHead_failsFast() {
    FakeTicker ticker = new FakeTicker();
    BoundedList<String> list = SafeLists.builder().maximumSize(10)
        .expireAfterWrite(Duration.ofSeconds(10)).ticker(ticker).build();
    list.add("a");
    ticker.advance(Duration.ofSeconds(5));
    list.add("b");
    list.add("c");
    List<String> tail = list.subList(1, 3);
    assertEquals(List.of("b", "c"), tail);
    ticker.advance(Duration.ofSeconds(5));                  // a expires; positions shift
    assertEquals(List.of("b", "c"), list);
    assertThrows(java.util.ConcurrentModificationException.class, tail::size,
        "a sub-list does not silently shift");
  }

  @Test
  void insertInTheMiddle_thenExpiry_stillNeverReturnsExpired() {
    FakeTicker ticker = new FakeTicker();
    BoundedList<String> list = SafeLists.builder().maximumSize(10)
        .expireAfterWrite(Duration.ofSeconds(10)).ticker(ticker).build();
    list.add("old1");
    list.add("old2");
    ticker.advance(Duration.ofSeconds(6));
    list.add(0, "new");                                       // unordered deadlines now
    ticker.advance(Duration.ofSeconds(5));                    // old1 and old2 expired
    assertEquals(List.of("new"), list);
    ((RingBacked) list).validate();
    ticker.advance(Duration.ofSeconds(5));
    assertTrue(list.isEmpty());
  }

  /** I4: 80 MB of elements with a 300 ms ttl are down to 5 MB within 3 s with nobody calling. */
  @Test
  void idleList_isReclaimedBySweeper() throws InterruptedException {
    int elements = 80;
    CountDownLatch allExpired = new CountDownLatch(elements);
    AtomicLong lastExpiry = new AtomicLong();
    BoundedList<byte[]> list = SafeLists.builder()
        .maximumSize(1_000)
        .expireAfterWrite(Duration.ofMillis(300))
        .<byte[]>removalListener((e, cause) -> {
          if (cause == RemovalCause.EXPIRED) {
            lastExpiry.set(System.nanoTime());
            allExpired.countDown();
          }
        })
        .build();
    long start = System.nanoTime();
    for (int i = 0; i < elements; i++) {
      list.add(new byte[1 << 20]);
    }
    assertTrue(allExpired.await(3, TimeUnit.SECONDS), "expired by the sweeper within 3 s");
    long retained = GraphLayout.parseInstance(list).totalSize();
    System.out.printf("expiring list: %d MB added, %,d B retained after the idle sweep; the "
        + "last expired %d ms after the first add%n", elements, retained,
        TimeUnit.NANOSECONDS.toMillis(lastExpiry.get() - start));
    assertTrue(retained <= 5 << 20, "retained " + retained);
  }

  @Test
  void sweeper_neverKeepsAListAlive() {
    BoundedList<Object> list = SafeLists.expiring(Duration.ofHours(1), 10);
    list.add(new Object());
    WeakReference<Object> ref = new WeakReference<>(list);
    list = null;
    assertTrue(Gc.cleared(ref), "a scheduled sweep holds its list weakly");
  }

  @Test
  void badSettings_failNamingTheValue() {
    assertEquals("ttl must be positive: PT0S", assertThrows(IllegalArgumentException.class,
        () -> SafeLists.expiring(Duration.ZERO, 10)).getMessage());
    assertEquals("maximum size must be positive: 0", assertThrows(
        IllegalArgumentException.class,
        () -> SafeLists.expiring(Duration.ofSeconds(1), 0)).getMessage());
    assertEquals("primitive lists do not expire elements (expire after write PT1S): use build()",
        assertThrows(IllegalStateException.class, () -> SafeLists.builder().maximumSize(5)
            .expireAfterWrite(Duration.ofSeconds(1)).buildInts()).getMessage());
  }
}
