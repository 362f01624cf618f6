package dev.safecollections.metrics;

import dev.safecollections.CollectionMetrics;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers one {@link SafeCollectionMXBean} per collection of a {@link CollectionRegistry} with
 * an {@link MBeanServer}, as {@code dev.safecollections:type=<type>,name="<name>"}, following the
 * registry: collections registered later get an MBean, and a collected or unregistered one
 * loses its MBean. A second live collection with the same name and type gets {@code ,id=<n>}
 * appended (its registry id). The MBeans hold their collections weakly.
 *
 * <p>Thread-safe. {@link #close()} unregisters every MBean this exporter registered.
 */
public final class JmxExporter implements AutoCloseable, CollectionRegistry.Listener {
  /** The JMX domain of every MBean. */
  public static final String DOMAIN = "dev.safecollections";
  private static final System.Logger LOGGER = System.getLogger(JmxExporter.class.getName());

  private final CollectionRegistry registry;
  private final MBeanServer server;
  private final Map<RegisteredCollection, ObjectName> names = new HashMap<>();

  private JmxExporter(CollectionRegistry registry, MBeanServer server) {
    this.registry = registry;
    this.server = server;
  }

  /** Exports {@code registry}'s collections to the platform MBean server. */
  public static JmxExporter register(CollectionRegistry registry) {
    return register(registry, ManagementFactory.getPlatformMBeanServer());
  }

  /** Exports {@code registry}'s collections to {@code server}. */
  public static JmxExporter register(CollectionRegistry registry, MBeanServer server) {
    JmxExporter e = new JmxExporter(Objects.requireNonNull(registry, "registry"),
        Objects.requireNonNull(server, "server"));
    registry.addListener(e);
    for (RegisteredCollection c : registry.collections()) {
      e.registered(c);
    }
    return e;
  }

  /** The object name of a collection's MBean: {@code dev.safecollections:type=..,name=".."}. */
  public static ObjectName objectName(String type, String name) {
    try {
      return new ObjectName(DOMAIN + ":type=" + type + ",name=" + ObjectName.quote(name));
    } catch (JMException e) {
      throw new IllegalArgumentException("no object name for " + type + " " + name, e);
    }
  }

  @Override
  public synchronized void registered(RegisteredCollection c) {
    if (names.containsKey(c)) {
      return;
    }
    ObjectName name = objectName(c.type(), c.name());
    try {
      try {
        server.registerMBean(new View(c), name);
      } catch (InstanceAlreadyExistsException e) {
        name = new ObjectName(name + ",id=" + c.id());
        server.registerMBean(new View(c), name);
      }
      names.put(c, name);
    } catch (JMException e) {
      LOGGER.log(System.Logger.Level.WARNING, "could not register an MBean for " + c, e);
    }
  }

  @Override
  public synchronized void unregistered(RegisteredCollection c) {
    ObjectName name = names.remove(c);
    if (name != null) {
      unregister(name);
    }
  }

  /** Unregisters every MBean this exporter registered and stops following the registry. */
  @Override
  public synchronized void close() {
    registry.removeListener(this);
    names.values().forEach(this::unregister);
    names.clear();
  }

  private void unregister(ObjectName name) {
    try {
      server.unregisterMBean(name);
    } catch (InstanceNotFoundException e) {
      // already gone
    } catch (JMException e) {
      LOGGER.log(System.Logger.Level.WARNING, "could not unregister " + name, e);
    }
  }

  /** The MBean of one collection. */
  private static final class View implements SafeCollectionMXBean {
    private final RegisteredCollection c;

    View(RegisteredCollection c) {
      this.c = c;
    }

    private long read(ToLongFunction<CollectionMetrics> f) {
      return c.metrics().map(f::applyAsLong).orElse(-1L);
    }

    @Override public String getName() { return c.name(); }
    @Override public String getType() { return c.type(); }
    @Override public long getSize() { return read(CollectionMetrics::size); }
    @Override public long getBound() { return read(CollectionMetrics::bound); }
    @Override public long getCapacity() { return read(m -> m.capacity().orElse(-1)); }
    @Override public long getPeakSize() { return read(CollectionMetrics::peakSize); }
    @Override public long getEstimatedBytes() { return read(CollectionMetrics::estimatedBytes); }
    @Override public long getMaximumBytes() { return read(m -> m.maximumBytes().orElse(-1)); }
    @Override public long getHitCount() { return read(CollectionMetrics::hitCount); }
    @Override public long getMissCount() { return read(CollectionMetrics::missCount); }
    @Override public double getHitRate() { return c.metrics().map(CollectionMetrics::hitRate).orElse(-1.0); }
    @Override public long getInsertionCount() { return read(CollectionMetrics::insertionCount); }
    @Override public long getReplacementCount() { return read(CollectionMetrics::replacementCount); }
    @Override public long getRemovalCount() { return read(CollectionMetrics::removalCount); }
    @Override public long getEvictionCount() { return read(CollectionMetrics::evictionCount); }
    @Override public long getExpirationCount() { return read(CollectionMetrics::expirationCount); }
    @Override public long getCollectedCount() { return read(CollectionMetrics::collectedCount); }
    @Override public long getRejectionCount() { return read(CollectionMetrics::rejectionCount); }
    @Override public long getGrowCount() { return read(CollectionMetrics::growCount); }
    @Override public long getShrinkCount() { return read(CollectionMetrics::shrinkCount); }
  }
}
