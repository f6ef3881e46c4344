package dev.ferry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.FerryException;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.TableProof;
import dev.ferry.ops.Transfer;
import dev.ferry.ops.TransferResult;
import dev.ferry.ops.TransferSettings;
import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ferry transfer into PostgreSQL with two jobs goes through a staging schema: SQLite and MariaDB
 * kitchen sinks arrive proven, and rows that break a foreign key (SQLite does not enforce them) fail
 * the transfer with the target as it was and no staging schema left.
 */
class StagedTransferIT {

    @Test
    void sqliteAndMariadbArriveProvenThroughAStagingSchema() throws Exception {
        for (Engine from : List.of(Engine.SQLITE, Engine.MARIADB)) {
            try (ScratchDatabase source = from.scratch(); ScratchDatabase target = Engine.POSTGRES.scratch()) {
                try (Connection c = source.connect()) {
                    from.fill(c);
                }
                List<String> notes = Collections.synchronizedList(new ArrayList<>());
                TransferResult r = new Transfer(TransferSettings.of(source.spec(), target.spec()).withJobs(2), listener(notes)).run();
                assertThat(r.proofs()).isNotEmpty().allMatch(TableProof::matches);
                assertThat(notes).as(from + " into PostgreSQL").anyMatch(n -> n.contains("staging schema ferry_stage_"));
                assertThat(stagingSchemas(target)).isZero();
            }
        }
    }

    @Test
    void rowsBreakingAForeignKeyLeaveTheTargetAsItWas() throws Exception {
        try (ScratchDatabase sqlite = Engine.SQLITE.scratch(); ScratchDatabase target = Engine.POSTGRES.scratch()) {
            try (Connection c = sqlite.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
                s.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER CONSTRAINT child_parent_fk REFERENCES parent (id))");
                s.execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 3000) INSERT INTO parent SELECT n FROM g");
                s.execute("INSERT INTO child SELECT id, id FROM parent");
                s.execute("INSERT INTO child VALUES (3001, 3001)");
            }
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE keep (id int); INSERT INTO keep VALUES (7)");
            }
            List<String> notes = Collections.synchronizedList(new ArrayList<>());
            assertThatThrownBy(() -> new Transfer(TransferSettings.of(sqlite.spec(), target.spec()).withJobs(2).withClean(true),
                    listener(notes)).run())
                    .isInstanceOf(FerryException.class).hasMessageContaining("child")
                    .hasMessageContaining("the target is as it was");
            assertThat(notes).anyMatch(n -> n.contains("staging schema"));
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                assertThat(single(s, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo(1);
                assertThat(single(s, "SELECT id FROM keep")).isEqualTo(7);
            }
            assertThat(stagingSchemas(target)).isZero();
        }
    }

    private static ProgressListener listener(List<String> notes) {
        return new ProgressListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
    }

    private static long stagingSchemas(ScratchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            return single(s, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'ferry\\_stage\\_%'");
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
