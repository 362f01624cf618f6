package dev.safecollections.testkit.leak;

import java.util.List;

/** A suite of leak properties for one kind of collection: {@link MapLeakSuite}, {@link ListLeakSuite}. */
public interface LeakSuite {
  /** The suite's name, which every property's name starts with. */
  String name();

  /** The properties that apply to the declared features. */
  List<LeakProperty> properties();

  /** Runs every property on the calling thread; throws the first failure. */
  default void checkAll() {
    for (LeakProperty p : properties()) {
      p.check();
    }
  }
}
