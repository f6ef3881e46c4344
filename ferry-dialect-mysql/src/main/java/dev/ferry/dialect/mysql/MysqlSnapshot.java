package dev.ferry.dialect.mysql;

import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.Snapshot;
import dev.ferry.core.spi.SnapshotConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * N connections in one consistent snapshot. Each {@code START TRANSACTION WITH CONSISTENT SNAPSHOT}
 * is its own point in time, so the workers open theirs while a separate connection briefly blocks
 * commits: {@code BACKUP STAGE START; BACKUP STAGE BLOCK_COMMIT} on MariaDB 10.4+, else
 * {@code FLUSH TABLES WITH READ LOCK}. Both need the RELOAD privilege; without it there is one
 * connection only, never several unsynchronised ones.
 */
final class MysqlSnapshot {
    private static final String START = "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY";

    private MysqlSnapshot() {
    }

    static Snapshot open(ConnectionSpec spec, int workers) throws SQLException {
        List<Connection> opened = new ArrayList<>();
        try {
            for (int i = 0; i < Math.max(1, workers); i++) {
                Connection c = MysqlConnector.open(spec, false);
                opened.add(c);
                Sql.execute(c, "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            }
            if (opened.size() == 1) {
                Sql.execute(opened.get(0), START);
                return new SnapshotConnections(opened, "one connection, START TRANSACTION WITH CONSISTENT SNAPSHOT");
            }
            return lineUp(spec, opened);
        } catch (SQLException | RuntimeException e) {
            SnapshotConnections.closeAll(opened);
            throw e;
        }
    }

    private static Snapshot lineUp(ConnectionSpec spec, List<Connection> opened) throws SQLException {
        try (Connection lock = MysqlConnector.open(spec, false)) {
            String how = blockCommits(lock);
            if (how.startsWith("denied")) {
                SnapshotConnections.closeAll(opened.subList(1, opened.size()));
                List<Connection> one = List.of(opened.get(0));
                Sql.execute(one.get(0), START);
                return new SnapshotConnections(one, "one connection only: lining up " + opened.size()
                        + " snapshots needs the RELOAD privilege (" + how + ")");
            }
            try {
                for (Connection c : opened) {
                    Sql.execute(c, START);
                }
            } finally {
                Sql.execute(lock, how.startsWith("BACKUP") ? "BACKUP STAGE END" : "UNLOCK TABLES");
            }
            return new SnapshotConnections(opened, opened.size() + " connections with consistent snapshots opened under " + how);
        }
    }

    /** Blocks commits on {@code lock}; returns how, or "denied: ..." without the privilege. */
    private static String blockCommits(Connection lock) throws SQLException {
        try {
            Sql.execute(lock, "BACKUP STAGE START");
            Sql.execute(lock, "BACKUP STAGE BLOCK_COMMIT");
            return "BACKUP STAGE BLOCK_COMMIT";
        } catch (SQLException backupStage) {
            if (RestoreErrors.isPermissionDenied(backupStage)) {
                return "denied: " + backupStage.getMessage();
            }
            try {
                Sql.execute(lock, "FLUSH TABLES WITH READ LOCK");
                return "FLUSH TABLES WITH READ LOCK";
            } catch (SQLException ftwrl) {
                if (RestoreErrors.isPermissionDenied(ftwrl)) {
                    return "denied: " + ftwrl.getMessage();
                }
                throw ftwrl;
            }
        }
    }
}
