package dev.ferry.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A restore killed with kill -9 (KillNineIT in ferry-cli found it) left its staging database behind
 * for good. The next restore into the same target drops those whose restore is gone, and keeps one
 * whose restore still holds its lock.
 */
class AbandonedStagingIT {

    @Test
    void theNextRestoreDropsStagingOfDeadRestoresOnly() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.mariadb(); Connection admin = db.connect(); Connection alive = db.connect()) {
            String target = db.spec().url().substring(db.spec().url().lastIndexOf('/') + 1);
            String prefix = MysqlRestoreTarget.stagingSuffix(target);
            String dead = MysqlRestoreTarget.STAGE_PREFIX + prefix + "dead0001";
            String deadTrash = MysqlRestoreTarget.TRASH_PREFIX + prefix + "dead0001";
            String running = MysqlRestoreTarget.STAGE_PREFIX + prefix + "live0001";
            String otherTarget = MysqlRestoreTarget.STAGE_PREFIX + "000000_dead0002";
            try (Statement s = admin.createStatement()) {
                for (String name : new String[] {dead, deadTrash, running, otherTarget}) {
                    s.execute("CREATE DATABASE " + Sql.quote(name));
                }
            }
            AbandonedStaging.hold(alive, prefix + "live0001");
            try {
                try (RestoreTarget restore = RoundTrip.DIALECT.openRestore(db.spec())) {
                    restore.begin(false);
                    assertThat(((MysqlRestoreTarget) restore).note()).contains("dropped").contains(dead).contains(deadTrash);
                    restore.rollback();
                }
                assertThat(exists(admin, dead)).isFalse();
                assertThat(exists(admin, deadTrash)).isFalse();
                assertThat(exists(admin, running)).as("a running restore keeps its staging database").isTrue();
                assertThat(exists(admin, otherTarget)).as("another target's staging is not this restore's business").isTrue();
            } finally {
                try (Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + Sql.quote(running));
                    s.execute("DROP DATABASE IF EXISTS " + Sql.quote(otherTarget));
                }
            }
        }
    }

    private static boolean exists(Connection c, String name) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
