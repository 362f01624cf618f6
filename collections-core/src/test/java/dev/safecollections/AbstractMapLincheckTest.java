package dev.safecollections;

import dev.safecollections.testing.LincheckRuns;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of the per-key operations, checked by Lincheck against the same map run
 * sequentially: by model checking (systematic interleavings through our lock and Caffeine) and
 * by stress. Caffeine runs maintenance on the calling thread here, so runs are deterministic.
 * Operations spanning entries ({@code size}, {@code clear}) are not linearizable and are left
 * out, as in Caffeine's own Lincheck tests. {@link LincheckRuns} says how to change the counts.
 */
@Param(name = "key", gen = IntGen.class, conf = "1:5")
@Param(name = "value", gen = IntGen.class, conf = "1:10")
public abstract class AbstractMapLincheckTest {
  /** Stands for {@link CapacityExceededException} in results, which must compare equal. */
  static final int REJECTED = -1;

  private final ConcurrentBoundedMap<Integer, Integer> map;

  protected AbstractMapLincheckTest(ConcurrentBoundedMap<Integer, Integer> map) {
    this.map = map;
  }

  @Test
  void modelChecking() {
    LincheckRuns.modelChecking(getClass());
  }

  @Test
  void stress() {
    LincheckRuns.stress(getClass());
  }

  @Operation
  public Integer get(@Param(name = "key") int key) {
    return map.get(key);
  }

  @Operation
  public boolean containsKey(@Param(name = "key") int key) {
    return map.containsKey(key);
  }

  @Operation
  public Integer put(@Param(name = "key") int key, @Param(name = "value") int value) {
    try {
      return map.put(key, value);
    } catch (CapacityExceededException e) {
      return REJECTED;
    }
  }

  @Operation
  public Integer putIfAbsent(@Param(name = "key") int key, @Param(name = "value") int value) {
    try {
      return map.putIfAbsent(key, value);
    } catch (CapacityExceededException e) {
      return REJECTED;
    }
  }

  @Operation
  public Integer replace(@Param(name = "key") int key, @Param(name = "value") int value) {
    return map.replace(key, value);
  }

  @Operation
  public boolean replaceConditionally(@Param(name = "key") int key,
      @Param(name = "value") int previous, @Param(name = "value") int next) {
    return map.replace(key, previous, next);
  }

  @Operation
  public Integer remove(@Param(name = "key") int key) {
    return map.remove(key);
  }

  @Operation
  public boolean removeConditionally(@Param(name = "key") int key,
      @Param(name = "value") int previous) {
    return map.remove(key, previous);
  }

  @Operation
  public Integer computeIfAbsent(@Param(name = "key") int key, @Param(name = "value") int value) {
    try {
      return map.computeIfAbsent(key, k -> value);
    } catch (CapacityExceededException e) {
      return REJECTED;
    }
  }

  @Operation
  public Integer computeIfPresent(@Param(name = "key") int key, @Param(name = "value") int value) {
    return map.computeIfPresent(key, (k, v) -> (v == value) ? null : v + value);
  }

  @Operation
  public Integer merge(@Param(name = "key") int key, @Param(name = "value") int value) {
    try {
      return map.merge(key, value, (a, b) -> a + b);
    } catch (CapacityExceededException e) {
      return REJECTED;
    }
  }
}
