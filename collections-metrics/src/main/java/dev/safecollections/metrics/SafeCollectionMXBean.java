package dev.safecollections.metrics;

/**
 * The JMX view of one registered collection, registered by {@link JmxExporter} as {@code
 * dev.safecollections:type=<type>,name="<name>"}. Every attribute reads a fresh metrics snapshot;
 * after the collection has been garbage collected (and before its MBean is unregistered) the
 * counts read as -1. See {@code CollectionMetrics} for what each one means.
 */
public interface SafeCollectionMXBean {
  String getName();

  String getType();

  long getSize();

  /** The count bound; {@code Long.MAX_VALUE} when bounded only by bytes. */
  long getBound();

  /** The backing store's slots, or -1 if the collection cannot tell. */
  long getCapacity();

  long getPeakSize();

  long getEstimatedBytes();

  /** The byte bound or budget share, or -1 if there is none. */
  long getMaximumBytes();

  long getHitCount();

  long getMissCount();

  double getHitRate();

  long getInsertionCount();

  long getReplacementCount();

  long getRemovalCount();

  long getEvictionCount();

  long getExpirationCount();

  long getCollectedCount();

  long getRejectionCount();

  long getGrowCount();

  long getShrinkCount();
}
