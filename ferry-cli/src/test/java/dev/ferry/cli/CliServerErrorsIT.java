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
    void restoringIntoAnotherEngineListsWhatChangedAndStrictRefusesBeforeWriting() throws Exception {
        Path source = dir.resolve("app.db");
        new DemoDatabase().create(source, 100);
        Path archive = dir.resolve("backup");
        assertThat(CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString(), "-q").exitCode()).isZero();
        try (ScratchDatabase pg = ScratchDatabase.postgres()) {
            CliRun strict = CliRun.of("restore", "--from", archive.toString(), "--to", pg.spec().url(), "--user", "postgres",
                    "--strict", "-q");
            assertThat(strict.exitCode()).isEqualTo(1);
            assertThat(strict.err()).contains("--strict").contains("Nothing was written");
            try (var c = pg.connect(); var s = c.createStatement();
                 var rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("--strict wrote nothing").isZero();
            }
            CliRun run = CliRun.of("restore", "--from", archive.toString(), "--to", pg.spec().url(), "--user", "postgres", "-q");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Changes for postgresql").contains("not carried").contains("view v_stock")
                    .contains("of a sqlite archive").contains("proven equal");
        }
    }
}
