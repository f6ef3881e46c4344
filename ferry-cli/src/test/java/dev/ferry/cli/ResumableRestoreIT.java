package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A checkpointed restore killed with SIGKILL (the real ferry.jar in a child JVM, interpreted so that it
 * is slow enough to be caught mid-way) after some tables were checkpointed: a plain restore then
 * refuses the half-restored target (on MariaDB, whose checkpoints are in a staging database found by the
 * hash of the target's name in its name and whose target is untouched, it starts over instead), a resume
 * with another archive is refused, and {@code --resume}
 * keeps the finished tables, loads the rest and ends with the same proof; a half-restored target is
 * also started over with {@code --clean}.
 */
class ResumableRestoreIT {
    private static final int TABLES = 8;
    private static final int ROWS = 4_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ResumeFixture.Engine.class)
    void aKilledRestoreIsRefusedAsHalfRestoredThenResumedToTheSameProof(ResumeFixture.Engine engine) throws Exception {
        try (ScratchDatabase source = engine.source.get(); ScratchDatabase target = engine.target.get()) {
            fill(source);
            Path archive = ResumeFixture.backup(source, dir.resolve("archive"));
            CheckpointProbe.execute(source, "INSERT INTO t0 (id, v) VALUES (" + (ROWS + 1) + ", 'one more')");
            Path other = ResumeFixture.backup(source, dir.resolve("other"));

            Process child = ResumeFixture.startRestore(engine, archive, target, dir.resolve("child.log"));
            long checkpointed = awaitCheckpoints(child, target, 2);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            TreeMap<String, String> before = CheckpointProbe.items(target);
            assertThat(before.keySet().stream().filter(k -> k.startsWith("table ")).count())
                    .as("the kill came before the restore finished").isLessThan(TABLES);

            if (engine != ResumeFixture.Engine.MARIADB) { // its target is untouched: a plain restore starts over (test below)
                // PostgreSQL with --jobs 2 opens the staged target, which must report the half-restore too
                CliRun plain = engine == ResumeFixture.Engine.POSTGRESQL ? ResumeFixture.restore(archive, target, "--jobs", "2") : ResumeFixture.restore(archive, target);
                assertThat(plain.exitCode()).as(plain.all()).isEqualTo(1);
                assertThat(plain.all()).contains("is half-restored").contains("--resume").contains("--clean");
            }

            CliRun wrongArchive = ResumeFixture.restore(other, target, "--resume");
            assertThat(wrongArchive.exitCode()).as(wrongArchive.all()).isEqualTo(1);
            assertThat(wrongArchive.all()).contains("is half-restored").contains("another archive");
            assertThat(CheckpointProbe.items(target)).as("refusals change nothing").isEqualTo(before);

            CliRun resumed = ResumeFixture.restore(archive, target, "--resume");
            assertThat(resumed.exitCode()).as(resumed.all()).isZero();
            long keptTables = before.keySet().stream().filter(k -> k.startsWith("table ")).count();
            assertThat(keptTables).isGreaterThanOrEqualTo(checkpointed);
            assertThat(resumed.all()).contains("Resuming the half-restored target: " + keptTables + " tables already restored are kept")
                    .containsAnyOf("proven identical to the archive", "every value proven equal to the archive's");
            List<String> loadedAgain = before.keySet().stream().filter(k -> k.startsWith("table "))
                    .filter(k -> resumed.all().contains("  " + k.substring("table ".length()) + ": ")).toList();
            assertThat(loadedAgain).as("checkpointed tables are not loaded again").isEmpty();
            assertThat(resumed.all().lines().filter(l -> l.matches("  \\S+: [0-9,]+ rows, .*")).count())
                    .as("every other table is loaded (one progress line each)").isEqualTo(TABLES - keptTables);
            for (int t = 0; t < TABLES; t++) {
                assertThat(CheckpointProbe.count(target, "SELECT COUNT(*) FROM t" + t)).isEqualTo(ROWS);
            }
            assertThat(CheckpointProbe.exists(target)).as("the checkpoint table is gone").isFalse();

            Process again = ResumeFixture.startRestore(engine, other, target, dir.resolve("child.log"), "--clean");
            awaitCheckpoints(again, target, 2);
            again.destroyForcibly();
            assertThat(again.waitFor(30, TimeUnit.SECONDS)).isTrue();
            CliRun clean = ResumeFixture.restore(archive, target, "--clean");
            assertThat(clean.exitCode()).as("--clean starts over from a half-restored target: " + clean.all()).isZero();
            assertThat(CheckpointProbe.exists(target)).as("no checkpoints are left").isFalse();
            assertThat(CheckpointProbe.count(target, "SELECT COUNT(*) FROM t0")).isEqualTo(ROWS);
        }
    }

    /**
     * On MariaDB the interrupted work is in a staging database and the target is untouched, so the
     * same restore run again without --resume succeeds (kill -9 promise: a re-run succeeds), says
     * what it dropped, and leaves no staging database behind.
     */
    @Test
    void aKilledMariadbRestoreRunAgainWithoutResumeStartsOver() throws Exception {
        try (ScratchDatabase source = ScratchDatabase.mariadb(); ScratchDatabase target = ScratchDatabase.mariadb()) {
            fill(source);
            Path archive = ResumeFixture.backup(source, dir.resolve("archive"));
            Process child = ResumeFixture.startRestore(ResumeFixture.Engine.MARIADB, archive, target, dir.resolve("child.log"));
            awaitCheckpoints(child, target, 2);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            CliRun again = ResumeFixture.restore(archive, target);
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.all()).contains("was interrupted after").contains("starts over").contains("--resume");
            assertThat(CheckpointProbe.exists(target)).as("the interrupted staging database is dropped").isFalse();
            for (int t = 0; t < TABLES; t++) {
                assertThat(CheckpointProbe.count(target, "SELECT COUNT(*) FROM t" + t)).isEqualTo(ROWS);
            }
        }
    }

    private long awaitCheckpoints(Process child, ScratchDatabase target, int tables) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            assertThat(child.isAlive()).as("the restore ended before it was killed: "
                    + java.nio.file.Files.readString(dir.resolve("child.log"))).isTrue();
            assertThat(System.nanoTime()).as("no table was checkpointed in time").isLessThan(deadline);
            if (CheckpointProbe.exists(target)) {
                long done = CheckpointProbe.items(target).keySet().stream().filter(k -> k.startsWith("table ")).count();
                if (done >= tables) {
                    return done;
                }
            }
            Thread.sleep(20);
        }
    }

    private static void fill(ScratchDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            for (int t = 0; t < TABLES; t++) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE t" + t + " (id INTEGER PRIMARY KEY, v VARCHAR(60), at " + timestamp(db) + ")");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO t" + t + " (id, v, at) VALUES (?, ?, ?)")) {
                    for (int i = 1; i <= ROWS; i++) {
                        ps.setInt(1, i);
                        ps.setString(2, "row " + i + " of table " + t);
                        ps.setObject(3, java.time.LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(i));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            c.commit();
        }
    }

    /**
     * A timestamp column; SQLite stores it as text, which a restore into PostgreSQL converts to a
     * timestamp, so the hash of what was sent differs from the archive's.
     */
    private static String timestamp(ScratchDatabase db) {
        return db.spec().url().startsWith("jdbc:postgresql:") ? "TIMESTAMP" : "DATETIME";
    }
}
