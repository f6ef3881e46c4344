/**
 * Ferry's operations (backup, restore, transfer, verify, diff, inspect) and the library entry point
 * {@link dev.ferry.ops.Ferry}. Public API: the operation classes, their settings and result records.
 * Package-private classes (TargetUnit, LoadPhase, PrefetchedRows, RowDigest...) are internal.
 */
package dev.ferry.ops;
