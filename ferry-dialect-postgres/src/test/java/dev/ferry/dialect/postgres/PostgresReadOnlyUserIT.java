package dev.ferry.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.Snapshot;
import dev.ferry.core.value.ContentHash;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupResult;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.Fingerprint;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.Verify;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Least privilege: a plain login role with SELECT only, or with only pg_read_all_data, can take a
 * parallel, consistent backup of everything it may read, and never writes to the source; a role that
 * lacks a grant is told exactly which ones before anything is read.
 */
class PostgresReadOnlyUserIT {
    private static final PostgresDialect DIALECT = new PostgresDialect();

    @TempDir
    Path dir;

    @Test
    void aRoleWithOnlyPgReadAllDataBacksUpThroughTheOperations() throws SQLException {
        String role = newRoleName();
        try (ScratchDatabase db = ScratchDatabase.postgres()) {
            try (Connection c = db.connect()) {
                SqlScript.run(c, "kitchen-sink.sql");
                SqlScript.exec(c, "CREATE ROLE " + role + " LOGIN", "GRANT pg_read_all_data TO " + role);
            }
            try {
                ConnectionSpec asReader = new ConnectionSpec(db.spec().url(), role, null);
                Map<String, ContentHash> before = new Fingerprint(db.spec(), List.of()).run();
                BackupResult backup = new Backup(BackupSettings.of(asReader, dir.resolve("archive")).withJobs(2),
                        ProgressListener.NONE).run();
                assertThat(backup.readers()).isEqualTo(2);
                assertThat(backup.manifest().tables()).hasSize(before.size());
                assertThat(new Verify(dir.resolve("archive"), ProgressListener.NONE).run().rows())
                        .isEqualTo(backup.manifest().totalRows());
                assertThat(new Fingerprint(db.spec(), List.of()).run()).as("the source is unchanged").isEqualTo(before);
            } finally {
                dropRole(db, role);
            }
        }
    }

    @Test
    void missingGrantsAreNamedBeforeAnythingIsRead() throws SQLException {
        String role = newRoleName();
        try (ScratchDatabase db = ScratchDatabase.postgres()) {
            try (Connection c = db.connect()) {
                SqlScript.exec(c, "CREATE SCHEMA hidden", "CREATE TABLE hidden.h (id int)",
                        "CREATE TABLE open_t (id serial PRIMARY KEY)", "CREATE TABLE \"se'cret\" (id int)",
                        "INSERT INTO open_t DEFAULT VALUES", "CREATE ROLE " + role + " LOGIN",
                        "GRANT SELECT ON open_t TO " + role);
            }
            try {
                ConnectionSpec asReader = new ConnectionSpec(db.spec().url(), role, null);
                Path archive = dir.resolve("refused");
                assertThatThrownBy(() -> new Backup(BackupSettings.of(asReader, archive), ProgressListener.NONE).run())
                        .isInstanceOf(FerryException.class)
                        .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.PERMISSION_DENIED))
                        .hasMessageContaining("USAGE on schema hidden")
                        .hasMessageContaining("SELECT on table \"public\".\"se'cret\"")
                        .hasMessageContaining("SELECT on sequence \"public\".\"open_t_id_seq\"")
                        .hasMessageNotContaining("open_t\",").hasMessageContaining("pg_read_all_data");
                assertThat(archive).doesNotExist();
                try (Connection c = db.connect()) {
                    SqlScript.exec(c, "GRANT SELECT ON open_t_id_seq TO " + role);
                }
                BackupResult excluded = new Backup(BackupSettings.of(asReader, dir.resolve("partial"))
                        .withNamespaces(List.of("public")).withExcludeTables(List.of("se'cret")), ProgressListener.NONE).run();
                assertThat(excluded.manifest().tables()).hasSize(1);
            } finally {
                dropRole(db, role);
            }
        }
    }

    private static String newRoleName() {
        return "ferry_reader_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    private static void dropRole(ScratchDatabase db, String role) throws SQLException {
        try (Connection c = db.connect()) {
            SqlScript.exec(c, "DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }

    @Test
    void readOnlyRoleBacksUpWithSharedSnapshots() throws SQLException {
        String role = newRoleName();
        try (ScratchDatabase db = ScratchDatabase.postgres()) {
            try (Connection c = db.connect()) {
                SqlScript.runKitchenSink(c);
                SqlScript.exec(c, "CREATE ROLE " + role + " LOGIN", "GRANT USAGE ON SCHEMA public, app TO " + role,
                        "GRANT SELECT ON ALL TABLES IN SCHEMA public, app TO " + role,
                        "GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO " + role);
            }
            try {
                ConnectionSpec asReader = new ConnectionSpec(db.spec().url(), role, null);
                try (Snapshot snapshot = DIALECT.openSnapshot(asReader, 3)) {
                    assertThat(snapshot.connections()).hasSize(3);
                    Schema schema = DIALECT.introspect(snapshot.connections().get(0), List.of());
                    assertThat(schema.tables()).hasSizeGreaterThan(15);
                    Map<QualifiedName, ContentHash> hashes = new SpiRoundTrip(DIALECT).hashes(snapshot.connections().get(2), schema);
                    assertThat(hashes.get(new QualifiedName("public", "big")).rows()).isEqualTo(200_000);
                }
            } finally {
                try (Connection c = db.connect()) {
                    SqlScript.exec(c, "DROP OWNED BY " + role, "DROP ROLE " + role);
                }
            }
        }
    }
}
