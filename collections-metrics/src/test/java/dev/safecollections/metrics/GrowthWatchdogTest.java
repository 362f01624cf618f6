package dev.safecollections.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.SafeCollection;
import dev.safecollections.SafeMaps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Driven sample by sample with an injected ticker: no thread, no waiting. */
class GrowthWatchdogTest {
  private final FakeTicker ticker = new FakeTicker();
  private final List<GrowthAlert> alerts = new ArrayList<>();
  private final CollectionRegistry registry = CollectionRegistry.create();

  private GrowthWatchdog watchdog() {
    return GrowthWatchdog.builder(registry).nearBound(0.9, Duration.ofMinutes(5))
        .growingSamples(5).ticker(ticker).listener(alerts::add).build();
  }

  private Map<Integer, Integer> map(String name, int bound) {
    Map<Integer, Integer> m = SafeMaps.builder().maximumSize(bound).name(name).singleThreaded()
        .build();
    registry.register((SafeCollection) m);
    return m;
  }

  @Test
  void nearBound_alertsOnceAfterTheWindow_andAgainOnlyAfterDroppingBelow() {
    Map<Integer, Integer> m = map("near", 100);
    GrowthWatchdog w = watchdog();
    for (int i = 0; i < 95; i++) {
      m.put(i, i);
    }
    w.sample();                                  // at 95%: the window opens
    ticker.advance(Duration.ofMinutes(4));
    w.sample();
    assertEquals(List.of(), alerts, "4 minutes is not yet 5");
    ticker.advance(Duration.ofMinutes(1));
    w.sample();
    assertEquals(1, alerts.size());
    GrowthAlert a = alerts.get(0);
    assertEquals(GrowthAlert.Kind.NEAR_BOUND, a.kind());
    assertEquals("near", a.name());
    assertEquals("BoundedMap", a.type());
    assertEquals(Duration.ofMinutes(5), a.lasted());
    assertEquals(95, a.metrics().size());
    assertTrue(a.message().contains("95 of its bound of 100"), a.message());
    ticker.advance(Duration.ofMinutes(10));
    w.sample();
    assertEquals(1, alerts.size(), "once per episode");
    for (int i = 0; i < 20; i++) {
      m.remove(i);
    }
    w.sample();                                  // 75%: the episode ends
    for (int i = 0; i < 20; i++) {
      m.put(i, i);
    }
    w.sample();
    ticker.advance(Duration.ofMinutes(5));
    w.sample();
    assertEquals(2, alerts.size(), "a new episode alerts again");
  }

  @Test
  void growing_alertsAfterEnoughRisingSamples_andResetsOnAPause() {
    Map<Integer, Integer> m = map("climb", 1_000_000);
    GrowthWatchdog w = watchdog();
    int next = 0;
    w.sample();
    for (int s = 0; s < 4; s++) {
      m.put(next++, 0);
      ticker.advance(Duration.ofSeconds(10));
      w.sample();
    }
    w.sample();                                  // no growth: the run of 4 resets
    assertEquals(List.of(), alerts);
    for (int s = 0; s < 5; s++) {
      m.put(next++, 0);
      ticker.advance(Duration.ofSeconds(10));
      w.sample();
    }
    assertEquals(1, alerts.size());
    assertEquals(GrowthAlert.Kind.GROWING, alerts.get(0).kind());
    assertEquals(Duration.ofSeconds(40), alerts.get(0).lasted(), "from the first rise");
    m.put(next++, 0);
    w.sample();
    assertEquals(1, alerts.size(), "once per episode");
  }

  @Test
  void throwingListener_isLoggedAndSamplingGoesOn() {
    Map<Integer, Integer> m = map("thrower", 10);
    List<GrowthAlert> seen = new ArrayList<>();
    GrowthWatchdog w = GrowthWatchdog.builder(registry).nearBound(0.5, Duration.ofSeconds(1))
        .ticker(ticker).listener(a -> {
          seen.add(a);
          throw new IllegalStateException("listener bug");
        }).build();
    for (int i = 0; i < 10; i++) {
      m.put(i, i);
    }
    w.sample();
    ticker.advance(Duration.ofSeconds(1));
    w.sample();
    assertEquals(1, seen.size());
  }

  @Test
  void badSettings_failAtOnce_namingTheValue() {
    GrowthWatchdog.Builder b = GrowthWatchdog.builder(registry);
    assertEquals("ratio must be in (0, 1]: 1.5", assertThrows(IllegalArgumentException.class,
        () -> b.nearBound(1.5, Duration.ofMinutes(1))).getMessage());
    assertEquals("growingSamples must be at least 2: 1", assertThrows(
        IllegalArgumentException.class, () -> b.growingSamples(1)).getMessage());
    assertEquals("period must be positive: PT0S", assertThrows(IllegalArgumentException.class,
        () -> b.period(Duration.ZERO)).getMessage());
  }

  @Test
  void start_samplesOnTheSharedDaemonThread_untilClosed() throws InterruptedException {
    Map<Integer, Integer> m = map("started", 10);
    for (int i = 0; i < 10; i++) {
      m.put(i, i);
    }
    CountDownLatch alerted = new CountDownLatch(1);
    AtomicReference<Thread> on = new AtomicReference<>();
    try (GrowthWatchdog w = GrowthWatchdog.builder(registry).period(Duration.ofMillis(10))
        .nearBound(0.9, Duration.ofNanos(1)).listener(a -> {
          on.set(Thread.currentThread());
          alerted.countDown();
        }).build().start()) {
      assertTrue(alerted.await(30, TimeUnit.SECONDS), "an alert within 30 s of 10 ms samples");
    }
    assertEquals("safecollections-monitor", on.get().getName());
    assertTrue(on.get().isDaemon());
  }
}
