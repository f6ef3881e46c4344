package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.dialect.postgres.PostgresDialect;
import dev.ferry.dialect.postgres.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The worker connections of a staged restore, opened as needed and reused: each runs one table's
 * COPY and index builds, one foreign key's validation, or one table's read-back at a time, in its own
 * transaction, with {@code search_path} set to the staging schema so unqualified names resolve there.
 * Thread-safe; the callers bound how many are in use at once. Closing them abandons whatever they
 * were doing.
 */
final class StagingConnections implements AutoCloseable {
    private final PostgresDialect dialect;
    private final ConnectionSpec spec;
    private final String stage;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> open = new ArrayList<>();

    StagingConnections(PostgresDialect dialect, ConnectionSpec spec, String stage) {
        this.dialect = dialect;
        this.spec = spec;
        this.stage = stage;
    }

    /** An idle connection, or a new one, in a transaction of its own. */
    Connection borrow() throws SQLException {
        synchronized (this) {
            if (!idle.isEmpty()) {
                return idle.pop();
            }
        }
        Connection c = dialect.connect(spec, false);
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path = " + Sql.quote(stage));
            c.setAutoCommit(false);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        synchronized (this) {
            open.add(c);
        }
        return c;
    }

    /** Takes back a connection whose transaction ended. */
    synchronized void giveBack(Connection c) {
        idle.push(c);
    }

    /** Closes a connection whose work failed, abandoning its transaction. */
    void discard(Connection c) {
        synchronized (this) {
            open.remove(c);
            idle.remove(c);
        }
        closeQuietly(c);
    }

    @Override
    public void close() {
        List<Connection> all;
        synchronized (this) {
            all = new ArrayList<>(open);
            open.clear();
            idle.clear();
        }
        all.forEach(StagingConnections::closeQuietly);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the server already ended it, which abandons its transaction just the same
        }
    }
}
