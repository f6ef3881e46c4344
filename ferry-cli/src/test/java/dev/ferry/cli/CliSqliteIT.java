package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.archive.ArchiveFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end on SQLite: the demo, the four commands, and every bad input that needs no server. */
class CliSqliteIT {
    @TempDir
    Path dir;

    Path source;

    @BeforeEach
    void sampleDatabase() throws Exception {
        source = dir.resolve("app.db");
        new DemoDatabase().create(source, 3_000);
    }

    @Test
    void demoRunsAndPrintsTheProof() {
        CliRun run = CliRun.of("demo", "--dir", dir.resolve("demo").toString(), "--items", "2000", "--quiet");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("proven identical").contains("plugin_inventory_item").contains("ok");
        assertThat(run.out()).doesNotContain("MISMATCH");
        CliRun again = CliRun.of("demo", "--dir", dir.resolve("demo").toString(), "--items", "100", "--quiet");
        assertThat(again.exitCode()).as("the demo can be run again in the same directory").isZero();
    }

    @Test
    void backupInspectVerifyRestoreWithJson() throws Exception {
        String sourceHash = sha256(source);
        Path archive = dir.resolve("backup");
        CliRun backup = CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString(), "--json", "-q");
        assertThat(backup.exitCode()).as(backup.all()).isZero();
        JsonNode summary = ArchiveFormat.json().readTree(backup.out());
        assertThat(summary.at("/manifest/tables").size()).isEqualTo(10);
        assertThat(summary.at("/manifest/source/engine").asText()).isEqualTo("sqlite");
        assertThat(sha256(source)).as("the source file is never written").isEqualTo(sourceHash);
        assertThat(Files.exists(Path.of(source + "-journal"))).isFalse();
        assertThat(Files.exists(Path.of(source + "-wal"))).isFalse();

        CliRun inspect = CliRun.of("inspect", archive.toString());
        assertThat(inspect.exitCode()).isZero();
        assertThat(inspect.out()).contains("plugin_inventory_item").contains("django").contains("0007_item_photo");

        CliRun verify = CliRun.of("verify", archive.toString(), "-q");
        assertThat(verify.exitCode()).as(verify.all()).isZero();
        assertThat(verify.out()).contains("is whole");

        Path restored = dir.resolve("restored.db");
        CliRun restore = CliRun.of("restore", "--from", archive.toString(), "--to", "jdbc:sqlite:" + restored, "--json", "-q");
        assertThat(restore.exitCode()).as(restore.all()).isZero();
        JsonNode proofs = ArchiveFormat.json().readTree(restore.out()).get("proofs");
        assertThat(proofs.size()).isEqualTo(10);
        proofs.forEach(p -> assertThat(p.get("expectedHash")).isEqualTo(p.get("actualHash")));
    }

    @Test
    void unknownSchemeIsAUsageError() {
        CliRun run = CliRun.of("backup", "--from", "jdbc:oracle:thin:@x", "--to", dir.resolve("b").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("No Ferry dialect handles").contains("jdbc:sqlite:").doesNotContain("at dev.ferry");
    }

    @Test
    void missingSourceFileFailsAndCreatesNothing() {
        Path missing = dir.resolve("missing.db");
        CliRun run = CliRun.of("backup", "--from", "jdbc:sqlite:" + missing, "--to", dir.resolve("b").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(missing.toString()).doesNotContain("\tat ");
        assertThat(Files.exists(missing)).isFalse();
        assertThat(Files.exists(dir.resolve("b"))).isFalse();
    }

    @Test
    void missingAndCorruptArchivesAreNamedAndRestoreWritesNothing() throws Exception {
        CliRun missing = CliRun.of("verify", dir.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("No archive at");

        Path archive = dir.resolve("backup");
        assertThat(CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString(), "-q").exitCode()).isZero();
        Path chunk;
        try (var files = Files.list(archive.resolve("data"))) {
            chunk = files.sorted().filter(p -> {
                try {
                    return Files.size(p) > 1000;
                } catch (java.io.IOException e) {
                    return false;
                }
            }).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(chunk);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(chunk, bytes);

        CliRun verify = CliRun.of("verify", archive.toString(), "-q");
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.err()).contains(chunk.getFileName().toString()).contains("(table ").doesNotContain("\tat ");

        Path target = dir.resolve("target.db");
        CliRun restore = CliRun.of("restore", "--from", archive.toString(), "--to", "jdbc:sqlite:" + target, "-q");
        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.err()).contains("damaged").contains("Nothing was restored");
        assertThat(Files.exists(target) && Files.size(target) > 0).as("no database left behind").isFalse();
    }

    @Test
    void nonEmptyTargetIsRefusedWithAListUnlessClean() throws Exception {
        Path archive = dir.resolve("backup");
        assertThat(CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString(), "-q").exitCode()).isZero();
        Path target = dir.resolve("busy.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE precious (id INTEGER PRIMARY KEY)");
            s.execute("INSERT INTO precious VALUES (1)");
        }
        CliRun refused = CliRun.of("restore", "--from", archive.toString(), "--to", "jdbc:sqlite:" + target, "-q");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("not empty").contains("precious").contains("--clean");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT count(*) FROM precious").getInt(1)).isEqualTo(1);
        }
        CliRun clean = CliRun.of("restore", "--from", archive.toString(), "--to", "jdbc:sqlite:" + target, "--clean", "-q");
        assertThat(clean.exitCode()).as(clean.all()).isZero();
    }

    @Test
    void anExistingArchivePathIsNeverOverwritten() throws Exception {
        Path archive = dir.resolve("backup");
        Files.createDirectories(archive);
        Files.writeString(archive.resolve("keep.txt"), "mine");
        CliRun run = CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("already exists");
        assertThat(Files.readString(archive.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void unsetPasswordVariableIsAUsageError() {
        CliRun run = CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", dir.resolve("b").toString(),
                "--password-env", "FERRY_TEST_SURELY_UNSET_VARIABLE");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("FERRY_TEST_SURELY_UNSET_VARIABLE").contains("not set");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(CliRun.of("backup", "--from", "jdbc:sqlite:x").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", "x", "--jobs", "0").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
        for (String rows : new String[] {"0", "1000001"}) {
            Path archive = dir.resolve("chunks-" + rows);
            CliRun chunks = CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString(), "--chunk-rows", rows);
            assertThat(chunks.exitCode()).as(chunks.all()).isEqualTo(2);
            assertThat(chunks.err().strip()).isEqualTo("ferry: --chunk-rows must be between 1 and 1000000, not " + rows);
            assertThat(archive).as("nothing is written").doesNotExist();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
