package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An app database on PostgreSQL and MariaDB with its media tree, encrypted, round-tripped through the CLI. */
class CliFilesServersIT {
    @TempDir
    Path dir;

    @Test
    void postgresWithFilesEncrypted() throws Exception {
        roundTrip(ScratchDatabase::postgres, "postgres", "id serial PRIMARY KEY", "text");
    }

    @Test
    void mariadbWithFilesEncrypted() throws Exception {
        roundTrip(ScratchDatabase::mariadb, "root", "id int AUTO_INCREMENT PRIMARY KEY", "varchar(200)");
    }

    private void roundTrip(Supplier<ScratchDatabase> engine, String user, String key, String text) throws Exception {
        Path media = FileTrees.media(dir);
        Path passphrase = dir.resolve("pass");
        Files.writeString(passphrase, "server passphrase");
        try (ScratchDatabase source = engine.get(); ScratchDatabase target = engine.get()) {
            try (Connection c = source.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE attachment (" + key + ", path " + text + " NOT NULL, secret_note " + text + ")");
                s.execute("CREATE TABLE user_session (id int PRIMARY KEY, token " + text + ")");
                s.execute("INSERT INTO attachment (path, secret_note) VALUES ('part/images/2026/bolt.png', 'ZebraPlaintextValue'),"
                        + " ('attachments/datasheet-confidential.pdf', NULL)");
                s.execute("INSERT INTO user_session VALUES (1, 'stale-session-token')");
            }
            Path archive = dir.resolve("backup");
            CliRun backup = CliRun.of("backup", "--from", source.spec().url(), "--user", user, "--to", archive.toString(), "-q",
                    "--files", "media=" + media, "--exclude-data", "user_session", "--encrypt",
                    "--passphrase-file", passphrase.toString());
            assertThat(backup.exitCode()).as(backup.all()).isZero();
            CliEncryptionIT.assertNoKnownPlaintext(archive);
            assertThat(Files.readString(archive.resolve("manifest.json"))).doesNotContain("attachment").doesNotContain("user_session");

            Path out = dir.resolve("restored-media");
            CliRun restore = CliRun.of("restore", "--from", archive.toString(), "--to", target.spec().url(), "--user", user,
                    "--passphrase-file", passphrase.toString(), "--files-to", "media=" + out);
            assertThat(restore.exitCode()).as(restore.all()).isZero();
            assertThat(restore.err()).contains("user_session is restored empty");
            assertThat(FileTrees.describe(out)).isEqualTo(FileTrees.describe(media));
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                ResultSet rs = s.executeQuery("SELECT path FROM attachment ORDER BY id");
                while (rs.next()) {
                    assertThat(out.resolve(rs.getString(1))).as("every path in the database has its file").isRegularFile();
                }
                ResultSet sessions = s.executeQuery("SELECT count(*) FROM user_session");
                sessions.next();
                assertThat(sessions.getInt(1)).isZero();
            }
        }
    }
}
