/**
 * Comparing two schemas of the portable model ({@link dev.ferry.core.diff.SchemaDiff}). Engine-neutral;
 * used by {@code ferry doctor}. A minimal model-level comparison, meant to be extended or replaced by
 * the fuller schema diff of {@code ferry diff}. Public API.
 */
package dev.ferry.core.diff;
