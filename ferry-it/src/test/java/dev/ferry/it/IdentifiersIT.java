package dev.ferry.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.translate.Change;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.TableProof;
import dev.ferry.ops.Transfer;
import dev.ferry.ops.TransferResult;
import dev.ferry.ops.TransferSettings;
import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Names that are legal in the source but not in the target: fitted, reported as renamed, and the data
 * still proven. MariaDB takes 64 characters where PostgreSQL takes 63 bytes; PostgreSQL lets two tables
 * have foreign keys of the same name where MariaDB does not; MariaDB lets two tables have indexes of
 * the same name where PostgreSQL does not.
 */
class IdentifiersIT {
    private static final String LONG_TABLE = "t".repeat(60) + "_end";
    private static final String LONG_COLUMN = "c".repeat(64);

    @Test
    void mariadbNamesTooLongOrSharedForPostgresAreFittedAndReported() throws Exception {
        try (ScratchDatabase maria = Engine.MARIADB.scratch(); ScratchDatabase pg = Engine.POSTGRES.scratch()) {
            exec(maria, "CREATE TABLE `" + LONG_TABLE + "` (id INT PRIMARY KEY, `" + LONG_COLUMN + "` INT, `select` INT,"
                            + " KEY same_idx (`" + LONG_COLUMN + "`))",
                    "CREATE TABLE other (id INT PRIMARY KEY, v INT, KEY same_idx (v))",
                    "INSERT INTO `" + LONG_TABLE + "` VALUES (1, 2, 3)", "INSERT INTO other VALUES (1, 2)");
            TransferResult r = new Transfer(TransferSettings.of(maria.spec(), pg.spec()), ProgressListener.NONE).run();
            assertThat(r.proofs()).allMatch(TableProof::matches);
            assertThat(r.changes()).filteredOn(c -> c.kind() == Change.Kind.RENAMED).extracting(Change::object)
                    .anyMatch(o -> o.equals("table " + LONG_TABLE))
                    .anyMatch(o -> o.contains(LONG_COLUMN))
                    .anyMatch(o -> o.startsWith("index same_idx"));
            try (Connection c = pg.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE '%same_idx'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("both indexes exist under distinct names").isEqualTo(2);
            }
        }
    }

    @Test
    void postgresForeignKeysSharingANameGetDistinctNamesInMariadb() throws Exception {
        try (ScratchDatabase pg = Engine.POSTGRES.scratch(); ScratchDatabase maria = Engine.MARIADB.scratch()) {
            exec(pg, "CREATE TABLE parent (id int PRIMARY KEY)",
                    "CREATE TABLE a (id int PRIMARY KEY, p int CONSTRAINT to_parent REFERENCES parent (id))",
                    "CREATE TABLE b (id int PRIMARY KEY, p int CONSTRAINT to_parent REFERENCES parent (id))",
                    "CREATE TABLE \"Order\" (\"from\" int PRIMARY KEY, \"Select\" text)",
                    "INSERT INTO parent VALUES (1)", "INSERT INTO a VALUES (1, 1)", "INSERT INTO b VALUES (1, 1)",
                    "INSERT INTO \"Order\" VALUES (1, 'reserved words, quoted everywhere')");
            TransferResult r = new Transfer(TransferSettings.of(pg.spec(), maria.spec()), ProgressListener.NONE).run();
            assertThat(r.proofs()).allMatch(TableProof::matches);
            assertThat(r.changes()).anyMatch(c -> c.kind() == Change.Kind.RENAMED && c.object().startsWith("foreign key to_parent"));
            try (Connection c = maria.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(DISTINCT CONSTRAINT_NAME) FROM information_schema.REFERENTIAL_CONSTRAINTS"
                         + " WHERE CONSTRAINT_SCHEMA = DATABASE()")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    private static void exec(ScratchDatabase db, String... sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
