package dev.safecollections.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.CollectionMetrics;
import dev.safecollections.ConcurrentBoundedMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After every test, checks the invariants of every map that {@link MapConfig} created for it,
 * in the manner of Caffeine's {@code CacheValidationInterceptor}: the entries counted by
 * iteration equal {@code size()}, the size is within the bound and the peak covers it, and the
 * counters add up (I5). Tests leave their maps quiescent, so these hold exactly.
 */
public final class ValidateMapsAfterEach implements BeforeEachCallback, AfterEachCallback {
  private static final List<ConcurrentBoundedMap<?, ?>> CREATED = new ArrayList<>();

  static synchronized void created(ConcurrentBoundedMap<?, ?> map) {
    CREATED.add(map);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    synchronized (ValidateMapsAfterEach.class) {
      CREATED.clear();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<ConcurrentBoundedMap<?, ?>> maps;
    synchronized (ValidateMapsAfterEach.class) {
      maps = new ArrayList<>(CREATED);
      CREATED.clear();
    }
    for (ConcurrentBoundedMap<?, ?> map : maps) {
      validate(map);
    }
  }

  private static int count(ConcurrentBoundedMap<?, ?> map) {
    int counted = 0;
    for (Iterator<?> it = map.entrySet().iterator(); it.hasNext(); it.next()) {
      counted++;
    }
    return counted;
  }

  /** The invariants of a quiescent map. */
  public static void validate(ConcurrentBoundedMap<?, ?> map) {
    // A weakly held value the GC has cleared is skipped by iteration at once but leaves the
    // size only once the reference handler has enqueued it and cleanUp() has drained it: wait
    // for that (a bounded loop of collections), then check.
    Gc.eventually(() -> {
      map.cleanUp();
      return count(map) == map.metrics().size();
    });
    CollectionMetrics m = map.metrics();
    int counted = count(map);
    String where = map.name() + " " + m;
    assertEquals(m.size(), counted, "entries counted by iteration vs size: " + where);
    assertTrue(m.size() <= m.bound(), "size over bound: " + where);
    assertTrue(m.peakSize() >= m.size(), "peak below size: " + where);
    m.maximumBytes().ifPresent(max -> assertTrue(m.estimatedBytes() <= max,
        "bytes over bound: " + where));
    long out = m.removalCount() + m.evictionCount() + m.expirationCount() + m.collectedCount();
    assertEquals(m.size(), m.insertionCount() - out, "accounting (I5): " + where);
  }
}
