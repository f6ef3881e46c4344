package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.cli.FaultEngine.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A backup of a live source (the demo app plus a parent/child pair of tables) while two writers
 * commit as fast as they can on 127.0.0.1: each transaction adds a parent, its child and bumps a
 * counter. The archive holds one point in time (the counter equals the parents, every child's parent
 * is there, checked after restoring it), and no writer statement or commit waits more than a second:
 * the longest is measured and reported. SQLite runs in WAL mode with one writer (SQLite has one at a
 * time) whose connection is open.
 */
class LiveSourceIT {
    private static final int WRITERS = 2;
    private static final long MAX_STALL_MILLIS = 1_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FaultEngine.class)
    void backupWhileWritersHammerTheSource(FaultEngine engine) throws Exception {
        try (Db source = engine.source(dir, KillNineIT.ITEMS); Db target = engine.empty(dir, "restored")) {
            exec(source, engine == FaultEngine.SQLITE ? "PRAGMA journal_mode = WAL" : "SELECT 1",
                    "CREATE TABLE live_parent (id BIGINT PRIMARY KEY, note VARCHAR(40))",
                    "CREATE TABLE live_child (id BIGINT PRIMARY KEY, parent_id BIGINT NOT NULL REFERENCES live_parent (id))",
                    "CREATE TABLE live_counter (id INT PRIMARY KEY, n BIGINT NOT NULL)", "INSERT INTO live_counter VALUES (1, 0)");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong longestNanos = new AtomicLong();
            AtomicLong commits = new AtomicLong();
            List<Thread> writers = new ArrayList<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            // SQLite has one writer at a time: a second writer would measure its wait for the first, not for Ferry
            for (int w = 0; w < (engine == FaultEngine.SQLITE ? 1 : WRITERS); w++) {
                long firstId = w * 10_000_000L + 1;
                Thread t = new Thread(() -> {
                    try {
                        write(source, firstId, stop, longestNanos, commits);
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, "writer-" + w);
                t.start();
                writers.add(t);
            }
            Path archive = dir.resolve("live");
            CliRun backup;
            long before;
            try {
                while (commits.get() < 50 && failures.isEmpty()) {
                    Thread.sleep(5);
                }
                before = commits.get();
                backup = CliRun.of(KillNineIT.command(List.of("backup", "--from", source.url()), engine.userOption(source),
                        List.of("--to", archive.toString(), "-q", "--jobs", "2")).toArray(String[]::new));
            } finally {
                stop.set(true);
                for (Thread t : writers) {
                    t.join();
                }
            }
            assertThat(failures).as("writers never fail").isEmpty();
            assertThat(backup.exitCode()).as(backup.all()).isZero();
            long during = commits.get() - before;
            assertThat(during).as("writers committed while the backup ran").isPositive();
            CliRun restore = CliRun.of(KillNineIT.command(List.of("restore", "--from", archive.toString(), "--to", target.url()),
                    engine.userOption(target), List.of("-q")).toArray(String[]::new));
            assertThat(restore.exitCode()).as("every foreign key resolves: " + restore.all()).isZero();
            assertOnePointInTime(target);
            long longestMillis = longestNanos.get() / 1_000_000;
            report(engine, during, longestMillis);
            assertThat(longestMillis).as("the longest writer stall").isLessThan(MAX_STALL_MILLIS);
        }
    }

    /** Each transaction: a parent, its child, the counter; every statement and the commit timed. */
    private static void write(Db db, long firstId, AtomicBoolean stop, AtomicLong longest, AtomicLong commits) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement parent = c.prepareStatement("INSERT INTO live_parent VALUES (?, ?)");
                 PreparedStatement child = c.prepareStatement("INSERT INTO live_child VALUES (?, ?)");
                 PreparedStatement counter = c.prepareStatement("UPDATE live_counter SET n = n + 1 WHERE id = 1")) {
                for (long id = firstId; !stop.get() && id < firstId + 1_000_000; id++) {
                    parent.setLong(1, id);
                    parent.setString(2, "parent " + id);
                    timed(parent::executeUpdate, longest);
                    child.setLong(1, id);
                    child.setLong(2, id);
                    timed(child::executeUpdate, longest);
                    timed(counter::executeUpdate, longest);
                    timed(() -> {
                        c.commit();
                        return 0;
                    }, longest);
                    commits.incrementAndGet();
                }
            }
        }
    }

    interface Statement0 {
        int run() throws SQLException;
    }

    private static void timed(Statement0 statement, AtomicLong longest) throws SQLException {
        long start = System.nanoTime();
        statement.run();
        long took = System.nanoTime() - start;
        longest.accumulateAndGet(took, Math::max);
    }

    private static void assertOnePointInTime(Db db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT n FROM live_counter), (SELECT count(*) FROM live_parent),"
                     + " (SELECT count(*) FROM live_child), (SELECT count(*) FROM live_child ch LEFT JOIN live_parent p"
                     + " ON p.id = ch.parent_id WHERE p.id IS NULL)")) {
            rs.next();
            assertThat(rs.getLong(2)).as("the counter and the parents are of one moment").isEqualTo(rs.getLong(1));
            assertThat(rs.getLong(3)).as("every parent's child is there").isEqualTo(rs.getLong(1));
            assertThat(rs.getLong(4)).as("every child's parent is there").isZero();
        }
    }

    private static void exec(Db db, String... sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static void report(FaultEngine engine, long commits, long longestMillis) throws Exception {
        String line = String.format(Locale.ROOT, "live backup %s: %d writer transactions committed during the backup,"
                + " longest writer statement %d ms%n", engine.name().toLowerCase(Locale.ROOT), commits, longestMillis);
        System.out.print("faults: " + line);
        Files.writeString(Path.of("target", "faults-report.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
