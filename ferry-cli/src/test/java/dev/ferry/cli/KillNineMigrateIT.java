package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.cli.FaultEngine.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 of {@code ferry migrate} at seeded moments (backup, each migration, history): the lock of the
 * dead process never blocks the next migrate (each run waits at most 10 s for it), {@code status}
 * tells the state (up to date, pending, or a migration interrupted by a process that is gone: on
 * PostgreSQL and SQLite rolled back and run again by the next migrate; on MariaDB, whose DDL cannot be
 * rolled back, a failure to repair), and a re-run finishes the set. See {@link Kills} for seeds and run counts.
 */
class KillNineMigrateIT {
    private static final int ROWS = 60_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FaultEngine.class)
    void migrate(FaultEngine engine) throws Exception {
        Path set = migrationSet();
        try (Db first = engine.source(dir, KillNineIT.ITEMS / 10)) {
            Kills kills = Kills.start("migrate", engine, migrate(engine, first, set));
            assertMigrated(first);
            try (Db db = engine.source(dir, KillNineIT.ITEMS / 10)) {
                kills.command(migrate(engine, db, set));
                kills.each(killed -> {
                    CliRun status = CliRun.of(KillNineIT.command(List.of("status", "--url", db.url(), "--migrations", set.toString()),
                            engine.userOption(db), List.of()).toArray(String[]::new));
                    assertThat(status.all()).as("the dead process's migration is not reported as running").doesNotContain("right now");
                    if (status.exitCode() == 5 && engine != FaultEngine.MARIADB) {
                        assertThat(status.out()).as("rolled back by the engine; the next migrate runs it again")
                                .contains("interrupted").contains("stopped before it finished; ferry migrate will deal with it");
                    } else if (status.exitCode() == 5) {
                        CliRun repair = CliRun.of(KillNineIT.command(List.of("repair", "--url", db.url(), "--migrations", set.toString(),
                                "--lock-timeout", "10s"), engine.userOption(db), List.of("-q")).toArray(String[]::new));
                        assertThat(repair.exitCode()).as(repair.all()).isZero();
                    } else {
                        assertThat(status.exitCode()).as(status.all()).isIn(0, 3);
                    }
                    if (status.exitCode() == 0) {
                        kills.completed();
                    }
                });
                kills.rerun();
                assertMigrated(db);
                CliRun status = CliRun.of(KillNineIT.command(List.of("status", "--url", db.url(), "--migrations", set.toString()),
                        engine.userOption(db), List.of()).toArray(String[]::new));
                assertThat(status.exitCode()).as(status.all()).isZero();
            }
        }
    }

    private List<String> migrate(FaultEngine engine, Db db, Path set) {
        return KillNineIT.command(List.of("migrate", "--url", db.url(), "--migrations", set.toString(), "--lock-timeout", "10s",
                "--backup-dir", dir.resolve("backups").toString()), engine.userOption(db), List.of("-q"));
    }

    /** Three migrations that take a second or so; idempotent, so MariaDB's repaired half-applied ones can run again. */
    private Path migrationSet() throws Exception {
        Path core = dir.resolve("migrations").resolve("core");
        Files.createDirectories(core);
        String numbers = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ")";
        Files.writeString(core.resolve("V1__big.sql"), "CREATE TABLE IF NOT EXISTS big (id INTEGER PRIMARY KEY, v VARCHAR(40));\n"
                + "DELETE FROM big;\nINSERT INTO big (id, v) " + numbers + " SELECT i, 'value ' || i FROM n;\n");
        Files.writeString(core.resolve("V1__big.mariadb.sql"), "CREATE TABLE IF NOT EXISTS big (id INTEGER PRIMARY KEY, v VARCHAR(40));\n"
                + "DELETE FROM big;\nINSERT INTO big (id, v) SELECT seq, CONCAT('value ', seq) FROM seq_1_to_" + ROWS + ";\n");
        Files.writeString(core.resolve("V2__index.sql"), "CREATE INDEX IF NOT EXISTS big_v ON big (v);\n");
        Files.writeString(core.resolve("V3__evens.sql"), "CREATE TABLE IF NOT EXISTS evens (id INTEGER PRIMARY KEY REFERENCES big (id));\n"
                + "DELETE FROM evens;\nINSERT INTO evens SELECT id FROM big WHERE id % 2 = 0;\n");
        return core.getParent();
    }

    private static void assertMigrated(Db db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM big), (SELECT count(*) FROM evens)")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(ROWS);
            assertThat(rs.getLong(2)).isEqualTo(ROWS / 2);
        }
    }
}
