package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.Int2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2LongMap;
import it.unimi.dsi.fastutil.longs.LongSet;
import it.unimi.dsi.fastutil.longs.LongList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;

/**
 * The examples in README.md and the javadoc, kept here so that they compile and run. Copy from
 * here into the docs, never the other way round.
 */
class Snippets {
  record User(String name) {}

  record Session(String id) {}

  private static final System.Logger log = System.getLogger("snippets");

  @Test
  void quickStart() {
    // --- README quick start, from here
    ConcurrentMap<String, User> users = SafeMaps.bounded(10_000);            // evicts at 10,000
    ConcurrentMap<String, Session> sessions =
        SafeMaps.expiring(Duration.ofMinutes(30), 100_000);                   // ttl after write
    ConcurrentBoundedMap<String, byte[]> blobs = SafeMaps.builder()
        .maximumBytes(64L << 20)                 // bound by estimated retained bytes
        .overflowPolicy(OverflowPolicy.REJECT)   // throw CapacityExceededException instead of evicting
        .removalListener((String k, byte[] v, RemovalCause cause) ->
            log.log(System.Logger.Level.INFO, "{0} left: {1}", k, cause))
        .name("blobs").recordMetrics()
        .build();
    CollectionMetrics m = blobs.metrics();       // size, bound, peak, evictions, hits, bytes...
    Set<String> seen = SafeSets.bounded(100_000);                            // a bounded "seen" set
    // --- to here

    assertTrue(seen.add("ada"));
    users.put("ada", new User("ada"));
    sessions.put("s1", new Session("s1"));
    blobs.put("small", new byte[1024]);
    assertThrows(CapacityExceededException.class, () -> blobs.put("huge", new byte[65 << 20]));
    assertEquals(0, m.size(), "a snapshot does not change");
    assertEquals(1, blobs.metrics().size());
    assertEquals(1, blobs.metrics().rejectionCount());
    assertTrue(blobs.metrics().estimatedBytes() > 1024);
  }

  @Test
  void singleThreaded() {
    // --- README single-threaded, from here
    BoundedMap<String, User> lru = SafeMaps.builder()
        .maximumSize(10_000)
        .singleThreaded()                        // not thread-safe, like HashMap; exact LRU
        .build();
    Long2LongMap counts = SafeMaps.boundedLongToLong(1_000_000);             // no boxing
    Int2ObjectMap<Session> byId = SafeMaps.builder()
        .maximumSize(50_000)
        .expireAfterAccess(Duration.ofMinutes(10))
        .singleThreaded()
        .evictionOrder(EvictionOrder.FIFO)
        .buildIntToObject();
    LongSet seenIds = SafeSets.boundedLongs(100_000);
    // --- to here

    lru.put("ada", new User("ada"));
    counts.put(7L, counts.get(7L) + 1);
    byId.put(1, new Session("s1"));
    assertTrue(seenIds.add(42L));
    assertEquals(1, counts.get(7L));
    assertEquals(new Session("s1"), byId.get(1));
    assertEquals(new User("ada"), lru.get("ada"));
  }

  @Test
  void lockFree() {
    // --- README lock-free, from here
    ConcurrentBoundedLong2ObjectMap<Session> byId =
        SafeMaps.concurrentLongToObject(100_000);        // any threads, never boxes the key
    ConcurrentBoundedLong2ObjectMap<Session> recentLogins = SafeMaps.builder()
        .maximumSize(10_000)
        .expireAfterWrite(Duration.ofMinutes(5))
        .name("recentLogins").recordMetrics()
        .buildConcurrentLongToObject();
    BoundedQueue<Session> handOff = SafeQueues.bounded(1_000);    // offer is false when full
    BoundedQueue<Long> events = SafeQueues.builder()
        .capacity(4_096)
        .singleConsumer()                        // MPSC: one thread drains
        .overflowPolicy(OverflowPolicy.EVICT)    // drop the oldest instead of refusing
        .build();
    // --- to here

    byId.put(7L, new Session("s7"));
    recentLogins.put(8L, new Session("s8"));
    assertTrue(handOff.offer(new Session("s9")));
    for (long e = 0; e < 5_000; e++) {
      events.offer(e);
    }
    assertEquals(new Session("s7"), byId.get(7L));
    assertEquals(1, recentLogins.metrics().insertionCount());
    assertEquals(new Session("s9"), handOff.poll());
    assertEquals(4_096, events.size());
    assertEquals(5_000L - 4_096, events.peek());
  }

  @Test
  void lists() {
    // --- README lists, from here
    List<Session> recent = SafeLists.bounded(1_000);                 // drops the oldest at 1,000
    List<Session> lastMinute = SafeLists.expiring(Duration.ofMinutes(1), 100_000);
    LongList latencies = SafeLists.boundedLongs(100_000);            // no boxing
    BoundedList<byte[]> frames = SafeLists.builder()
        .maximumBytes(16L << 20)                 // bound by estimated bytes
        .name("frames").recordMetrics()
        .build();
    // --- to here

    recent.add(new Session("s1"));
    lastMinute.add(new Session("s2"));
    latencies.add(42L);
    frames.add(new byte[1024]);
    assertEquals(List.of(new Session("s1")), recent);
    assertEquals(List.of(new Session("s2")), lastMinute);
    assertEquals(42L, latencies.getLong(0));
    assertEquals(1, frames.metrics().size());
    assertTrue(frames.metrics().estimatedBytes() > 1024, "weighed by the estimator");
  }

  @Test
  void budgets() {
    // --- README budgets, from here
    MemoryBudget caches = MemoryBudget.of("caches", 256L << 20);   // one limit for all of them
    ConcurrentBoundedMap<String, byte[]> thumbnails = SafeMaps.builder().budget(caches).build();
    ConcurrentBoundedMap<String, byte[]> pages = SafeMaps.builder()
        .budget(caches)
        .budgetShares(0.25, 0.75)           // never evicted below a quarter, at most three
        .build();
    BoundedList<byte[]> frames = SafeLists.builder().budget(caches).build();

    // Map<Tenant, Map<Key, Value>>, bounded as a whole: inner maps count in their tenant's entry
    MemoryBudget perTenants = MemoryBudget.of("tenants", 32L << 20);
    ConcurrentBoundedMap<String, Map<String, byte[]>> tenants = SafeMaps.builder()
        .budget(perTenants)
        .name("tenants").recordMetrics()
        .build();
    tenants.computeIfAbsent("acme", t -> SafeMaps.builder().maximumSize(10_000).build())
        .put("logo", new byte[4096]);        // re-weighs the "acme" entry
    BudgetMetrics usage = perTenants.metrics();   // limit, used, members, evictions per member
    // --- to here

    thumbnails.put("t", new byte[100]);
    pages.put("p", new byte[100]);
    frames.add(new byte[100]);
    assertEquals(3, caches.metrics().memberCount());
    assertEquals(1, usage.memberCount());
    assertTrue(usage.usedBytes() > 4096);
    tenants.remove("acme");
    assertEquals(0, perTenants.usedBytes());
  }
}
