package dev.ferry.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupResult;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.Restore;
import dev.ferry.ops.RestoreSettings;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup of a WAL-mode database while another connection keeps committing parent+child pairs:
 * the archive is one point in time (the restore's foreign-key check would name an orphan child),
 * and the writer was never blocked for long.
 */
class SqliteSnapshotIT {
    @TempDir
    Path dir;

    @Test
    void backupUnderConcurrentWritersIsOnePointInTime() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.sqlite(); ScratchDatabase dst = ScratchDatabase.sqlite();
             Connection writer = src.connect()) {
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id), pad TEXT)");
                s.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY, pad TEXT)");
                s.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000) "
                        + "INSERT INTO parent SELECT x, hex(randomblob(20)) FROM n");
                s.execute("INSERT INTO child SELECT id, id, pad FROM parent");
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong commits = new AtomicLong();
            AtomicLong longestStallMs = new AtomicLong();
            Thread writes = new Thread(() -> writeLoop(writer, stop, commits, longestStallMs));
            writes.start();
            BackupResult backup;
            try {
                backup = new Backup(BackupSettings.of(src.spec(), dir.resolve("a")), ProgressListener.NONE).run();
            } finally {
                stop.set(true);
                writes.join();
            }
            assertThat(commits.get()).as("the writer kept committing during the backup").isPositive();
            assertThat(longestStallMs.get()).as("longest writer commit during the backup, ms").isLessThan(1000);
            new Restore(RestoreSettings.of(dir.resolve("a"), dst.spec()), ProgressListener.NONE).run();
            long parents = rows(backup, "parent");
            assertThat(parents).isGreaterThanOrEqualTo(200_000);
            assertThat(rows(backup, "child")).as("each commit adds one parent and one child: equal counts = one point in time")
                    .isEqualTo(parents);
        }
    }

    private static long rows(BackupResult backup, String table) {
        return backup.manifest().tables().stream().filter(t -> t.name().name().equals(table)).findFirst().orElseThrow().rows();
    }

    private static void writeLoop(Connection c, AtomicBoolean stop, AtomicLong commits, AtomicLong longestStallMs) {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO parent (id, pad) VALUES (?, 'new')");
             PreparedStatement ch = c.prepareStatement("INSERT INTO child (id, parent_id, pad) VALUES (?, ?, 'new')")) {
            c.setAutoCommit(false);
            for (long id = 1_000_000; !stop.get(); id++) {
                long start = System.nanoTime();
                p.setLong(1, id);
                p.executeUpdate();
                ch.setLong(1, id);
                ch.setLong(2, id);
                ch.executeUpdate();
                c.commit();
                commits.incrementAndGet();
                longestStallMs.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
