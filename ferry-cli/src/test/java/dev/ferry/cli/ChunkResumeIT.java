package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A checkpointed restore killed with SIGKILL half-way through a large table (an archive written with
 * {@code --chunk-rows}, the real ferry.jar in a child JVM, interpreted so it is slow enough to catch):
 * the table then holds exactly the rows of the chunks its checkpoints vouch for (rows commit only
 * with their checkpoint), and {@code --resume} keeps those rows, loads the remaining chunks and ends
 * with the archive's proof. The table has no primary key, so a chunk loaded twice would show as
 * duplicate rows and fail the proof; on PostgreSQL the kept rows' {@code xmin} shows they were not
 * rewritten. Converted rows (SQLite into PostgreSQL) prove that the hashes of the chunks committed
 * before the kill combine with those sent after it.
 */
class ChunkResumeIT {
    private static final int ROWS = 40_000;
    private static final int CHUNK_ROWS = 2_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ResumeFixture.Engine.class)
    void aTableKilledHalfWayResumesFromItsLastCommittedChunk(ResumeFixture.Engine engine) throws Exception {
        try (ScratchDatabase source = engine.source.get(); ScratchDatabase target = engine.target.get()) {
            fill(source);
            Path archive = ResumeFixture.backup(source, dir.resolve("archive"), "--chunk-rows", String.valueOf(CHUNK_ROWS));

            Process child = ResumeFixture.startRestore(engine, archive, target, dir.resolve("child.log"));
            Map.Entry<Integer, Long> last = awaitChunks(child, target, 3);
            awaitUnvouchedRows(target, last.getValue());
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Map.Entry<Integer, Long> committed = lastChunk(target);
            assertThat(committed.getKey()).as("the kill came before the table was finished")
                    .isGreaterThanOrEqualTo(last.getKey()).isLessThan(ROWS / CHUNK_ROWS - 1);
            assertThat(CheckpointProbe.items(target)).doesNotContainKey(tableItem(target));
            String big = CheckpointProbe.restoring(target, "big");
            assertThat(CheckpointProbe.count(target, "SELECT COUNT(*) FROM " + big))
                    .as("the table holds exactly the rows of its committed chunks").isEqualTo(committed.getValue());
            String firstRowVersion = rowVersion(target);
            String table = tableName(target);

            CliRun resumed = ResumeFixture.restore(archive, target, "--resume");
            assertThat(resumed.exitCode()).as(resumed.all()).isZero();
            assertThat(resumed.all())
                    .contains(String.format("Resuming table %s at chunk %d of %d: the %,d rows already loaded are kept",
                            table, committed.getKey() + 2, ROWS / CHUNK_ROWS, committed.getValue()))
                    .containsAnyOf("proven identical to the archive", "every value proven equal to the archive's");
            assertThat(CheckpointProbe.count(target, "SELECT COUNT(*) FROM big")).isEqualTo(ROWS);
            assertThat(CheckpointProbe.count(target, "SELECT COUNT(DISTINCT id) FROM big")).isEqualTo(ROWS);
            assertThat(rowVersion(target)).as("kept rows are not written again").isEqualTo(firstRowVersion);
            assertThat(CheckpointProbe.exists(target)).as("the checkpoint table is gone").isFalse();
        }
    }

    /** The table's item as checkpoints name it (the archive's name for it, schema-qualified where it has one). */
    private static String tableItem(ScratchDatabase target) throws SQLException {
        return CheckpointProbe.items(target).keySet().stream().filter(k -> k.startsWith("chunk 0 of table "))
                .map(k -> k.substring("chunk 0 of ".length())).findFirst().orElseThrow();
    }

    private static String tableName(ScratchDatabase target) throws SQLException {
        return tableItem(target).substring("table ".length());
    }

    /** The highest chunk checkpoint of the table and the rows it vouches for; chunk -1 if none. */
    private static Map.Entry<Integer, Long> lastChunk(ScratchDatabase target) throws SQLException {
        int chunk = -1;
        long rows = 0;
        for (Map.Entry<String, String> e : CheckpointProbe.rows(target).entrySet()) {
            if (e.getKey().startsWith("chunk ")) {
                int n = Integer.parseInt(e.getKey().split(" ")[1]);
                if (n > chunk) {
                    chunk = n;
                    rows = Long.parseLong(e.getValue());
                }
            }
        }
        return Map.entry(chunk, rows);
    }

    /** PostgreSQL: the transaction that wrote the first row (unchanged unless it is written again); elsewhere "". */
    private static String rowVersion(ScratchDatabase target) throws SQLException {
        if (!target.spec().url().startsWith("jdbc:postgresql:")) {
            return "";
        }
        return String.valueOf(CheckpointProbe.count(target, "SELECT xmin::text::bigint FROM big WHERE id = 1"));
    }

    private Map.Entry<Integer, Long> awaitChunks(Process child, ScratchDatabase target, int chunks) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            assertThat(child.isAlive()).as("the restore ended before it was killed: "
                    + Files.readString(dir.resolve("child.log"))).isTrue();
            assertThat(System.nanoTime()).as("no chunk was checkpointed in time").isLessThan(deadline);
            if (CheckpointProbe.exists(target)) {
                Map.Entry<Integer, Long> last = lastChunk(target);
                if (last.getKey() + 1 >= chunks) {
                    return last;
                }
            }
            Thread.sleep(20);
        }
    }

    /**
     * Lets the restore run on into its next chunk for a while before the kill, so that rows committed
     * without their checkpoint (which must never happen) would have time to show; returns early if they do.
     */
    private static void awaitUnvouchedRows(ScratchDatabase target, long vouched) throws Exception {
        String big = CheckpointProbe.restoring(target, "big");
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
        while (System.nanoTime() < until && CheckpointProbe.count(target, "SELECT COUNT(*) FROM " + big) <= vouched) {
            Thread.sleep(10);
        }
    }

    /** One table without a primary key; its timestamps are text in SQLite, converted on the way into PostgreSQL. */
    private static void fill(ScratchDatabase db) throws SQLException {
        String timestamp = db.spec().url().startsWith("jdbc:postgresql:") ? "TIMESTAMP" : "DATETIME";
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE big (id INTEGER NOT NULL, v VARCHAR(60), at " + timestamp + ")");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO big (id, v, at) VALUES (?, ?, ?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "row " + i);
                    ps.setObject(3, java.time.LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }
}
