package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk full while writing an archive, simulated with a file-size limit (ulimit -f) on the real
 * ferry.jar process: a clean failure naming disk full and where, and nothing that looks complete.
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
        Path jar = Path.of("target", "ferry.jar").toAbsolutePath();
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("bash", "-c", "ulimit -f 4096; exec \"$0\" -jar \"$1\" backup --from \"$2\" --to \"$3\" -q",
                java, jar.toString(), "jdbc:sqlite:" + source, archive.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("Disk full").contains(dir.toString()).doesNotContain("\tat ");
        assertThat(archive).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("app.db");
        }
    }
}
