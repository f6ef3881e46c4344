package dev.ferry.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.RestoreTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a killed restore leaves (the kill -9 suite, KillNineIT in ferry-cli, found both): a hot
 * journal beside an existing file, which made the next restore fail read-only with
 * SQLITE_READONLY_ROLLBACK; and, for a new file, a partial database under the target's own name.
 */
class InterruptedRestoreIT {
    @TempDir
    Path dir;

    @Test
    void aHotJournalLeftByAKilledWriterIsRolledBackBeforeTheNextRestore() throws Exception {
        Path live = dir.resolve("live.db");
        Path crashed = dir.resolve("app.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live); Statement s = c.createStatement()) {
            s.execute("PRAGMA cache_size = 1");
            s.execute("CREATE TABLE kept (id INTEGER PRIMARY KEY, v TEXT)");
            c.setAutoCommit(false);
            s.execute("CREATE TABLE half_done (id INTEGER PRIMARY KEY)");
            s.execute("INSERT INTO kept WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) SELECT i, hex(randomblob(200)) FROM n");
            // the files as a kill -9 at this moment would leave them: changed pages and a hot journal
            Files.copy(live, crashed);
            Files.copy(Path.of(live + "-journal"), Path.of(crashed + "-journal"));
            c.rollback();
        }
        assertThat(Path.of(crashed + "-journal")).exists();
        try (RestoreTarget target = new SqliteDialect().openRestore(ConnectionSpec.of("jdbc:sqlite:" + crashed))) {
            assertThat(target.existingObjects()).containsExactly("table kept");
        }
    }

    @Test
    void aNewFileIsWrittenAsAHiddenPartialAndStalePartialsOfDeadProcessesAreRemoved() throws Exception {
        Path file = dir.resolve("new.db");
        String host = String.format(Locale.ROOT, "%08x", ProcessIdentity.current().host().hashCode());
        Path dead = dir.resolve(".new.db" + NewDatabaseFile.MARKER + host + "-" + Integer.MAX_VALUE + "-0-0badf00d");
        Path deadJournal = Path.of(dead + "-journal");
        Path live = dir.resolve(".new.db" + NewDatabaseFile.MARKER + host + "-" + ProcessHandle.current().pid() + "-0-0000abcd");
        for (Path p : new Path[] {dead, deadJournal, live}) {
            Files.writeString(p, "partial");
        }
        try (RestoreTarget target = new SqliteDialect().openRestore(ConnectionSpec.of("jdbc:sqlite:" + file))) {
            target.begin(false);
            assertThat(dead).as("a dead process's partial file is removed").doesNotExist();
            assertThat(deadJournal).doesNotExist();
            assertThat(live).as("a live process's partial file is left alone").exists();
            assertThat(file).as("nothing under the target's name before the commit").doesNotExist();
            target.commit();
        }
        assertThat(file).isRegularFile();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("new.db", live.getFileName().toString());
        }
    }
}
