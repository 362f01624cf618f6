package dev.safecollections;

/** Linearizability within the bound: keys 1 to 5 in a map of 100. */
public class EvictingMapLincheckTest extends AbstractMapLincheckTest {
  public EvictingMapLincheckTest() {
    super(SafeMaps.bounded(100));
  }
}
