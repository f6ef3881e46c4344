/**
 * The SQLite dialect. Internal; found through ServiceLoader.
 *
 * <ul>
 *   <li><b>Sources</b> are opened read-only (SQLITE_OPEN_READONLY), so no journal or WAL file is
 *       created beside a user's database, and a missing file is an error rather than a new empty
 *       database. A backup reads inside one read transaction on one connection: SQLite cannot share
 *       a snapshot across connections, so {@code --jobs} does not apply. A WAL-mode database that no one
 *       has open (no -wal or -shm file) would still make SQLite create both files, so it is read as
 *       immutable instead and checked unchanged before the archive is committed
 *       ({@code UnopenedWalSource}); one in use is read with SQLite's own locks (its files exist).</li>
 *   <li><b>Text that is not UTF-8</b> (SQLite stores any bytes as TEXT) is refused with the table,
 *       column and row: the driver would turn it into U+FFFD, and the proof could not tell.</li>
 *   <li><b>Values</b> come back by storage class, not declared type: INTEGER as Long, REAL as Double,
 *       TEXT as String, BLOB as byte[]. A column declared DATETIME that holds text keeps text; what
 *       was stored is what is restored.</li>
 *   <li><b>Schema</b>: the original CREATE TABLE, CREATE INDEX, CREATE VIEW and CREATE TRIGGER texts
 *       from sqlite_schema are kept (table option {@code create_sql}, {@code Index.definition},
 *       NativeObject) and replayed on a same-engine restore, which keeps WITHOUT ROWID, STRICT,
 *       generated columns, collations and checks exactly. The portable model is filled in too.</li>
 *   <li><b>Restore</b> runs in one IMMEDIATE transaction with foreign-key enforcement off during the
 *       load; {@code PRAGMA foreign_key_check} then validates every row before the proof and commit.
 *       Rollback restores the file. A restore into a file that does not exist yet writes a hidden
 *       {@code .<name>.ferry-partial-*} sibling and links it under the target's name after the commit
 *       ({@code NewDatabaseFile}), so a killed restore never leaves a file that looks like the database;
 *       a hot journal left by a killed restore into an existing file is rolled back before the next.
 *       AUTOINCREMENT counters are set in sqlite_sequence so the next insert does not collide.
 *       Checkpointed ({@code --no-single-transaction}), the schema and each table commit with a row
 *       in {@code ferry_restore_checkpoint}, and the file is never deleted.</li>
 *   <li><b>Target lock</b>: an operating-system lock on {@code .<file>.ferry-lock}
 *       ({@link dev.ferry.dialect.sqlite.SqliteFileLock}), taken by restores, transfers and migrations;
 *       nothing is written into the database for it.</li>
 *   <li><b>Migrations</b> ({@link dev.ferry.dialect.sqlite.SqliteMigrationSupport}): transactional DDL; the
 *       migration lock is the target lock file, then a row with owner, pid, process start time and heartbeat
 *       ({@link dev.ferry.dialect.sqlite.SqliteLockRow}); portable changes SQLite cannot make in place run
 *       as the documented table rebuild generated from the original CREATE text
 *       ({@link dev.ferry.dialect.sqlite.SqliteRebuild}, {@link dev.ferry.dialect.sqlite.TableDefinition});
 *       every foreign key and view is checked before a migration commits.</li>
 * </ul>
 */
package dev.ferry.dialect.sqlite;
