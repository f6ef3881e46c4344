package dev.ferry.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ops.testing.EndToEnd;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole product on MariaDB: Backup with two readers, Verify, Restore, and an independent fingerprint. */
class MysqlEndToEndIT {
    @TempDir
    Path dir;

    @Test
    void kitchenSinkAndAMillionRowsRoundTripThroughAnArchive() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.mariadb(); ScratchDatabase dst = ScratchDatabase.mariadb()) {
            try (Connection c = src.connect(); Statement s = c.createStatement()) {
                KitchenSink.create(c);
                s.execute("CREATE TABLE million (id BIGINT PRIMARY KEY, label VARCHAR(40), amount DECIMAL(12,4))");
                s.execute("INSERT INTO million SELECT seq, concat('row ', seq), seq / 7 FROM seq_1_to_1000000");
            }
            EndToEnd.Outcome outcome = EndToEnd.roundTrip(src.spec(), dst.spec(), dir.resolve("archive"), 2);
            assertThat(outcome.sourceFingerprint().get("million").rows()).isEqualTo(1_000_000);
            assertThat(outcome.backup().readers()).isEqualTo(2);
            assertThat(outcome.backup().manifest().snapshot()).isNotBlank();
        }
    }
}
