/**
 * The PostgreSQL dialect of Ferry: {@link dev.ferry.dialect.postgres.PostgresDialect}, found by
 * ServiceLoader. Connections run in UTC with fixed output styles so that values read as text parse
 * exactly; snapshots are shared with pg_export_snapshot(); restores run in one transaction, since
 * PostgreSQL's DDL is transactional. Only {@code PostgresDialect} is public API; the rest is internal.
 */
package dev.ferry.dialect.postgres;
