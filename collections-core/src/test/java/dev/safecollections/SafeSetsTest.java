package dev.safecollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecollections.testing.Gc;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sets inherit their map's bound, release and validation. */
class SafeSetsTest {

  @Test
  void add_beyondBound_neverExceedsBound() {
    BoundedSet<Integer> set = SafeSets.bounded(50);
    for (int i = 0; i < 500; i++) {
      set.add(i);
      assertTrue(set.size() <= 50, "size " + set.size());
    }
    assertEquals(50, set.size());
    assertEquals(50, set.metrics().peakSize());
    assertEquals(50, set.metrics().bound());
  }

  @Test
  void add_present_returnsFalseAndKeepsTheElement() {
    BoundedSet<String> set = SafeSets.bounded(10);
    assertTrue(set.add("a"));
    assertFalse(set.add("a"));
    assertTrue(set.contains("a"));
    assertTrue(set.remove("a"));
    assertFalse(set.remove("a"));
  }

  @Test
  void removedAndEvictedElements_areUnreachable() {
    BoundedSet<Object> set = SafeSets.bounded(20);
    List<WeakReference<Object>> refs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      refs.add(addElement(set));
    }
    set.remove(set.iterator().next());
    assertTrue(Gc.stillReachable(refs) <= set.size());
  }

  private static WeakReference<Object> addElement(BoundedSet<Object> set) {
    Object element = new Object();
    set.add(element);
    return new WeakReference<>(element);
  }

  @Test
  void nulls_throwNpeNamingTheArgument() {
    BoundedSet<String> set = SafeSets.bounded(10);
    assertEquals("element", assertThrows(NullPointerException.class, () -> set.add(null)).getMessage());
    assertEquals("element",
        assertThrows(NullPointerException.class, () -> set.contains(null)).getMessage());
    assertEquals("element",
        assertThrows(NullPointerException.class, () -> set.remove(null)).getMessage());
  }

  @Test
  void badSettings_failNamingTheValue() {
    assertEquals("maximum size must be positive: -1",
        assertThrows(IllegalArgumentException.class, () -> SafeSets.bounded(-1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> SafeSets.expiring(Duration.ZERO, 10));
  }
}
