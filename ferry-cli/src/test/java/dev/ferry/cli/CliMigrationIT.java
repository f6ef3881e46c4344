package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.archive.ArchiveFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ferry migrate, status, undo and repair end to end on SQLite, with every status exit code. */
class CliMigrationIT {
    @TempDir
    Path dir;

    Path set;
    String url;

    @BeforeEach
    void migrationSet() throws Exception {
        set = dir.resolve("migrations");
        write("core/V1__items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
                + "INSERT INTO items VALUES (1, 'boat');\n");
        write("core/V2__add_destination.sql", "ALTER TABLE items ADD COLUMN destination TEXT;\n");
        write("core/U2__add_destination.ops", "drop column items.destination\n");
        write("plugin-shipping/module.properties", "requires = core:2\n");
        write("plugin-shipping/V1__routes.sql", "CREATE TABLE routes (item_id INTEGER REFERENCES items (id), destination TEXT);\n");
        write("plugin-shipping/U1__routes.sql", "DROP TABLE routes;\n");
        url = "jdbc:sqlite:" + dir.resolve("app.db");
    }

    private void write(String path, String text) throws Exception {
        Path p = set.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private CliRun run(String command, String... more) {
        String[] args = new String[more.length + 6];
        args[0] = command;
        args[1] = "--url";
        args[2] = url;
        args[3] = "--migrations";
        args[4] = set.toString();
        args[5] = "-q";
        System.arraycopy(more, 0, args, 6, more.length);
        return CliRun.of(args);
    }

    @Test
    void migrateStatusUndoAndEveryExitCode() throws Exception {
        CliRun missing = run("status");
        assertThat(missing.exitCode()).as("status never creates the database").isEqualTo(1);
        assertThat(missing.err()).contains("does not exist");
        assertThat(dir.resolve("app.db")).doesNotExist();
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(c.isValid(1)).isTrue();
        }
        CliRun pending = run("status");
        assertThat(pending.exitCode()).as(pending.all()).isEqualTo(3);
        assertThat(pending.out()).contains("3 pending migration(s)").contains("plugin-shipping");

        CliRun migrate = run("migrate", "--backup-dir", dir.resolve("backups").toString());
        assertThat(migrate.exitCode()).as(migrate.all()).isZero();
        assertThat(migrate.out()).contains("Applied 3 migration(s)").contains("Backup taken before: " + dir.resolve("backups"));
        CliRun upToDate = run("status", "--json");
        assertThat(upToDate.exitCode()).isZero();
        JsonNode json = ArchiveFormat.json().readTree(upToDate.out());
        assertThat(json.get("summary").asText()).contains("up to date");
        assertThat(json.at("/report/modules/1/currentVersion").asText()).isEqualTo("1");

        CliRun undo = run("undo", "--to", "core:1", "--no-backup");
        assertThat(undo.exitCode()).as(undo.all()).isZero();
        assertThat(undo.out()).contains("Undid 2 migration(s)");
        assertThat(run("status").exitCode()).isEqualTo(3);
        assertThat(run("migrate", "--no-backup").exitCode()).isZero();

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE INDEX sneaky ON items (name)");
        }
        CliRun drift = run("status");
        assertThat(drift.exitCode()).isEqualTo(4);
        assertThat(drift.out()).contains("schema drift").contains("ferry doctor");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP INDEX sneaky");
        }
        assertThat(run("status").exitCode()).isZero();

        write("core/V3__broken.sql", "ALTER TABLE items ADD COLUMN x TEXT;\nINSERT INTO nowhere VALUES (1);\n");
        CliRun failed = run("migrate", "--no-backup");
        assertThat(failed.exitCode()).isEqualTo(5);
        assertThat(failed.err()).startsWith("ferry: Migration core V3 (broken) failed: at core/V3__broken.sql line 2")
                .contains("SQLite rolled it back");
        CliRun five = run("status");
        assertThat(five.exitCode()).isEqualTo(5);
        assertThat(five.out()).contains("FAILED V3 broken");
    }

    @Test
    void anEditedScriptIsRefusedUntilRepair() throws Exception {
        assertThat(run("migrate", "--no-backup").exitCode()).isZero();
        Files.writeString(set.resolve("core/V1__items.sql"), "-- note\n", StandardOpenOption.APPEND);
        assertThat(run("status").exitCode()).isEqualTo(4);
        CliRun refused = run("migrate", "--no-backup");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("core/V1__items.sql").contains("ferry repair");
        CliRun repair = run("repair");
        assertThat(repair.exitCode()).as(repair.all()).isZero();
        assertThat(repair.out()).contains("accepted the edited core/V1__items.sql");
        assertThat(run("status").exitCode()).isZero();
    }

    @Test
    void doctorFindsAMissingColumnAndFixesIt() throws Exception {
        assertThat(run("migrate", "--no-backup").exitCode()).isZero();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE items DROP COLUMN destination");
        }
        CliRun doctor = run("doctor");
        assertThat(doctor.exitCode()).as(doctor.all()).isEqualTo(4);
        assertThat(doctor.out()).contains("claims: {core=2, plugin-shipping=1}")
                .contains("missing column items.destination (TEXT) [from core V2 add destination")
                .contains("ALTER TABLE \"items\" ADD COLUMN \"destination\" TEXT;");
        CliRun fix = run("doctor", "--fix", "--backup-dir", dir.resolve("backups").toString());
        assertThat(fix.exitCode()).as(fix.all()).isZero();
        assertThat(fix.out()).contains("Repaired:").contains("Backup taken before the repair");
        assertThat(run("status").exitCode()).isZero();
    }

    @Test
    void cannotConnectIsExitOneAndBadOptionsAreUsageErrors() {
        url = "jdbc:postgresql://127.0.0.1:1/none";
        CliRun down = run("status");
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.err()).startsWith("ferry: Cannot connect to jdbc:postgresql://127.0.0.1:1/none");
        CliRun usage = CliRun.of("migrate", "--url", "jdbc:sqlite:x.db", "--migrations", set.toString(), "--lock-timeout", "soon");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("'soon' is not a duration");
    }
}
