/**
 * Turns a CPU profile of a ferry run (async-profiler's collapsed stacks, see bench/profile.sh) into
 * a flame-graph picture ({@link dev.ferry.bench.profile.FlameGraphPng}) and a plain-text account of
 * where the time goes ({@link dev.ferry.bench.profile.ProfileSummary}). Internal to the benchmarks.
 */
package dev.ferry.bench.profile;
