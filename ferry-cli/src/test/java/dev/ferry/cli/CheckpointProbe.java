package dev.ferry.cli;

import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.TreeMap;

/** Looks into a restore target's checkpoint table from the outside, as a test sees it. */
final class CheckpointProbe {
    private CheckpointProbe() {
    }

    static boolean exists(ScratchDatabase db) throws SQLException {
        return table(db) != null;
    }

    /**
     * Where the checkpoints are: in the target, or (MariaDB) in a staging database named after the
     * target; null if there are none.
     */
    static String table(ScratchDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            if (!db.spec().url().startsWith("jdbc:mariadb:")) {
                try (ResultSet rs = c.getMetaData().getTables(null, null, "ferry_restore_checkpoint", null)) {
                    return rs.next() ? "ferry_restore_checkpoint" : null;
                }
            }
            String target = c.getCatalog();
            String prefix = String.format(java.util.Locale.ROOT, "ferry_stage_%06x_", target.hashCode() & 0xFFFFFF);
            try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_SCHEMA FROM information_schema.TABLES"
                    + " WHERE TABLE_NAME = 'ferry_restore_checkpoint' AND TABLE_SCHEMA LIKE ?")) {
                ps.setString(1, prefix.replace("_", "\\_") + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? "`" + rs.getString(1) + "`.ferry_restore_checkpoint" : null;
                }
            }
        }
    }

    /** Where a restored table is before the commit: the target, or (MariaDB) its staging database. */
    static String restoring(ScratchDatabase db, String table) throws SQLException {
        String checkpoints = table(db);
        return checkpoints.startsWith("`") ? checkpoints.replace("ferry_restore_checkpoint", table) : table;
    }

    /** Checkpoint items and when each finished. */
    static TreeMap<String, String> items(ScratchDatabase db) throws SQLException {
        return column(db, "finished_at");
    }

    /** Checkpoint items and the rows each vouches for. */
    static TreeMap<String, String> rows(ScratchDatabase db) throws SQLException {
        return column(db, "row_count");
    }

    private static TreeMap<String, String> column(ScratchDatabase db, String column) throws SQLException {
        TreeMap<String, String> out = new TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT item, " + column + " FROM " + table(db))) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    static long count(ScratchDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(ScratchDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
