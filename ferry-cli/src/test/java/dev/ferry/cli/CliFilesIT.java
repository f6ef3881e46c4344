package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.Zstd;
import dev.ferry.core.archive.ArchiveFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files, --exclude-data and hostile archives through the CLI on SQLite (plain archives; encryption: CliEncryptionIT). */
class CliFilesIT {
    @TempDir
    Path dir;

    Path source;
    Path media;

    @BeforeEach
    void sample() throws Exception {
        source = dir.resolve("app.db");
        new DemoDatabase().create(source, 500);
        media = FileTrees.media(dir);
    }

    @Test
    void filesRoundTripIdenticallyAndExcludedDataIsNamed() throws Exception {
        Path archive = dir.resolve("backup");
        CliRun backup = CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString(), "-q",
                "--files", "media=" + media, "--exclude-data", "scheduler_*", "--exclude-data", "no_such_table");
        assertThat(backup.exitCode()).as(backup.all()).isZero();
        assertThat(backup.out()).contains("Stored files 'media': 5 files").contains("rows left out: scheduler_job")
                .contains("--exclude-data no_such_table matches no table");

        CliRun inspect = CliRun.of("inspect", archive.toString());
        assertThat(inspect.out()).contains("media").contains("5 files").contains("scheduler_job").contains("Encrypted no");
        CliRun verify = CliRun.of("verify", archive.toString(), "-q");
        assertThat(verify.exitCode()).as(verify.all()).isZero();
        assertThat(verify.out()).contains("5 stored files");

