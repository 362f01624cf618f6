package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
    assertTrue(blobs.metrics().estimatedBytes().getAsLong() > 1024);
  }
}
