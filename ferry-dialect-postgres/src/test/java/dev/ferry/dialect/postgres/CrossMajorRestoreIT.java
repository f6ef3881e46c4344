package dev.ferry.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.Dialects;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.embedded.testing.SharedPostgres;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.Restore;
import dev.ferry.ops.RestoreSettings;
import dev.ferry.ops.testing.EndToEnd;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The way users move between PostgreSQL majors (logical backup, new empty database, restore), up and
 * down: the kitchen sink's PostgreSQL 12 part between embedded servers of 12 and 17, and the whole
 * kitchen sink from the local server (15) into 17, each proven by the restore's own proofs and by an
 * independent fingerprint of the committed target. What 12 cannot hold is refused with nothing written.
 */
class CrossMajorRestoreIT {
    /** Enough rows for several COPY buffers and fetches; the 200,000-row trips run on the local server. */
    private static final int BIG_ROWS = 20_000;

    @TempDir
    Path dir;

    @Test
    void postgres12RestoresInto17() throws SQLException {
        ConnectionSpec source = withKitchenSinkPg12(SharedPostgres.freshDatabase(12));
        EndToEnd.Outcome outcome = EndToEnd.roundTrip(source, SharedPostgres.freshDatabase(17), dir.resolve("from12"), 2);
        assertThat(outcome.backup().manifest().source().version()).startsWith("12.");
        assertThat(outcome.sourceFingerprint().get("public.big").rows()).isEqualTo(BIG_ROWS);
    }

    @Test
    void postgres17RestoresInto12() throws SQLException {
        ConnectionSpec source = withKitchenSinkPg12(SharedPostgres.freshDatabase(17));
        EndToEnd.Outcome outcome = EndToEnd.roundTrip(source, SharedPostgres.freshDatabase(12), dir.resolve("from17"), 2);
        assertThat(outcome.backup().manifest().source().version()).startsWith("17.");
    }

    @Test
    void theLocalServerRestoresInto17() throws SQLException {
        try (ScratchDatabase local = ScratchDatabase.postgres()) {
            try (Connection c = local.connect()) {
                SqlScript.runKitchenSink(c, BIG_ROWS);
            }
            EndToEnd.Outcome outcome = EndToEnd.roundTrip(local.spec(), SharedPostgres.freshDatabase(17), dir.resolve("local"), 2);
            assertThat(outcome.backup().manifest().source().version()).doesNotStartWith("17.");
        }
    }

    static Stream<Arguments> whatPostgres12CannotHold() {
        return Stream.of(
                Arguments.of("CREATE FUNCTION public.twice(n int) RETURNS int LANGUAGE sql IMMUTABLE BEGIN ATOMIC SELECT n * 2; END",
                        "Creating function public.twice(n integer) failed: syntax error"),
                Arguments.of("ALTER TABLE public.t ADD CONSTRAINT t_note_key UNIQUE NULLS NOT DISTINCT (note)",
                        "Adding constraint public.t_note_key failed: syntax error"),
                Arguments.of("INSERT INTO public.t VALUES (2, NULL, 'Infinity', NULL)",
                        "Loading rows into public.t (2 rows sent) failed: invalid input syntax for type numeric: \"Infinity\""),
                Arguments.of("INSERT INTO public.t VALUES (2, NULL, NULL, '-9223372036854775808 microseconds')",
                        "Loading rows into public.t (2 rows sent) failed: interval field value out of range"));
    }

    @ParameterizedTest
    @MethodSource
    void whatPostgres12CannotHold(String newerFeature, String expectedMessage) throws SQLException {
        ConnectionSpec source = SharedPostgres.freshDatabase(17);
        try (Connection c = DriverManager.getConnection(source.url(), source.user(), source.password())) {
            SqlScript.exec(c, "CREATE TABLE public.t (id int PRIMARY KEY, note text, amount numeric, span interval)",
                    "INSERT INTO public.t VALUES (1, 'kept', 1.5, '1 hour')", newerFeature);
        }
        Path archive = dir.resolve("newer");
        new Backup(BackupSettings.of(source, archive), ProgressListener.NONE).run();
        ConnectionSpec target = SharedPostgres.freshDatabase(12);
        assertThatThrownBy(() -> new Restore(RestoreSettings.of(archive, target), ProgressListener.NONE).run())
                .isInstanceOfSatisfying(FerryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESTORE_FAILED))
                .hasMessageContaining(expectedMessage)
                .hasMessageContaining("The archive was made on PostgreSQL " + SharedPostgres.major(17).serverVersion()
                        + " and the target runs PostgreSQL " + SharedPostgres.major(12).serverVersion() + ", an older version")
                .hasMessageContaining("Nothing was restored");
        try (RestoreTarget restore = Dialects.forUrl(target.url()).openRestore(target)) {
            assertThat(restore.existingObjects()).as("nothing written to the PostgreSQL 12 target").isEmpty();
        }
    }

    private static ConnectionSpec withKitchenSinkPg12(ConnectionSpec database) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            SqlScript.runKitchenSinkPg12(c, BIG_ROWS);
        }
        return database;
    }
}
