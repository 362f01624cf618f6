package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * The retained heap of collections that share a {@link MemoryBudget}, measured with JOL: the
 * issue's targets, 48 MB for a 32 MiB budget.
 */
class BudgetFootprintTest {
  private static final long BUDGET = 32L << 20;
  private static final long TARGET = 48_000_000L;
  private static final int VALUE = 16 << 10;
  private static final long FED = 160_000_000L;

  @Test
  void fourMapsFed160MbEach_retainAtMost48Mb() throws InterruptedException {
    MemoryBudget budget = MemoryBudget.of(BUDGET);
    List<Map<Long, byte[]>> maps = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      maps.add(SafeMaps.builder().budget(budget).build());
    }
    List<Thread> feeders = new ArrayList<>();
    for (Map<Long, byte[]> m : maps) {
      Thread t = new Thread(() -> {
        for (long k = 0; k < FED / VALUE; k++) {
          m.put(k, new byte[VALUE]);
          if (ThreadLocalRandom.current().nextInt(4) == 0) {
            m.get(ThreadLocalRandom.current().nextLong(k + 1));
          }
        }
      });
      feeders.add(t);
      t.start();
    }
    for (Thread t : feeders) {
      t.join();
    }
    long retained = GraphLayout.parseInstance(maps.toArray()).totalSize();
    StringBuilder shares = new StringBuilder();
    for (Map<Long, byte[]> m : maps) {
      shares.append(' ').append(m.size());
    }
    System.out.printf("four maps sharing a 32 MiB budget, fed %,d B each: %,d B retained "
        + "(JOL), %,d B estimated; entries per map:%s%n", FED, retained, budget.usedBytes(),
        shares);
    assertTrue(retained <= TARGET, "retained " + retained);
    assertTrue(budget.usedBytes() <= BUDGET);
    for (Map<Long, byte[]> m : maps) {
      assertTrue(m.size() * (long) VALUE > BUDGET / 8, "a map was starved: " + m.size());
    }
  }

  @Test
  void thousandTenantsGrowingInnerMaps_retainAtMost48Mb() {
    MemoryBudget budget = MemoryBudget.of(BUDGET);
    ConcurrentBoundedMap<String, Map<String, byte[]>> tenants =
        SafeMaps.builder().budget(budget).recordMetrics().build();
    int value = 1024;
    Random random = new Random(42);
    for (long fed = 0; fed < FED; fed += value) {
      String tenant = "tenant-" + random.nextInt(1000);
      Map<String, byte[]> inner = tenants.computeIfAbsent(tenant,
          t -> SafeMaps.builder().maximumSize(100_000).build());
      inner.put("key-" + random.nextInt(1_000_000), new byte[value]);
    }
    long retained = GraphLayout.parseInstance(tenants).totalSize();
    long entries = 0;
    for (Map<String, byte[]> inner : tenants.values()) {
      entries += inner.size();
    }
    System.out.printf("1,000 tenants' inner maps under a 32 MiB budget, fed %,d B: %,d B "
        + "retained (JOL), %,d B estimated; %d tenants, %,d inner entries, %,d tenants evicted%n",
        FED, retained, budget.usedBytes(), tenants.size(), entries,
        tenants.metrics().evictionCount());
    assertTrue(retained <= TARGET, "retained " + retained);
    assertTrue(budget.usedBytes() <= BUDGET);
  }
}
