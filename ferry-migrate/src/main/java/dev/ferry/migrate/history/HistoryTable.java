package dev.ferry.migrate.history;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Ferry's migration history table: one row per attempt to apply or undo a migration. Its DDL uses
 * only types all engines share; times are ISO-8601 UTC text, so they read the same everywhere.
 * Each method runs one statement on the connection given, in whatever transaction it is in.
 */
public final class HistoryTable {
    private static final String COLUMNS = "installed_rank, module, version, description, kind, script, checksum, run_by,"
            + " applied_at, duration_ms, success, error, backup, schema_hash";
    private static final int ERROR_LENGTH = 2000;

    private final String name;
    private final String quoted;

    /** @param quotedName the table name quoted by the dialect */
    public HistoryTable(String name, String quotedName) {
        this.name = name;
        this.quoted = quotedName;
    }

    public String name() {
        return name;
    }

    public boolean exists(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String candidate : List.of(name, name.toUpperCase(java.util.Locale.ROOT))) {
            try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), candidate, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    public void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + quoted + " (installed_rank INTEGER NOT NULL PRIMARY KEY, module VARCHAR(100) NOT NULL,"
                    + " version VARCHAR(50) NOT NULL, description VARCHAR(200) NOT NULL, kind VARCHAR(10) NOT NULL,"
                    + " script VARCHAR(500) NOT NULL, checksum VARCHAR(64), run_by VARCHAR(200) NOT NULL,"
                    + " applied_at VARCHAR(30) NOT NULL, duration_ms BIGINT, success BOOLEAN, error VARCHAR(" + ERROR_LENGTH + "),"
                    + " backup VARCHAR(1000), schema_hash VARCHAR(64))");
        }
    }

    /** Every row in rank order; an empty history if the table does not exist. */
    public History read(Connection c) throws SQLException {
        if (!exists(c)) {
            return new History(List.of());
        }
        List<HistoryRow> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM " + quoted
                + " ORDER BY installed_rank")) {
            while (rs.next()) {
                long duration = rs.getLong(10);
                Long durationMs = rs.wasNull() ? null : duration;
                boolean ok = rs.getBoolean(11);
                Boolean success = rs.wasNull() ? null : ok;
                rows.add(new HistoryRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), durationMs, success,
                        rs.getString(12), rs.getString(13), rs.getString(14)));
            }
        }
        return new History(rows);
    }

    public void insert(Connection c, HistoryRow r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + quoted + " (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, r.rank());
            ps.setString(2, r.module());
            ps.setString(3, r.version());
            ps.setString(4, truncate(r.description(), 200));
            ps.setString(5, r.kind());
            ps.setString(6, truncate(r.script(), 500));
            ps.setString(7, r.checksum());
            ps.setString(8, truncate(r.runBy(), 200));
            ps.setString(9, r.appliedAt());
            setLong(ps, 10, r.durationMs());
            setBoolean(ps, 11, r.success());
            ps.setString(12, truncate(r.error(), ERROR_LENGTH));
            ps.setString(13, truncate(r.backup(), 1000));
            ps.setString(14, r.schemaHash());
            ps.executeUpdate();
        }
    }

    /** Records the outcome of a row inserted as running. */
    public void finish(Connection c, int rank, boolean success, long durationMs, String error, String schemaHash)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + quoted + " SET success = ?, duration_ms = ?, error = ?,"
                + " schema_hash = ? WHERE installed_rank = ?")) {
            ps.setBoolean(1, success);
            ps.setLong(2, durationMs);
            ps.setString(3, truncate(error, ERROR_LENGTH));
            ps.setString(4, schemaHash);
            ps.setInt(5, rank);
            ps.executeUpdate();
        }
    }

    public void markFailed(Connection c, int rank, String error) throws SQLException {
        update(c, "UPDATE " + quoted + " SET success = ?, error = ? WHERE installed_rank = ?", false, truncate(error, ERROR_LENGTH), rank);
    }

    public void delete(Connection c, int rank) throws SQLException {
        update(c, "DELETE FROM " + quoted + " WHERE installed_rank = ?", rank);
    }

    public void setChecksum(Connection c, int rank, String checksum) throws SQLException {
        update(c, "UPDATE " + quoted + " SET checksum = ? WHERE installed_rank = ?", checksum, rank);
    }

    public void setSchemaHash(Connection c, int rank, String hash) throws SQLException {
        update(c, "UPDATE " + quoted + " SET schema_hash = ? WHERE installed_rank = ?", hash, rank);
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static void setBoolean(PreparedStatement ps, int i, Boolean v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BOOLEAN);
        } else {
            ps.setBoolean(i, v);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
