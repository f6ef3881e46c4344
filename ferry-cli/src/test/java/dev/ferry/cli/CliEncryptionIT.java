package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encrypted archives through the CLI with the default Argon2id costs: what is hidden, the passphrase, secrets. */
class CliEncryptionIT {
    private static final List<String> KNOWN_PLAINTEXT = List.of("plugin_inventory_item", "auth_user", "plugin_audit_log",
            "scheduler_job", "django_migrations", "ZebraPlaintextValue", "confidential", "datasheet", "bolt.png",
            "ultra-secret-key", "APP_SECRET", "appkey", "0012_alter_user_first_name", "CREATE TABLE");

    @TempDir
    Path dir;

    @Test
    void anEncryptedArchiveHidesEverythingAndOpensOnlyWithItsPassphrase() throws Exception {
        Path source = dir.resolve("app.db");
        new DemoDatabase().create(source, 300);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("INSERT INTO plugin_audit_log (message) VALUES ('ZebraPlaintextValue-4711')");
        }
        Path media = FileTrees.media(dir);
        Path secret = dir.resolve("app.env");
        Files.writeString(secret, "APP_SECRET=ultra-secret-key-material\n");
        Path passphrase = dir.resolve("passphrase.txt");
        Files.writeString(passphrase, "correct horse battery staple\n");
        Path archive = dir.resolve("backup");
        CliRun backup = CliRun.of("backup", "--from", "jdbc:sqlite:" + source, "--to", archive.toString(), "-q", "--encrypt",
                "--passphrase-file", passphrase.toString(), "--files", "media=" + media, "--secret-file", "appkey=" + secret);
        assertThat(backup.exitCode()).as(backup.all()).isZero();
        assertThat(backup.out()).contains("(encrypted)");
        assertNoKnownPlaintext(archive);

        Path wrong = dir.resolve("wrong.txt");
        Files.writeString(wrong, "correct horse battery stable");
        Path target = dir.resolve("restored.db");
        CliRun refused = CliRun.of("restore", "--from", archive.toString(), "--to", "jdbc:sqlite:" + target,
                "--passphrase-file", wrong.toString(), "--files-to", "media=" + dir.resolve("out"));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err().lines().toList()).singleElement().asString().startsWith("ferry: Wrong passphrase");
        assertThat(Files.exists(target)).isFalse();
        assertThat(Files.exists(dir.resolve("out"))).isFalse();
        CliRun noPassphrase = CliRun.of("inspect", archive.toString());
        assertThat(noPassphrase.exitCode()).isEqualTo(2);
        assertThat(noPassphrase.err()).contains("is encrypted").contains("--passphrase-env");

        CliRun inspect = CliRun.of("inspect", archive.toString(), "--passphrase-file", passphrase.toString());
        assertThat(inspect.out()).contains("Encrypted yes").contains("plugin_inventory_item").contains("appkey");
        CliRun verify = CliRun.of("verify", archive.toString(), "--passphrase-file", passphrase.toString(), "-q");
        assertThat(verify.exitCode()).as(verify.all()).isZero();
        assertThat(verify.out()).contains("every file authenticated");

        Path secretOut = dir.resolve("etc/app.env");
        Files.createDirectories(secretOut.getParent());
        CliRun restore = CliRun.of("restore", "--from", archive.toString(), "--to", "jdbc:sqlite:" + target, "-q",
                "--passphrase-file", passphrase.toString(), "--files-to", "media=" + dir.resolve("out"),
                "--secret-to", "appkey=" + secretOut);
        assertThat(restore.exitCode()).as(restore.all()).isZero();
        assertThat(restore.out()).contains("proven identical").contains("Restored secret 'appkey'");
        assertThat(Files.readString(secretOut)).isEqualTo("APP_SECRET=ultra-secret-key-material\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretOut))).isEqualTo("rw-------");
        assertThat(FileTrees.describe(dir.resolve("out"))).isEqualTo(FileTrees.describe(media));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT count(*) FROM plugin_audit_log WHERE message = 'ZebraPlaintextValue-4711'")
                    .getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void encryptionOptionsAreCheckedTogether() {
        String from = "jdbc:sqlite:" + dir.resolve("x.db");
        assertThat(CliRun.of("backup", "--from", from, "--to", dir.resolve("b").toString(), "--encrypt").err())
                .contains("--encrypt needs a passphrase");
        assertThat(CliRun.of("backup", "--from", from, "--to", dir.resolve("b").toString(), "--passphrase-env", "X").err())
                .contains("without --encrypt");
        assertThat(CliRun.of("backup", "--from", from, "--to", dir.resolve("b").toString(), "--encrypt",
                "--passphrase-env", "FERRY_TEST_SURELY_UNSET").exitCode()).isEqualTo(2);
    }

    static void assertNoKnownPlaintext(Path archive) throws Exception {
        try (Stream<Path> files = Files.walk(archive)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String known : KNOWN_PLAINTEXT) {
                    assertThat(bytes).as("%s must not contain %s", archive.relativize(file), known).doesNotContain(known);
                }
            }
        }
    }
}
