package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk full while writing an archive or restoring into SQLite, simulated with a file-size limit
 * (ulimit -f) on the real ferry.jar process: a clean failure naming disk full and where, and nothing
 * that looks complete.
 * The limit (4 MiB) leaves room for the native libraries the JVM extracts at start-up (SQLite, zstd)
 * and is far below the incompressible photo column's chunk.
 */
class DiskFullIT {
    @TempDir
    Path dir;

    @Test
    void backupHittingTheSizeLimitFailsCleanly() throws Exception {
        Path source = dir.resolve("app.db");
        new DemoDatabase().create(source, 250_000);
        Path archive = dir.resolve("backup");
        String output = limited("backup", "jdbc:sqlite:" + source, archive.toString());
        assertThat(output).contains("Disk full").contains(dir.toString()).doesNotContain("\tat ");
        assertThat(archive).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("app.db");
        }
    }

    @Test
    void sqliteRestoreHittingTheSizeLimitFailsCleanly() throws Exception {
        Path source = dir.resolve("app.db");
        new DemoDatabase().create(source, 60_000);
        Path archive = dir.resolve("backup");
        CliRun backup = CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString(), "-q");
        assertThat(backup.exitCode()).as(backup.all()).isZero();
        Path restored = dir.resolve("out").resolve("restored.db");
        Files.createDirectories(restored.getParent());
        String output = limited("restore", archive.toString(), "jdbc:sqlite:" + restored);
        assertThat(output).contains("Disk full").contains(restored.getParent().toString()).doesNotContain("\tat ");
        try (var files = Files.list(restored.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no file that looks like a database, no partial").isEmpty();
        }
    }

    /** Runs ferry.jar {@code command --from from --to to -q} under a 4 MiB file-size limit; it must exit 1. */
    private static String limited(String command, String from, String to) throws Exception {
        Path jar = Path.of("target", "ferry.jar").toAbsolutePath();
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("bash", "-c", "ulimit -f 4096; exec \"$0\" -jar \"$1\" \"$2\" --from \"$3\" --to \"$4\" -q",
                java, jar.toString(), command, from, to).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isEqualTo(1);
        return output;
    }
}
