package dev.ferry.core.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The plain {@link Snapshot} most dialects need: connections already inside their snapshot
 * transactions, and a note. Closing ends each read-only transaction and closes the connection,
 * ignoring errors (nothing was written, so nothing can be lost).
 */
public final class SnapshotConnections implements Snapshot {
    private final List<Connection> connections;
    private final String note;

    public SnapshotConnections(List<Connection> connections, String note) {
        if (connections.isEmpty()) {
            throw new IllegalArgumentException("a snapshot needs at least one connection");
        }
        this.connections = List.copyOf(connections);
        this.note = note;
    }

    @Override
    public List<Connection> connections() {
        return connections;
    }

    @Override
    public String note() {
        return note;
    }

    @Override
    public void close() {
        closeAll(connections);
    }

    /** Ends the transaction of and closes every connection, best effort. */
    public static void closeAll(List<Connection> connections) {
        for (Connection c : connections) {
            try {
                if (!c.isClosed() && !c.getAutoCommit()) {
                    c.rollback();
                }
            } catch (SQLException ignored) {
                // closing anyway
            }
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to do for a read-only connection that will not close
            }
        }
    }
}
