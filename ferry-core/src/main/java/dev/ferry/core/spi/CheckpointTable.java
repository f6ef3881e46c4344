package dev.ferry.core.spi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoint table of a resumable restore, {@value #NAME}, in the target (or its staging
 * database): one row per finished step with the archive it belongs to, plain SQL every engine takes.
 * The dialect says where the table lives ({@code qualified}, already quoted) and commits; rows are
 * written in the same transaction as the data they vouch for.
 */
public final class CheckpointTable {
    public static final String NAME = "ferry_restore_checkpoint";
    /** The first row of every checkpoint table: the restore began. */
    public static final String BEGUN = "begun";

    private CheckpointTable() {
    }

    /** Creates the table and its first row. */
    public static void create(Connection c, String qualified, String archive) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + qualified + " (item VARCHAR(600) NOT NULL PRIMARY KEY, archive VARCHAR(64) NOT NULL,"
                    + " row_count BIGINT NOT NULL, hash VARCHAR(64), finished_at VARCHAR(40) NOT NULL)");
        }
        record(c, qualified, archive, BEGUN, 0, null);
    }

    /** Records one finished step. */
    public static void record(Connection c, String qualified, String archive, String item, long rows, String hash)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + qualified
                + " (item, archive, row_count, hash, finished_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, item);
            ps.setString(2, archive);
            ps.setLong(3, rows);
            ps.setString(4, hash);
            ps.setString(5, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    /** Creates the table unless resuming, then commits what the unit did so far (a clean, the table). */
    public static void start(Connection c, String qualified, String archive, boolean resume) throws SQLException {
        if (!resume) {
            create(c, qualified, archive);
        }
        c.commit();
    }

    /** Records a finished step and commits it with the work it vouches for. */
    public static void commit(Connection c, String qualified, String archive, String item, long rows, String hash)
            throws SQLException {
        record(c, qualified, archive, item, rows, hash);
        c.commit();
    }

    /** Reads the table (the caller checked that it exists). */
    public static HalfRestored read(Connection c, String qualified) throws SQLException {
        List<HalfRestored.Checkpoint> finished = new ArrayList<>();
        String archive = "";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT item, archive, row_count, hash, finished_at FROM "
                + qualified + " ORDER BY finished_at, item")) {
            while (rs.next()) {
                archive = rs.getString(2);
                if (!rs.getString(1).equals(BEGUN)) {
                    finished.add(new HalfRestored.Checkpoint(rs.getString(1), rs.getLong(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return new HalfRestored(archive, finished);
    }
}
