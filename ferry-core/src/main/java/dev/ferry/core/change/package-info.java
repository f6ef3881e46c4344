/**
 * Portable schema changes ({@link dev.ferry.core.change.SchemaChange}) and their SQL-standard form
 * ({@link dev.ferry.core.change.StandardChangeSql}), which dialects extend. Public API: migrations
 * written as {@code .ops} files or from Java produce these records.
 */
package dev.ferry.core.change;
