package dev.ferry.core.spi;

import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import java.sql.SQLException;
import java.util.List;

/**
 * A restore in progress into one database, all or nothing. The operation calls, in order:
 * {@link #existingObjects()}, {@link #begin}, {@link #createTables}, {@link #load} per table (in
 * foreign-key order), {@link #finishSchema}, {@link #read} per table for the proof, then
 * {@link #commit}, or {@link #rollback} on any failure, which must leave the database as it was
 * before {@link #begin} (a transaction, a staging area that is dropped, or a temporary file that is
 * deleted). {@link #close()} always follows.
 */
public interface RestoreTarget extends AutoCloseable {

    /**
     * The target server's product and version, so that a failed restore into an older version than
     * the archive's source can say so; null where the dialect does not tell.
     */
    default ServerInfo server() throws SQLException {
        return null;
    }

    /** What already exists in the target ("table public.users", "view v"), empty if nothing. */
    List<String> existingObjects() throws SQLException;

    /** Starts the all-or-nothing unit. With {@code clean}, existing objects are dropped inside it. */
    void begin(boolean clean) throws SQLException;

    /**
     * Creates namespaces, enum types, sequences and tables with their columns and primary keys.
     * Foreign keys, unique constraints, checks and indexes may wait for {@link #finishSchema}.
     */
    void createTables(Schema schema) throws SQLException;

    /** A sink for one table's rows. */
    RowSink load(Table table) throws SQLException;

    /**
     * Adds what was deferred: indexes, unique and check constraints, foreign keys (validated against
     * the loaded rows), sequence and auto-increment positions so the next insert does not collide,
     * views and native objects.
     */
    void finishSchema(Schema schema) throws SQLException;

    /** Reads a restored table back, inside the unit, for the proof. */
    RowCursor read(Table table) throws SQLException;

    /** Makes everything visible at once. */
    void commit() throws SQLException;

    /** Undoes everything since {@link #begin}; safe to call in any state. */
    void rollback() throws SQLException;

    @Override
    void close() throws SQLException;
}
