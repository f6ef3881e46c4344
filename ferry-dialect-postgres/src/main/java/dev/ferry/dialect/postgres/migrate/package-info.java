/**
 * PostgreSQL's part of schema migrations. Internal; reached through
 * {@link dev.ferry.core.spi.Dialect#migrationSupport()}.
 *
 * <ul>
 *   <li><b>Locking</b>: a session-level advisory lock ({@code pg_try_advisory_lock}) on a dedicated
 *       connection, keyed by the database and the history table's name. The server releases it when
 *       the session ends, so a killed migrator never leaves it behind. A waiter is told the holder's
 *       backend pid, application and client address from {@code pg_stat_activity}.</li>
 *   <li><b>Scripts</b> split at {@code ;} outside quotes, {@code E'...'} strings, dollar-quoted bodies
 *       ({@code $$...$$}, {@code $fn$...$fn$}), nested block comments and SQL-standard
 *       {@code BEGIN ATOMIC ... END} function bodies.</li>
 *   <li><b>DDL is transactional</b>: a failed migration is rolled back whole.</li>
 * </ul>
 */
package dev.ferry.dialect.postgres.migrate;
