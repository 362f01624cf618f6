package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.internal.ObjectSizeEstimator;
import dev.safecollections.testing.Seeds;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Maps of maps in a budget: the outer entry is re-weighed as its inner map grows and shrinks,
 * and leaving the outer map gives the inner map's bytes back.
 */
class NestedBudgetTest {
  private static final Weigher<Object, Object> WEIGHER = Weigher.estimatingRetainedBytes();
  private static final long SHELL = 2400;
  private static final int LIMIT = 256 << 10;

  private static Map<String, byte[]> inner() {
    return SafeMaps.builder().maximumSize(50).build();
  }

  @Test
  void innerGrowth_isChargedToTheOuterEntry_andRemovalReleasesIt() {
    MemoryBudget budget = MemoryBudget.of(LIMIT);
    ConcurrentBoundedMap<String, Map<String, byte[]>> tenants =
        SafeMaps.builder().budget(budget).build();
    Map<String, byte[]> acme = tenants.computeIfAbsent("acme", t -> inner());
    long empty = budget.usedBytes();
    assertEquals(shell("acme"), empty);
    acme.put("a", new byte[1000]);
    acme.put("b", new byte[2000]);
    assertEquals(empty + WEIGHER.weigh("a", new byte[1000]) + WEIGHER.weigh("b", new byte[2000]),
        budget.usedBytes());
    acme.remove("a");
    assertEquals(empty + WEIGHER.weigh("b", new byte[2000]), budget.usedBytes());
    tenants.remove("acme");
    assertEquals(0, budget.usedBytes());
    acme.put("c", new byte[3000]);
    assertEquals(0, budget.usedBytes(), "a detached inner map is still charged");
  }

  @Test
  void innerMapUnderTwoKeys_isCountedOnce() {
    MemoryBudget budget = MemoryBudget.of(LIMIT);
    ConcurrentBoundedMap<String, Map<String, byte[]>> tenants =
        SafeMaps.builder().budget(budget).build();
    Map<String, byte[]> shared = inner();
    shared.put("x", new byte[4000]);
    tenants.put("first", shared);
    tenants.put("second", shared);
    long content = WEIGHER.weigh("x", new byte[4000]);
    assertEquals(shell("first") + shell("second") + content, budget.usedBytes());
    tenants.remove("second");
    assertEquals(shell("first") + content, budget.usedBytes(), "the second key owned nothing");
    tenants.put("first", inner());
    assertEquals(shell("first"), budget.usedBytes(), "replacing released the content");
  }

  @Test
  void innerGrowthPastTheLimit_evictsTheColdestTenants() {
    MemoryBudget budget = MemoryBudget.of(LIMIT);
    ConcurrentBoundedMap<String, Map<String, byte[]>> tenants =
        SafeMaps.builder().budget(budget).recordMetrics().build();
    for (int t = 0; t < 40; t++) {
      Map<String, byte[]> m = tenants.computeIfAbsent("t" + t, k -> inner());
      for (int k = 0; k < 20; k++) {
        m.put("k" + k, new byte[1024]);
      }
    }
    assertTrue(budget.usedBytes() <= LIMIT);
    assertEquals(expected(tenants), budget.usedBytes());
    assertTrue(tenants.metrics().evictionCount() > 0);
  }

  @Test
  void randomOperations_keepOuterBytesEqualToShellsPlusContent() {
    Seeds.forEach(10, random -> {
      MemoryBudget budget = MemoryBudget.of(LIMIT);
      ConcurrentBoundedMap<String, Map<String, byte[]>> tenants =
          SafeMaps.builder().budget(budget).build();
      for (int step = 0; step < 1500; step++) {
        String op = apply(tenants, random);
        assertTrue(budget.usedBytes() <= LIMIT, "over the limit after " + op);
        assertEquals(expected(tenants), budget.usedBytes(), "used bytes after " + op
            + " at step " + step);
      }
    });
  }

  private static String apply(Map<String, Map<String, byte[]>> tenants, Random random) {
    String tenant = "t" + random.nextInt(12);
    switch (random.nextInt(12)) {
      case 0:
        tenants.remove(tenant);
        return "remove a tenant";
      case 1:
        tenants.put(tenant, inner());
        return "replace a tenant's map";
      case 2:
        if (random.nextInt(10) == 0) {
          tenants.clear();
          return "clear the tenants";
        }
        return "nothing";
      default: {
        Map<String, byte[]> m = tenants.computeIfAbsent(tenant, t -> inner());
        String key = "k" + random.nextInt(30);
        int r = random.nextInt(10);
        if (r < 6) {
          m.put(key, new byte[random.nextInt(6000)]);
          return "put into an inner map";
        } else if (r < 8) {
          m.remove(key);
          return "remove from an inner map";
        } else if (r < 9) {
          m.merge(key, new byte[100], (a, b) -> new byte[a.length + b.length]);
          return "merge into an inner map";
        }
        m.clear();
        return "clear an inner map";
      }
    }
  }

  /** Each tenant's shell plus its inner map's entries, as the outer map should have charged. */
  private static long expected(Map<String, Map<String, byte[]>> tenants) {
    long sum = 0;
    for (Map.Entry<String, Map<String, byte[]>> e : tenants.entrySet()) {
      sum += shell(e.getKey());
      for (Map.Entry<String, byte[]> i : e.getValue().entrySet()) {
        sum += WEIGHER.weigh(i.getKey(), i.getValue());
      }
    }
    return sum;
  }

  private static long shell(String key) {
    return ObjectSizeEstimator.ENTRY_OVERHEAD + ObjectSizeEstimator.estimate(key) + SHELL;
  }
}
