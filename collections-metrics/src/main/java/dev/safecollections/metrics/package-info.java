/**
 * Exporters for safe collections: a registry of live collections held weakly, a Micrometer
 * binder, JMX, JFR events and growth alerts. Empty until issue 7; the module exists so that
 * the build and the coordinates are in place.
 */
package dev.safecollections.metrics;
