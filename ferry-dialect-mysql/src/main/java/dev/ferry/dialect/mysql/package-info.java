/**
 * The MariaDB/MySQL dialect (id {@code mysql}): one module for both engines, variants chosen from the
 * server version where they differ. Public entry point: {@link dev.ferry.dialect.mysql.MysqlDialect},
 * found through {@link java.util.ServiceLoader}; everything else is internal.
 *
 * <p>How it works:
 * <ul>
 *   <li>Connections use the server-side prepared (binary) protocol, so FLOAT and DOUBLE values arrive
 *       bit-exact, a session time zone of {@code +00:00}, and a strict {@code sql_mode} that keeps a 0
 *       in an AUTO_INCREMENT column and zero dates.</li>
 *   <li>Snapshots line up N {@code START TRANSACTION WITH CONSISTENT SNAPSHOT} connections under a
 *       brief commit block ({@code BACKUP STAGE BLOCK_COMMIT}, or {@code FLUSH TABLES WITH READ LOCK});
 *       without the RELOAD privilege they fall back to one connection.</li>
 *   <li>Introspection reads information_schema with one set-based query per kind of object.
 *       {@link dev.ferry.core.model.Index#definition()} holds the key clause as SHOW CREATE TABLE
 *       writes it (e.g. {@code KEY `i` (`name`(10),`id` DESC)}), which keeps prefix lengths.
 *       ON UPDATE clauses live in the table options as {@code on_update.<column>}.</li>
 *   <li>A restore loads into a staging database {@code ferry_stage_<random>} and publishes it with one
 *       atomic {@code RENAME TABLE}; views, triggers and routines are created in the target right
 *       after it (they cannot move between databases). Rollback drops the staging database.</li>
 * </ul>
 */
package dev.ferry.dialect.mysql;
