package dev.ferry.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Schema;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.Snapshot;
import dev.ferry.core.value.ContentHash;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupResult;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.Fingerprint;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Least privilege. Restore: a user with rights on its own database only (no staging database, no
 * RELOAD for snapshots). Backup: a read-only user with SELECT, SHOW VIEW, TRIGGER (and read access to
 * routine definitions) takes a whole backup and writes nothing; each missing privilege is named.
 */
class LimitedPrivilegesIT {

    @Test
    void aReadOnlyUserBacksUpAndIsToldEachMissingPrivilege() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.mariadb()) {
            try (Connection setup = src.connect()) {
                KitchenSink.create(setup);
            }
            String user = "ferry_ro_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
            String grantee = "'" + user + "'@'%'";
            String db = "`" + database(src) + "`";
            ConnectionSpec readOnly = new ConnectionSpec(src.spec().url(), user, "ro-pw-7");
            Map<String, ContentHash> before = new Fingerprint(src.spec(), List.of()).run();
            try (Connection admin = src.connect(); Statement s = admin.createStatement()) {
                s.execute("CREATE USER " + grantee + " IDENTIFIED BY 'ro-pw-7'");
                s.execute("GRANT SELECT ON " + db + ".* TO " + grantee);
                expectDenied(readOnly, "SHOW VIEW");
                s.execute("GRANT SHOW VIEW ON " + db + ".* TO " + grantee);
                expectDenied(readOnly, "TRIGGER privilege on database");
                s.execute("GRANT TRIGGER ON " + db + ".* TO " + grantee);
                s.execute("GRANT EXECUTE ON " + db + ".* TO " + grantee);
                expectDenied(readOnly, "mysql.proc");
                s.execute("GRANT SELECT ON mysql.proc TO " + grantee);
                Path archive = Files.createTempDirectory("ferry-ro-").resolve("archive");
                BackupResult backup = new Backup(BackupSettings.of(readOnly, archive).withJobs(2), ProgressListener.NONE).run();
                assertThat(backup.readers()).as("without RELOAD: one snapshot connection").isEqualTo(1);
                assertThat(backup.manifest().snapshot()).contains("RELOAD");
                assertThat(backup.manifest().tables()).hasSize(before.size());
                Schema archived = dev.ferry.core.archive.ArchiveReader.open(archive).schema();
                assertThat(archived.nativeObjects()).extracting(o -> o.kind() + " " + o.name().name())
                        .contains("function twice", "trigger gen_label");
                assertThat(new Fingerprint(src.spec(), List.of()).run()).as("the source is unchanged").isEqualTo(before);
            } finally {
                try (Connection admin = src.connect(); Statement s = admin.createStatement()) {
                    s.execute("DROP USER IF EXISTS " + grantee);
                }
            }
        }
    }

    private static void expectDenied(ConnectionSpec spec, String privilege) throws Exception {
        Path archive = Files.createTempDirectory("ferry-ro-").resolve("archive");
        assertThatThrownBy(() -> new Backup(BackupSettings.of(spec, archive), ProgressListener.NONE).run())
                .isInstanceOf(FerryException.class).hasMessageContaining(privilege)
                .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.PERMISSION_DENIED));
        assertThat(archive).doesNotExist();
    }

    @Test
    void withoutCreateDatabaseTheRestoreWorksInTheTargetAndRollsBackWhatItCreated() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.mariadb(); ScratchDatabase dst = ScratchDatabase.mariadb()) {
            try (Connection setup = src.connect()) {
                KitchenSink.create(setup);
            }
            String user = "ferry_lim_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
            try (Connection admin = dst.connect(); Statement s = admin.createStatement()) {
                s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'secret-pw'");
                s.execute("GRANT ALL ON `" + database(dst) + "`.* TO '" + user + "'@'%'");
            }
            ConnectionSpec limited = new ConnectionSpec(dst.spec().url(), user, "secret-pw");
            try (Connection source = RoundTrip.DIALECT.connect(src.spec(), true)) {
                Schema schema = RoundTrip.DIALECT.introspect(source, List.of());
                try (RestoreTarget restore = RoundTrip.DIALECT.openRestore(limited)) {
                    restore.begin(false);
                    assertThat(((MysqlRestoreTarget) restore).note()).contains("directly into");
                    restore.createTables(schema);
                    assertThat(restore.existingObjects()).isNotEmpty();
                    restore.rollback();
                    assertThat(restore.existingObjects()).isEmpty();
                }
                assertThat(RoundTrip.restore(source, schema, limited, false)).isEqualTo(RoundTrip.hashes(source, schema));
                try (Snapshot snapshot = RoundTrip.DIALECT.openSnapshot(limited, 3)) {
                    assertThat(snapshot.connections()).hasSize(1);
                    assertThat(snapshot.note()).contains("RELOAD");
                }
                assertThatThrownBy(() -> RoundTrip.DIALECT.connect(new ConnectionSpec(dst.spec().url(), user, "wrong"), true))
                        .hasMessageContaining("Access denied").hasMessageNotContaining("secret-pw");
            } finally {
                try (Connection admin = dst.connect(); Statement s = admin.createStatement()) {
                    s.execute("DROP USER '" + user + "'@'%'");
                }
            }
        }
    }

    private static String database(ScratchDatabase db) {
        String url = db.spec().url();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