        Path restored = dir.resolve("srv/restored-media");
        CliRun restore = CliRun.of("restore", "--from", archive.toString(), "--to", "jdbc:sqlite:" + dir.resolve("r.db"),
                "--files-to", "media=" + restored);
        assertThat(restore.exitCode()).as(restore.all()).isZero();
        assertThat(restore.out()).contains("Restored files 'media' to " + restored + ": 5 files");
        assertThat(restore.err()).contains("scheduler_job is restored empty").contains("--exclude-data");
        assertThat(FileTrees.describe(restored)).isEqualTo(FileTrees.describe(media)).hasSize(11);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("r.db")); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT count(*) FROM scheduler_job").getInt(1)).isZero();
            assertThat(s.executeQuery("SELECT count(*) FROM plugin_inventory_item").getInt(1)).isEqualTo(500);
        }

        CliRun withoutFiles = CliRun.of("restore", "--from", archive.toString(), "--to", "jdbc:sqlite:" + dir.resolve("r2.db"), "-q");
        assertThat(withoutFiles.exitCode()).isZero();
        assertThat(withoutFiles.out()).contains("not restored: files 'media'").contains("--files-to media=DIR");
    }

    @Test
    void existingFilesAreNeverOverwrittenWithoutOverwrite() throws Exception {
        Path archive = dir.resolve("backup");
        assertThat(CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString(), "-q",
                "--files", "media=" + media).exitCode()).isZero();
        Path live = dir.resolve("live");
        Files.createDirectories(live.resolve("part/images"));
        Files.writeString(live.resolve("part/images/thumb.png"), "the user's newer thumbnail");
        Path target = dir.resolve("target.db");

        CliRun refused = CliRun.of("restore", "--from", archive.toString(), "--to", "jdbc:sqlite:" + target, "-q",
                "--files-to", "media=" + live);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("thumb.png exists").contains("--overwrite").contains("Nothing was restored");
        assertThat(Files.readString(live.resolve("part/images/thumb.png"))).isEqualTo("the user's newer thumbnail");
        assertThat(Files.exists(target) && Files.size(target) > 0).as("the database was not restored either").isFalse();
        try (var left = Files.walk(live)) {
            assertThat(left.count()).as("nothing added").isEqualTo(4);
        }

        CliRun replaced = CliRun.of("restore", "--from", archive.toString(), "--to", "jdbc:sqlite:" + target, "-q",
                "--files-to", "media=" + live, "--overwrite");
        assertThat(replaced.exitCode()).as(replaced.all()).isZero();
        assertThat(Files.readString(live.resolve("part/images/thumb.png"))).isEqualTo("thumbnail");
        assertThat(FileTrees.describe(live.resolve("attachments"))).isEqualTo(FileTrees.describe(media.resolve("attachments")));
    }

    @Test
    void aHostileArchiveIsRefusedWithNothingWritten() throws Exception {
        Path archive = dir.resolve("backup");
        assertThat(CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString(), "-q",
                "--files", "media=" + media).exitCode()).isZero();
        for (String evil : new String[] {"../../evil.sh", "/tmp/evil.sh", "part/images/../../../evil.sh"}) {
            rewriteIndex(archive, "{\"path\":\"" + evil + "\",\"type\":\"file\",\"size\":0,\"sha256\":\""
                    + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"}\n");
            Path target = dir.resolve("t.db");
            Path out = dir.resolve("out/media");
            CliRun run = CliRun.of("restore", "--from", archive.toString(), "--to", "jdbc:sqlite:" + target, "-q",
                    "--files-to", "media=" + out);
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            assertThat(run.err()).contains("unsafe entry").contains("Nothing was written");
            assertThat(Files.exists(dir.resolve("out"))).isFalse();
            assertThat(Files.exists(Path.of("/tmp/evil.sh"))).isFalse();
            assertThat(Files.exists(dir.resolve("evil.sh"))).isFalse();
            assertThat(Files.exists(target) && Files.size(target) > 0).as("no database restored").isFalse();
            assertThat(CliRun.of("verify", archive.toString(), "-q").err()).contains("unsafe entry");
        }
        rewriteIndex(archive, "{\"path\":\"dev-sda\",\"type\":\"device\"}\n");
        assertThat(CliRun.of("restore", "--from", archive.toString(), "--files-to", "media=" + dir.resolve("o2")).err())
                .contains("device files, pipes and sockets are never restored");
        assertThat(Files.exists(dir.resolve("o2"))).isFalse();
    }

    @Test
    void badFileOptionsAreUsageErrors() {
        assertThat(CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", dir.resolve("b").toString(),
                "--files", "media").err()).contains("expected NAME=PATH");
        assertThat(CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", dir.resolve("b").toString(),
                "--files", "media=" + dir.resolve("missing")).exitCode()).isEqualTo(2);
        CliRun secret = CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", dir.resolve("b").toString(),
                "--secret-file", "key=" + source);
        assertThat(secret.exitCode()).isEqualTo(2);
        assertThat(secret.err()).contains("--secret-file needs --encrypt");
        assertThat(Files.exists(dir.resolve("b"))).isFalse();
    }

    /** Replaces the tree's index with one hostile line, fixing every checksum as an attacker would. */
    private static void rewriteIndex(Path archive, String line) throws Exception {
        Path index = archive.resolve("files/d00001-index.jsonl.zst");
        byte[] stored = Zstd.compress(line.getBytes(StandardCharsets.UTF_8));
        Files.write(index, stored);
        Path manifestFile = archive.resolve("manifest.json");
        ObjectNode manifest = (ObjectNode) ArchiveFormat.json().readTree(manifestFile.toFile());
        ObjectNode tree = (ObjectNode) ((ArrayNode) manifest.get("trees")).get(0);
        ((ObjectNode) tree.get("index")).put("bytes", stored.length).put("sha256", sha256(stored));
        tree.put("files", line.contains("\"file\"") ? 1 : 0).put("directories", 0).put("links", 0).put("bytes", 0);
        tree.putArray("parts");
        byte[] json = ArchiveFormat.json().writeValueAsBytes(manifest);
        Files.write(manifestFile, json);
        Files.writeString(archive.resolve("manifest.json.sha256"), sha256(json) + "  manifest.json\n");
        Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
