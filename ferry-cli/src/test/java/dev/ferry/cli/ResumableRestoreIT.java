package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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

    enum Engine {
        SQLITE(ScratchDatabase::sqlite, ScratchDatabase::sqlite, List.of("--no-single-transaction")),
        /** With --jobs 2: a checkpointed restore still takes the one-connection path, not the staging schema. */
        POSTGRESQL(ScratchDatabase::postgres, ScratchDatabase::postgres, List.of("--no-single-transaction", "--jobs", "2")),
        /** Always checkpointed, in its staging database. */
        MARIADB(ScratchDatabase::mariadb, ScratchDatabase::mariadb, List.of()),
        /** Converted rows: resumed tables are proven against the hashes their checkpoints recorded. */
        SQLITE_TO_POSTGRESQL(ScratchDatabase::sqlite, ScratchDatabase::postgres, List.of("--no-single-transaction"));

        final Supplier<ScratchDatabase> source;
        final Supplier<ScratchDatabase> scratch;
        final List<String> restoreFlags;

        Engine(Supplier<ScratchDatabase> source, Supplier<ScratchDatabase> target, List<String> restoreFlags) {
            this.source = source;
            this.scratch = target;
            this.restoreFlags = restoreFlags;
        }
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aKilledRestoreIsRefusedAsHalfRestoredThenResumedToTheSameProof(Engine engine) throws Exception {
        try (ScratchDatabase source = engine.source.get(); ScratchDatabase target = engine.scratch.get()) {
            fill(source);
            Path archive = backup(source, "archive");
            execute(source, "INSERT INTO t0 (id, v) VALUES (" + (ROWS + 1) + ", 'one more')");
            Path other = backup(source, "other");

            Process child = startRestore(engine, archive, target);
            long checkpointed = awaitCheckpoints(child, target, 2);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            TreeMap<String, String> before = checkpoints(target);
            assertThat(before.keySet().stream().filter(k -> k.startsWith("table ")).count())
                    .as("the kill came before the restore finished").isLessThan(TABLES);

            if (engine != Engine.MARIADB) { // its target is untouched: a plain restore starts over (test below)
                // PostgreSQL with --jobs 2 opens the staged target, which must report the half-restore too
                CliRun plain = engine == Engine.POSTGRESQL ? restore(archive, target, "--jobs", "2") : restore(archive, target);
                assertThat(plain.exitCode()).as(plain.all()).isEqualTo(1);
                assertThat(plain.all()).contains("is half-restored").contains("--resume").contains("--clean");
            }

            CliRun wrongArchive = restore(other, target, "--resume");
            assertThat(wrongArchive.exitCode()).as(wrongArchive.all()).isEqualTo(1);
            assertThat(wrongArchive.all()).contains("is half-restored").contains("another archive");
            assertThat(checkpoints(target)).as("refusals change nothing").isEqualTo(before);

            CliRun resumed = restore(archive, target, "--resume");
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
                assertThat(count(target, "SELECT COUNT(*) FROM t" + t)).isEqualTo(ROWS);
            }
            assertThat(tableExists(target)).as("the checkpoint table is gone").isFalse();

            Process again = startRestore(engine, other, target, "--clean");
            awaitCheckpoints(again, target, 2);
            again.destroyForcibly();
            assertThat(again.waitFor(30, TimeUnit.SECONDS)).isTrue();
            CliRun clean = restore(archive, target, "--clean");
            assertThat(clean.exitCode()).as("--clean starts over from a half-restored target: " + clean.all()).isZero();
            assertThat(tableExists(target)).as("no checkpoints are left").isFalse();
            assertThat(count(target, "SELECT COUNT(*) FROM t0")).isEqualTo(ROWS);
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
            Path archive = backup(source, "archive");
            Process child = startRestore(Engine.MARIADB, archive, target);
            awaitCheckpoints(child, target, 2);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            CliRun again = restore(archive, target);
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.all()).contains("was interrupted after").contains("starts over").contains("--resume");
            assertThat(tableExists(target)).as("the interrupted staging database is dropped").isFalse();
            for (int t = 0; t < TABLES; t++) {
                assertThat(count(target, "SELECT COUNT(*) FROM t" + t)).isEqualTo(ROWS);
            }
        }
    }

    private Process startRestore(Engine engine, Path archive, ScratchDatabase target, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xint", "-Xmx256m", "-jar", Path.of("target", "ferry.jar").toAbsolutePath().toString(), "restore",
                "--from", archive.toString(), "--to", target.spec().url(), "-q"));
        if (target.spec().user() != null) {
            command.addAll(List.of("--user", target.spec().user()));
        }
        command.addAll(engine.restoreFlags);
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    private long awaitCheckpoints(Process child, ScratchDatabase target, int tables) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            assertThat(child.isAlive()).as("the restore ended before it was killed: "
                    + java.nio.file.Files.readString(dir.resolve("child.log"))).isTrue();
            assertThat(System.nanoTime()).as("no table was checkpointed in time").isLessThan(deadline);
            if (tableExists(target)) {
                long done = checkpoints(target).keySet().stream().filter(k -> k.startsWith("table ")).count();
                if (done >= tables) {
                    return done;
                }
            }
            Thread.sleep(20);
        }
    }

    private CliRun restore(Path archive, ScratchDatabase target, String... extra) {
        List<String> args = new ArrayList<>(List.of("restore", "--from", archive.toString(), "--to", target.spec().url()));
        if (target.spec().user() != null) {
            args.addAll(List.of("--user", target.spec().user()));
        }
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path backup(ScratchDatabase source, String name) {
        Path archive = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("backup", "--from", source.spec().url(), "--to", archive.toString(), "-q"));
        if (source.spec().user() != null) {
            args.addAll(List.of("--user", source.spec().user()));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.all()).isZero();
        return archive;
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

    private static boolean tableExists(ScratchDatabase db) throws SQLException {
        return checkpointTable(db) != null;
    }

    /** Where the checkpoints are: in the target, or (MariaDB) in a staging database named after the target. */
    private static String checkpointTable(ScratchDatabase db) throws SQLException {
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

    /** Checkpoint items and when each finished. */
    private static TreeMap<String, String> checkpoints(ScratchDatabase db) throws SQLException {
        TreeMap<String, String> out = new TreeMap<>();
        String table = checkpointTable(db);
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT item, finished_at FROM " + table)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private static long count(ScratchDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(ScratchDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
