/**
 * Safe schema migrations: {@link dev.ferry.migrate.Migrations} for apps (configure, then migrate,
 * status or ensureUpToDate), and one class per command ({@link dev.ferry.migrate.Migrate},
 * {@link dev.ferry.migrate.Undo}, {@link dev.ferry.migrate.Status}, {@link dev.ferry.migrate.Repair})
 * with immutable {@link dev.ferry.migrate.MigrationSettings}. Public API. See docs/MIGRATIONS.md.
 */
package dev.ferry.migrate;
