/**
 * Migration sets: reading modules from a directory or the class path ({@link dev.ferry.migrate.set.MigrationSetLoader}),
 * choosing each engine's script variant ({@link dev.ferry.migrate.set.MigrationSet#resolve}), checksums,
 * portable {@code .ops} files, and the cross-module order ({@link dev.ferry.migrate.set.MigrationPlanner}).
 * No database here. Internal to ferry-migrate, public for its tests and tools.
 */
package dev.ferry.migrate.set;
