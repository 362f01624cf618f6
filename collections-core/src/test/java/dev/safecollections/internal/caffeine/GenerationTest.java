package dev.safecollections.internal.caffeine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Caffeine's removal causes map one to one, by name, onto ours. */
class GenerationTest {

  @Test
  void causes_mapEveryCaffeineCauseToOursOfTheSameName() {
    com.github.benmanes.caffeine.cache.RemovalCause[] theirs =
        com.github.benmanes.caffeine.cache.RemovalCause.values();
    assertEquals(theirs.length, Generation.CAUSES.length);
    for (com.github.benmanes.caffeine.cache.RemovalCause cause : theirs) {
      assertEquals(cause.name(), Generation.CAUSES[cause.ordinal()].name());
    }
    assertEquals(dev.safecollections.RemovalCause.values().length, theirs.length);
  }
}
