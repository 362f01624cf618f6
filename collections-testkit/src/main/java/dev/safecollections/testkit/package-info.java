/**
 * Leak properties for downstream builds: a small property engine (seeded generation,
 * shrinking, replay), model-based conformance, retention and footprint probes and ArchUnit
 * rules. Empty until issue 8; until then the core module's tests are seeded randomized JUnit
 * tests that print their seed on failure.
 */
package dev.safecollections.testkit;
