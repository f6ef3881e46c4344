package dev.ferry.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ops.testing.EndToEnd;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole product on PostgreSQL: Backup with two readers on one exported snapshot, Verify, Restore, fingerprint. */
class PostgresEndToEndIT {
    @TempDir
    Path dir;

    @Test
    void kitchenSinkAndAMillionRowsRoundTripThroughAnArchive() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.postgres(); ScratchDatabase dst = ScratchDatabase.postgres()) {
            try (Connection c = src.connect()) {
                SqlScript.runKitchenSink(c);
                SqlScript.exec(c, "CREATE TABLE public.million (id bigint PRIMARY KEY, label text, amount numeric(12,4), "
                        + "at timestamptz)", "INSERT INTO public.million SELECT g, 'row ' || g, g / 7.0, "
                        + "timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second' FROM generate_series(1, 1000000) g",
                        "ANALYZE");
            }
            EndToEnd.Outcome outcome = EndToEnd.roundTrip(src.spec(), dst.spec(), dir.resolve("archive"), 2);
            assertThat(outcome.sourceFingerprint().get("public.million").rows()).isEqualTo(1_000_000);
            assertThat(outcome.backup().readers()).isEqualTo(2);
            assertThat(outcome.backup().manifest().snapshot()).contains("snapshot");
            assertThat(outcome.backup().manifest().warnings()).as("types without a portable form are named")
                    .anyMatch(w -> w.contains("(inet) has no portable form"));
        }
    }
}
