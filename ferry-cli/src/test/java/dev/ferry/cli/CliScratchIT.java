package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ferry verify --scratch: a backup tested by a restore into a throw-away database, no server needed. */
class CliScratchIT {
    @TempDir
    Path dir;

    @Test
    void aSqliteArchiveRestoresIntoAThrowAwayFile() throws Exception {
        Path source = dir.resolve("app.db");
        new DemoDatabase().create(source, 500);
        Path archive = dir.resolve("backup");
        assertThat(CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString(), "-q").exitCode()).isZero();
        CliRun run = CliRun.of("verify", archive.toString(), "--scratch", "-q");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("restores: 10 tables").contains("throw-away SQLite file").contains("removed");
    }

    @Test
    void aPostgresArchiveRestoresIntoAnEmbeddedPostgresWithItsFunctionsAndViews() throws Exception {
        try (ScratchDatabase pg = ScratchDatabase.postgres()) {
            try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TYPE mood AS ENUM ('sad', 'ok')");
                s.execute("CREATE TABLE t (id serial PRIMARY KEY, m mood, tags text[], at timestamptz DEFAULT now())");
                s.execute("INSERT INTO t (m, tags) SELECT 'ok', ARRAY['a', g::text] FROM generate_series(1, 300) g");
                s.execute("CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x * 2'");
                s.execute("CREATE VIEW v AS SELECT twice(id) AS d FROM t");
            }
            Path archive = dir.resolve("pg");
            assertThat(CliRun.of("backup", "--from", pg.spec().url(), "--user", "postgres", "--to", archive.toString(), "-q")
                    .exitCode()).isZero();
            CliRun run = CliRun.of("verify", archive.toString(), "--scratch", "-q");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("throw-away PostgreSQL 17").contains("public.t").doesNotContain("Changes for");
        }
    }

    @Test
    void aDamagedArchiveFailsAndSaysWhere() throws Exception {
        Path source = dir.resolve("app.db");
        new DemoDatabase().create(source, 200);
        Path archive = dir.resolve("backup");
        assertThat(CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString(), "-q").exitCode()).isZero();
        Path chunk;
        try (var files = Files.list(archive.resolve("data"))) {
            chunk = files.filter(f -> f.getFileName().toString().endsWith(".zst")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(chunk);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(chunk, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        CliRun run = CliRun.of("verify", archive.toString(), "--scratch", "-q");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(chunk.getFileName().toString()).contains("Nothing was restored");
    }
}
