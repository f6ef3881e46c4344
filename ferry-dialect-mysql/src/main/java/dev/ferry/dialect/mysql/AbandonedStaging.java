package dev.ferry.dialect.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Staging and trash databases whose restore is gone. Each restore holds a named lock
 * ({@code GET_LOCK('ferry:stage:<suffix>')}) on its main connection from before it creates its
 * staging database until it ends; the server releases it when that connection closes, also when the
 * process was killed. The next restore into the same target drops the staging and trash databases
 * of that target whose lock is free, so a kill -9 leaves nothing behind for longer than until the next
 * restore; a restore still running elsewhere keeps its lock and its staging database.
 */
final class AbandonedStaging {
    private AbandonedStaging() {
    }

    /** Takes this restore's lock; held by {@code connection} until it closes. */
    static void hold(Connection connection, String suffix) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            ps.setString(1, lockName(suffix));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) != 1) {
                    throw new SQLException("the staging lock " + lockName(suffix) + " is held by another connection");
                }
            }
        }
    }

    /** Drops the staging and trash databases of restores into {@code target} whose connection is gone; returns their names. */
    static List<String> drop(Connection connection, String target) throws SQLException {
        String mine = MysqlRestoreTarget.stagingSuffix(target);
        List<String> dropped = new ArrayList<>();
        for (String name : TargetInventory.leftovers(connection)) {
            String suffix = suffixOf(name);
            if (suffix.startsWith(mine) && isFree(connection, suffix) && dropIfAllowed(connection, name)) {
                dropped.add(name);
            }
        }
        return dropped;
    }

    /** A user without the privilege to drop it leaves it (and could not have created it); the restore goes on. */
    private static boolean dropIfAllowed(Connection connection, String name) throws SQLException {
        try {
            Sql.execute(connection, "DROP DATABASE IF EXISTS " + Sql.quote(name));
            return true;
        } catch (SQLException e) {
            if (RestoreErrors.isPermissionDenied(e)) {
                return false;
            }
            throw e;
        }
    }

    private static String suffixOf(String name) {
        return name.startsWith(MysqlRestoreTarget.STAGE_PREFIX) ? name.substring(MysqlRestoreTarget.STAGE_PREFIX.length())
                : name.substring(MysqlRestoreTarget.TRASH_PREFIX.length());
    }

    private static boolean isFree(Connection connection, String suffix) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT IS_FREE_LOCK(?)")) {
            ps.setString(1, lockName(suffix));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private static String lockName(String suffix) {
        return "ferry:stage:" + suffix;
    }
}
