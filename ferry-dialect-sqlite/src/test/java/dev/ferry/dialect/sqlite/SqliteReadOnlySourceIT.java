package dev.ferry.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Least privilege on SQLite: the source file is opened read-only, and Ferry creates no -journal, -wal
 * or -shm file beside it, not even while the backup runs, for rollback-journal and WAL databases alike.
 * The database file's bytes are unchanged. A WAL database no one had open is read as immutable, and a
 * write that reaches its file meanwhile fails the backup rather than archiving a torn view.
 */
class SqliteReadOnlySourceIT {
    @TempDir
    Path dir;

    @Test
    void aWalDatabaseIsBackedUpWithoutCreatingFilesBesideIt() throws Exception {
        expectNoFilesCreated("WAL");
    }

    @Test
    void aRollbackJournalDatabaseIsBackedUpWithoutCreatingFilesBesideIt() throws Exception {
        expectNoFilesCreated("DELETE");
    }

    @Test
    void aWriteDuringTheImmutableReadFailsTheBackupAndLeavesNoArchive() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.sqlite()) {
            try (Connection c = src.connect(); Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
            }
            ProgressListener writer = new ProgressListener() {
                @Override
                public void tableStarted(QualifiedName table) {
                    try (Connection c = src.connect(); Statement s = c.createStatement()) {
                        s.execute("INSERT INTO t VALUES (1)"); // closing checkpoints into the database file
                    } catch (java.sql.SQLException e) {
                        throw new AssertionError(e);
                    }
                }
            };
            Path archive = dir.resolve("torn");
            assertThatThrownBy(() -> new Backup(BackupSettings.of(src.spec(), archive), writer).run())
                    .isInstanceOf(FerryException.class).hasMessageContaining("was written to while Ferry read it")
                    .hasMessageContaining("run the backup again");
            assertThat(archive).doesNotExist();
        }
    }

    private void expectNoFilesCreated(String journalMode) throws Exception {
        try (ScratchDatabase src = ScratchDatabase.sqlite()) {
            try (Connection c = src.connect(); Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = " + journalMode);
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
                s.execute("CREATE TABLE u (id INTEGER PRIMARY KEY)");
                s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) INSERT INTO t SELECT i, 'x' FROM n");
            }
            Path file = SqliteFiles.path(src.spec().url());
            List<String> before = listing(file.getParent());
            assertThat(before).containsExactly(file.getFileName().toString());
            String hash = sha256(file);
            List<List<String>> during = new ArrayList<>();
            ProgressListener watcher = new ProgressListener() {
                @Override
                public void tableStarted(QualifiedName table) {
                    during.add(listing(file.getParent()));
                }
            };
            new Backup(BackupSettings.of(src.spec(), dir.resolve("archive")), watcher).run();
            assertThat(during).hasSize(2).allSatisfy(l -> assertThat(l).as("while reading").isEqualTo(before));
            assertThat(listing(file.getParent())).as("after").isEqualTo(before);
            assertThat(sha256(file)).isEqualTo(hash);
        }
    }

    private static List<String> listing(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
