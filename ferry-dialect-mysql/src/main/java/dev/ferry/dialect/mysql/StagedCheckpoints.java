package dev.ferry.dialect.mysql;

import dev.ferry.core.spi.CheckpointTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoints of restores into a MariaDB/MySQL database live in their staging database
 * ({@code ferry_stage_<hash of the target's name>_<random>}.{@code ferry_restore_checkpoint}), with an
 * item {@code target <name>} that ties them to their target. A killed restore leaves them behind;
 * the next restore into the same target finds them here.
 */
final class StagedCheckpoints {
    private static final String TARGET_ITEM = "target ";

    private StagedCheckpoints() {
    }

    static String table(String stage) {
        return Sql.qualified(stage, CheckpointTable.NAME);
    }

    /** Creates the checkpoint table of a new staging database for {@code target}. */
    static void create(Connection c, String stage, String target, String archive) throws SQLException {
        CheckpointTable.create(c, table(stage), archive);
        CheckpointTable.record(c, table(stage), archive, TARGET_ITEM + target, 0, null);
    }

    /** Staging databases of interrupted restores into {@code target} that hold checkpoints, newest first. */
    static List<String> find(Connection c, String target) throws SQLException {
        String pattern = (MysqlRestoreTarget.STAGE_PREFIX + MysqlRestoreTarget.stagingSuffix(target)).replace("_", "\\_") + "%";
        List<String> candidates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_SCHEMA FROM information_schema.TABLES WHERE TABLE_NAME = ?"
                + " AND TABLE_SCHEMA LIKE ? ORDER BY CREATE_TIME DESC, TABLE_SCHEMA")) {
            ps.setString(1, CheckpointTable.NAME);
            ps.setString(2, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getString(1));
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String stage : candidates) {
            if (CheckpointTable.read(c, table(stage)).find(TARGET_ITEM + target).isPresent()) {
                out.add(stage);
            }
        }
        return out;
    }

    /** Drops every half-restored staging database of {@code target} (a restore with --clean). */
    static void dropAll(Connection c, String target) throws SQLException {
        for (String stage : find(c, target)) {
            Sql.execute(c, "DROP DATABASE IF EXISTS " + Sql.quote(stage));
        }
    }
}
