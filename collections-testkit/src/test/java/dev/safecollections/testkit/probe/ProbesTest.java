package dev.safecollections.testkit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probes on their own, as a downstream test uses them. */
class ProbesTest {

  @Test
  void reachability_passesForDroppedObjects_andNamesTheOnesStillHeld() {
    List<Object> held = new ArrayList<>();
    Reachability reach = new Reachability();
    held.add(reach.watch(new Object(), "kept"));
    reach.watch(new Object(), "dropped");
    AssertionError e = assertThrows(AssertionError.class, reach::assertAllCollected);
    assertEquals("1 of 2 objects still reachable after 50 GC rounds: [kept]", e.getMessage());
    held.clear();
    reach.assertAllCollected();
  }

  @Test
  void assertCollected_failsWhileReferenced() {
    Object o = new Object();
    WeakReference<Object> ref = new WeakReference<>(o);
    AssertionError e = assertThrows(AssertionError.class,
        () -> Reachability.assertCollected(ref, "the session"));
    assertEquals("the session is still reachable after 50 GC rounds", e.getMessage());
    o = null;
    Reachability.assertCollected(ref, "the session");
  }

  @Test
  void retainedBytes_lessContent_isTheStructure() {
    List<Object> list = new ArrayList<>();
    Object[] content = new Object[1000];
    for (int i = 0; i < content.length; i++) {
      content[i] = new byte[100];
      list.add(content[i]);
    }
    long structure = RetainedBytes.of(list, content);
    // an ArrayList of 1,000 grown from 10: its object and its array of 1,234 references
    assertEquals(RetainedBytes.of(new ArrayList<>(list)) - 1000 * 120L
        + (1234 - 1000) * 4L, structure, "structure " + structure);
    AssertionError e = assertThrows(AssertionError.class,
        () -> RetainedBytes.assertAtMost("a list", 10_000, 2.0, 1_000, 500));
    assertEquals("a list retains 10,000 bytes, more than 2.0 x 1,000 + 500 = 2,500",
        e.getMessage());
    RetainedBytes.assertAtMost("a list", 2_500, 2.0, 1_000, 500);
    assertTrue(structure > 4000);
  }
}
