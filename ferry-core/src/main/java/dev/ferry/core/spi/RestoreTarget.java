package dev.ferry.core.spi;

import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.translate.TargetRules;
import java.sql.SQLException;
import java.util.List;

/**
 * A restore in progress into one database, all or nothing. The operation calls, in order:
 * {@link #existingObjects()}, {@link #begin}, {@link #createTables}, {@link #load} per table (in
 * foreign-key order), {@link #finishSchema}, {@link #read} per table for the proof, then
 * {@link #commit}, or {@link #rollback} on any failure, which must leave the database as it was
 * before {@link #begin} (a transaction, a staging area that is dropped, or a temporary file that is
 * deleted). {@link #close()} always follows. A checkpointed unit (a resumable restore) starts with
 * {@link #beginCheckpointed} instead of {@link #begin} and commits step by step through
 * {@link #checkpoint}; see there.
 */
public interface RestoreTarget extends AutoCloseable {

    /**
     * How this target (engine and version) receives a schema from another engine: its types, name
     * limits and default syntax. Called before {@link #begin}.
     */
    TargetRules targetRules() throws SQLException;

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
     * How many tables may be loaded at once, each through its own {@link #load} sink from its own
     * thread. 1 (the default) where the unit is one connection (a PostgreSQL transaction, a SQLite file).
     */
    default int maxParallelLoads() {
        return 1;
    }

    /**
     * Adds what was deferred: indexes, unique and check constraints, foreign keys (validated against
     * the loaded rows), sequence and auto-increment positions so the next insert does not collide,
     * views and native objects.
     */
    void finishSchema(Schema schema) throws SQLException;

    /**
     * Starts the unit for a restore into tables that already exist (created by the app's own
     * migrations), instead of {@link #begin}/{@link #createTables}: rows of {@code tables} are deleted
     * first when {@code clean}; foreign keys (and, where the engine allows, triggers) of these tables
     * are not enforced until {@link #finishExisting}. {@link #load} then receives tables holding only
     * the columns to write.
     */
    default void beginExisting(List<Table> tables, boolean clean) throws SQLException {
        throw new UnsupportedOperationException("restoring into existing tables");
    }

    /**
     * Ends loading into existing tables: validates every foreign key of and into {@code tables}
     * against the loaded rows, restores what {@link #beginExisting} suspended, and moves each generated
     * key's sequence or counter past the largest loaded value.
     */
    default void finishExisting(List<Table> tables) throws SQLException {
        throw new UnsupportedOperationException("restoring into existing tables");
    }

    /**
     * Whether this target can write a checkpointed, resumable restore ({@link #beginCheckpointed}).
     */
    default boolean checkpointable() {
        return false;
    }

    /**
     * Whether even an all-or-nothing restore goes through {@link #beginCheckpointed} and records
     * checkpoints, because a kill leaves its work behind anyway (MariaDB's staging database); a
     * failure there still calls {@link #rollback}, which discards everything. False by default.
     */
    default boolean checkpointsAlways() {
        return false;
    }

    /**
     * Ends a checkpointed unit the user asked for after a failure: undoes the step in progress and
     * keeps every checkpointed step for a later resume. By default {@link #rollback}, which for a
     * unit that committed each step undoes only the step in progress.
     */
    default void abandon() throws SQLException {
        rollback();
    }

    /**
     * The checkpoints of a restore that was interrupted after committing some of its work (the
     * {@link CheckpointTable} in the target or its staging area), or null if there are none. Called
     * before {@link #begin}, so a half-restored target is never mistaken for an empty or complete one.
     */
    default HalfRestored halfRestored() throws SQLException {
        return null;
    }

    /**
     * Whether an interrupted restore's work lies apart from the target (a staging database), so the
     * target itself is untouched: a new restore without {@code --resume} may then start over, the
     * interrupted work being dropped by {@link #begin}, instead of refusing a half-restored target.
     * False by default: the checkpoints are in the target itself.
     */
    default boolean unfinishedWorkApart() {
        return false;
    }

    /**
     * Starts a checkpointed unit instead of {@link #begin}: each {@link #checkpoint} makes the work
     * before it durable, so a killed restore leaves a half-restored target that a later one continues.
     * With {@code clean}, everything (an earlier half-restore included) is dropped first; with
     * {@code resume}, the half-restored state is continued as it is; otherwise a checkpoint table for
     * {@code archive} is created. Rows loaded in such a unit become durable only through their sink's
     * {@link RowSink#checkpoint}, together with the checkpoint that vouches for them, so a kill leaves
     * exactly the checkpointed rows and a resume loads each table from its first chunk not committed.
     * {@link #commit} removes the checkpoints; {@link #rollback} undoes only the work since the last
     * checkpoint.
     */
    default void beginCheckpointed(String archive, boolean clean, boolean resume) throws SQLException {
        throw new UnsupportedOperationException("checkpointed restore");
    }

    /**
     * Makes everything written since the last checkpoint on the unit's own connection durable (the
     * schema), together with the checkpoint of {@code item} ({@code schema}). Rows are checkpointed by
     * their sink ({@link RowSink#checkpoint}).
     */
    default void checkpoint(String item, long rows, String hash) throws SQLException {
        throw new UnsupportedOperationException("checkpointed restore");
    }

    /** Reads a restored table back, inside the unit, for the proof. */
    RowCursor read(Table table) throws SQLException;

    /**
     * How many tables may be read back at once for the proof, each through its own {@link #read} from
     * its own thread. 1 (the default) where the unit is one connection.
     */
    default int maxParallelReads() {
        return 1;
    }

    /**
     * What the user should know about how the restore is being done ("loading through staging schema
     * ...", "removed a staging schema left by an interrupted restore"), collected since the last call;
     * the operation prints them as notes. Empty by default.
     */
    default List<String> takeNotes() {
        return List.of();
    }

    /** Makes everything visible at once. */
    void commit() throws SQLException;

    /** Undoes everything since {@link #begin}; safe to call in any state. */
    void rollback() throws SQLException;

    @Override
    void close() throws SQLException;
}
