package dev.safecollections.internal.jctools;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jctools.maps.NonBlockingHashMapLong;

/**
 * Reads the current table of a {@link NonBlockingHashMapLong}, for metrics: JCTools does not
 * expose it, so this reads its private fields through {@link VarHandle}s. If the fields cannot
 * be reached (another JCTools version, or a module layer that does not open the package), the
 * table reads as unknown and the map reports no capacity; nothing else depends on it.
 */
final class NbhmlTables {
  private static final System.Logger LOGGER = System.getLogger(NbhmlTables.class.getName());
  private static final VarHandle CHM;
  private static final VarHandle KEYS;

  static {
    VarHandle chm = null;
    VarHandle keys = null;
    try {
      Class<?> table = Class.forName(NonBlockingHashMapLong.class.getName() + "$CHM");
      chm = MethodHandles.privateLookupIn(NonBlockingHashMapLong.class, MethodHandles.lookup())
          .findVarHandle(NonBlockingHashMapLong.class, "_chm", table);
      keys = MethodHandles.privateLookupIn(table, MethodHandles.lookup())
          .findVarHandle(table, "_keys", long[].class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOGGER.log(System.Logger.Level.DEBUG, "NonBlockingHashMapLong's table is not readable;"
          + " the lock-free map reports no capacity", e);
      chm = null;
      keys = null;
    }
    CHM = chm;
    KEYS = keys;
  }

  private NbhmlTables() {}

  /** Whether tables can be read. */
  static boolean readable() {
    return CHM != null;
  }

  /** The map's current table object (identity changes on every resize), or null if unreadable. */
  static Object table(NonBlockingHashMapLong<?> map) {
    return (CHM == null) ? null : CHM.getAcquire(map);
  }

  /** The slots of a table from {@link #table}, or -1 if unknown. */
  static long slots(Object table) {
    return (table == null) ? -1 : ((long[]) KEYS.get(table)).length;
  }
}
