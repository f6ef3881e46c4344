/**
 * {@code restore --merge}: an archive's rows into a database that already holds data, with new keys from
 * the target's generators and every reference rewritten through an id map. Public API:
 * {@link dev.ferry.ops.merge.Merge}, {@link dev.ferry.ops.merge.MergeSettings},
 * {@link dev.ferry.ops.merge.MergeResult}; the rest is internal. The algorithm is in docs/MERGE.md.
 */
package dev.ferry.ops.merge;
