package com.acme;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.safecollections.SafeMaps;
import dev.safecollections.testkit.arch.LeakRules;
import dev.safecollections.testkit.leak.LeakTests;
import dev.safecollections.testkit.leak.MapLeakSuite;
import dev.safecollections.testkit.probe.Reachability;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The README's downstream example, compiled and run: keep the two in step. */
class CacheLeakTest {

  // --- README: testkit ---
  /** Every leak property that applies, one dynamic test each (I1 to I7). */
  @TestFactory
  Stream<DynamicTest> sessionCache() {
    return LeakTests.dynamicTests(
        MapLeakSuite.forMaps("session cache",
                () -> SafeMaps.builder().maximumSize(16).recordMetrics().build())
            .bounded(16)                  // a small bound, so short sequences reach it
            .threadSafe()                 // also checks the bound with concurrent writers
            .recordsMetrics()             // metrics agree with the operations
            .storageFollowsContent(4));   // after removals: at most 4x a fresh map's bytes
  }

  /** A third-party map works too: declare what it is. */
  @TestFactory
  Stream<DynamicTest> plainConcurrentHashMap() {
    return LeakTests.dynamicTests(
        MapLeakSuite.forMaps("ConcurrentHashMap", ConcurrentHashMap::new).threadSafe());
  }

  /** No static or singleton-held HashMap, ArrayList, ... in the application's code. */
  @Test
  void noLongLivedUnboundedCollections() {
    LeakRules.noLongLivedUnboundedCollections()
        .check(new ClassFileImporter().importPackages("com.acme"));
  }

  /** A probe on its own: what the cache removes becomes unreachable. */
  @Test
  void removedSessionIsReleased() {
    Map<String, Object> cache = SafeMaps.bounded(100);
    Reachability reach = new Reachability();
    cache.put("alice", reach.watch(new Object(), "alice's session"));
    cache.remove("alice");
    reach.assertAllCollected();
  }
  // --- end ---
}
