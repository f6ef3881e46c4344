/**
 * Ferry's benchmark tools (not part of the library, never published): the inventory-app dataset
 * generator ({@code data}), JMH micro-benchmarks of the hot paths ({@code jmh}) and the flame-graph
 * renderer of profiled runs ({@code profile}). The harness that drives them is {@code bench/run.sh}.
 */
package dev.ferry.bench;
