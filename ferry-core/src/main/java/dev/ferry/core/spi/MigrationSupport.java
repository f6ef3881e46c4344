package dev.ferry.core.spi;

import dev.ferry.core.change.SchemaChange;
import dev.ferry.core.script.ScriptStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * What the migration engine needs from an engine: how its scripts split into statements, whether its
 * DDL is transactional, how to lock a database against a second migrator, how portable schema
 * changes are spelled, and what to check before a migration commits. Returned by
 * {@link Dialect#migrationSupport()}; stateless.
 */
public interface MigrationSupport {

    /**
     * The variant names a script may carry for this server ({@code V3__x.postgresql.sql}), most
     * specific first; e.g. {@code [mariadb, mysql]} for a MariaDB server.
     */
    List<String> scriptVariants(ServerInfo server);

    /** The statements of a script, with this engine's quoting, comments and compound-statement bodies. */
    List<ScriptStatement> splitStatements(String script);

    /**
     * Called once on each connection that runs migrations, before the first script: e.g. MariaDB
     * resets the session sql_mode to the server's own, so scripts behave as in the mysql client.
     */
    default void prepareSession(Connection connection) throws SQLException {
    }

    /** True if DDL runs inside a transaction that a failure rolls back (PostgreSQL, SQLite). */
    boolean transactionalDdl();

    /**
     * Tries once, without waiting, to take the migration lock {@code name} (e.g. the history table's
     * name) on a connection reserved for the lock and kept open while it is held.
     *
     * @param staleAfter for locks kept in a table: how old a heartbeat must be before a lock of a
     *                   process on another host counts as abandoned
     */
    LockAttempt tryLock(Connection lockConnection, String name, Duration staleAfter) throws SQLException;

    /**
     * The SQL of one portable change against the current state of the database (read through
     * {@code connection} where the engine needs it, as SQLite does to rebuild a table). The caller
     * runs the statements before planning the next change.
     */
    List<String> changeSql(Connection connection, SchemaChange change) throws SQLException;

    /**
     * A new, empty database of this engine like {@code live} (same server, same credentials; SQLite:
     * a temporary file), for building the schema the migrations should produce. PostgreSQL and
     * MariaDB need the privilege to create a database.
     */
    Throwaway openThrowaway(ConnectionSpec live) throws SQLException;

    /**
     * Checks run on the migration's connection before a migration commits, e.g. SQLite's
     * {@code PRAGMA foreign_key_check}; throws a {@link dev.ferry.core.error.FerryException} naming
     * the violation.
     */
    default void checkIntegrity(Connection connection) throws SQLException {
    }
}
