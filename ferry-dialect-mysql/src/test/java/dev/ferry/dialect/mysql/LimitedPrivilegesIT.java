package dev.ferry.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.model.Schema;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.Snapshot;
import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A user with rights on its own database only: no staging database, no RELOAD for snapshots. */
class LimitedPrivilegesIT {

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
