/**
 * Reads a PostgreSQL schema from pg_catalog with a few set-based queries (one per kind of object,
 * never one per table) and builds Ferry's portable {@link dev.ferry.core.model.Schema}. Internal to
 * the PostgreSQL dialect.
 */
package dev.ferry.dialect.postgres.introspect;
