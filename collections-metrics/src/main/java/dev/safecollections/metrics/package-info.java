/**
 * Where safe collections are seen: a {@link dev.safecollections.metrics.CollectionRegistry} of
 * live collections held weakly (collections built with a name and {@code recordMetrics()} join
 * {@link dev.safecollections.metrics.CollectionRegistry#global()} by themselves), and exporters
 * that follow it: Micrometer ({@link dev.safecollections.metrics.SafeCollectionMeterBinder}),
 * JMX ({@link dev.safecollections.metrics.JmxExporter}), JFR ({@link
 * dev.safecollections.metrics.JfrEvents}), growth alerts ({@link
 * dev.safecollections.metrics.GrowthWatchdog}) and a text or JSON report ({@link
 * dev.safecollections.metrics.CollectionReport}).
 */
package dev.safecollections.metrics;
