/**
 * The benchmark dataset: one logical "inventory app" (11 tables, a self-referencing category tree,
 * a nullable supplier/contact foreign-key cycle, a wide table, small blobs, Unicode text) built
 * server-side in PostgreSQL, MariaDB and SQLite from the same templates, so every engine holds the
 * same rows for the same seed. {@link dev.ferry.bench.data.Dataset} defines it once;
 * {@link dev.ferry.bench.data.SqlFlavor} renders it per engine; {@link dev.ferry.bench.data.GenerateDataset}
 * is the command. Internal to the benchmarks.
 */
package dev.ferry.bench.data;
