package dev.safecollections;

/** Linearizability at the bound: three slots for five keys, so insertions race for the last. */
public class RejectingMapLincheckTest extends AbstractMapLincheckTest {
  public RejectingMapLincheckTest() {
    super(SafeMaps.builder().maximumSize(3).overflowPolicy(OverflowPolicy.REJECT).build());
  }
}
