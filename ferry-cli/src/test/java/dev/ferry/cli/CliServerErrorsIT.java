package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection failures against the server engines: one clear line, exit 1, no password anywhere. */
class CliServerErrorsIT {
    private static final String SECRET = "Wr0ng-S3cret-pw";

    @TempDir
    Path dir;

    @Test
    void unreachableHostIsOneClearLine() {
        CliRun run = CliRun.of("backup", "--from", "jdbc:postgresql://127.0.0.1:1/app?connectTimeout=3", "--to",
                dir.resolve("b").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Cannot").contains("server is running").doesNotContain("\tat ");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void wrongPasswordIsNamedAndNeverPrinted() {
        try (ScratchDatabase db = ScratchDatabase.mariadb()) {
            String url = db.spec().url() + "?user=root&password=" + SECRET;
            CliRun run = CliRun.of("backup", "--from", url, "--to", dir.resolve("b").toString(), "--verbose");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("user and password");
            assertThat(run.all()).doesNotContain(SECRET);
        }
    }

    @Test
    void restoringIntoAnotherEngineIsRefusedBeforeWriting() throws Exception {
        Path source = dir.resolve("app.db");
        new DemoDatabase().create(source, 100);
        Path archive = dir.resolve("backup");
        assertThat(CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString(), "-q").exitCode()).isZero();
        try (ScratchDatabase pg = ScratchDatabase.postgres()) {
            CliRun run = CliRun.of("restore", "--from", archive.toString(), "--to", pg.spec().url(), "--user", "postgres");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("same engine only");
        }
    }
}
