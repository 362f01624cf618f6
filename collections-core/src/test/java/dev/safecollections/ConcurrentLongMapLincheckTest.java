package dev.safecollections;

import dev.safecollections.testing.LincheckRuns;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.kotlinx.lincheck.paramgen.LongGen;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of the lock-free long-key map's per-key operations, type-specific and boxed,
 * checked by Lincheck against the same map run sequentially, by model checking and by stress.
 * The map has a shrink floor of 1, so that removals and insertions keep moving it to fresh
 * tables while the operations race: the scenarios cover readers following a moved key, writers
 * moving their key, pending insertions committed or aborted by others, and the mover itself.
 * The bound (100) is above the key range, since which entry a sampled eviction picks is not
 * deterministic. {@link LincheckRuns} says how to change the counts.
 */
@Param(name = "key", gen = LongGen.class, conf = "1:4")
@Param(name = "value", gen = IntGen.class, conf = "1:6")
public class ConcurrentLongMapLincheckTest {
  private final ConcurrentBoundedLong2ObjectMap<Integer> map =
      ConcurrentLongMapConformanceTest.movingEveryFewWrites(100);

  @Test
  void modelChecking() {
    LincheckRuns.modelChecking(getClass());
  }

  @Test
  void stress() {
    LincheckRuns.stress(getClass());
  }

  @Operation
  public Integer get(@Param(name = "key") long key) {
    return map.get(key);
  }

  @Operation
  public boolean containsKey(@Param(name = "key") long key) {
    return map.containsKey(key);
  }

  @Operation
  public Integer put(@Param(name = "key") long key, @Param(name = "value") int value) {
    return map.put(key, (Integer) value);
  }

  @Operation
  public Integer putIfAbsent(@Param(name = "key") long key, @Param(name = "value") int value) {
    return map.putIfAbsent(key, (Integer) value);
  }

  @Operation
  public Integer replace(@Param(name = "key") long key, @Param(name = "value") int value) {
    return map.replace(key, (Integer) value);
  }

  @Operation
  public boolean replaceConditionally(@Param(name = "key") long key,
      @Param(name = "value") int previous, @Param(name = "value") int next) {
    return map.replace(key, (Integer) previous, (Integer) next);
  }

  @Operation
  public Integer remove(@Param(name = "key") long key) {
    return map.remove(key);
  }

  @Operation
  public boolean removeConditionally(@Param(name = "key") long key,
      @Param(name = "value") int previous) {
    return map.remove(key, (Object) previous);
  }

  @Operation
  public Integer merge(@Param(name = "key") long key, @Param(name = "value") int value) {
    return map.merge(key, (Integer) value, (a, b) -> (a + b > 8) ? null : a + b);
  }

  @Operation
  public Integer computeIfAbsentBoxed(@Param(name = "key") long key,
      @Param(name = "value") int value) {
    return map.computeIfAbsent((Long) key, k -> value);
  }
}
