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
 *       Engine details with no place in the model live in {@link dev.ferry.core.model.Table#options()}:
 *       {@code engine}, {@code charset}, {@code collation}, {@code create_options} (row_format=...,
 *       verbatim), {@code on_update.<column>} (e.g. current_timestamp(6)) and
 *       {@code invisible.<column>}. TINYINT(1)/BOOLEAN is kind SMALLINT with Long values, since it
 *       can hold 2 or -1. MariaDB's LONGTEXT + json_valid() columns are kind JSON, native type
 *       {@code json}. Sequences carry next_not_cached_value as lastValue with called=false.</li>
 *   <li>A restore loads into a staging database {@code ferry_stage_<hash of the target>_<random>} and publishes it with one
 *       atomic {@code RENAME TABLE}; views, triggers and routines are created in the target right
 *       after it (they cannot move between databases), having been tried out in the staging
 *       database first. Rollback drops the staging database; one left by a killed restore is
 *       dropped by the next restore into the same target (its lock is free: {@code AbandonedStaging}). Without the privilege to create a
 *       database, the restore works directly in the target and a rollback drops exactly what it
 *       created ({@link dev.ferry.dialect.mysql.DirectRestore}; {@link dev.ferry.dialect.mysql.MysqlRestoreTarget#note()}
 *       says so). Every staged restore records checkpoints in the staging database
 *       ({@link dev.ferry.dialect.mysql.StagedCheckpoints}): each table loads on its own transactional
 *       connection whose rows commit chunk by chunk with their checkpoint row ({@link dev.ferry.dialect.mysql.StagedLoads}),
 *       so one killed mid-way is found again and continued by {@code --resume} from its last committed chunk.
 *       Restores into the app's own tables run in one transaction ({@link dev.ferry.dialect.mysql.ExistingTablesLoad}).</li>
 *   <li><b>Migrations</b> ({@link dev.ferry.dialect.mysql.MysqlMigrationSupport}): DDL commits implicitly,
 *       so a failed migration is answered with the pre-migration backup; the lock is
 *       {@code GET_LOCK('ferry:<db>:ferry_target')}, the target lock restores take too on a dedicated session ({@link dev.ferry.dialect.mysql.GetLock})
 *       whose {@code wait_timeout} is the lock's lease, renewed by its holder;
 *       scripts split like the mysql client does (DELIMITER, routine bodies) and run with the server's
 *       own sql_mode; a type or nullability change is a MODIFY COLUMN that keeps the rest of the
 *       column ({@link dev.ferry.dialect.mysql.MysqlChangeSql}).</li>
 * </ul>
 */
package dev.ferry.dialect.mysql;
