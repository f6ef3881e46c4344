package dev.ferry.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.View;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.Dialects;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.dialect.postgres.introspect.PartitionOptions;
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
import java.util.List;
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
        EndToEnd.Outcome outcome = kitchenSinkPg12RoundTrip(12, 17);
        assertThat(outcome.sourceFingerprint().get("public.big").rows()).isEqualTo(BIG_ROWS);
    }

    @Test
    void postgres17RestoresInto12() throws SQLException {
        kitchenSinkPg12RoundTrip(17, 12);
    }

    /** Backup on one embedded major, restore on another: proven, and with the same schema. */
    private EndToEnd.Outcome kitchenSinkPg12RoundTrip(int fromMajor, int toMajor) throws SQLException {
        ConnectionSpec source = withKitchenSinkPg12(SharedPostgres.freshDatabase(fromMajor));
        ConnectionSpec target = SharedPostgres.freshDatabase(toMajor);
        EndToEnd.Outcome outcome = EndToEnd.roundTrip(source, target, dir.resolve("from" + fromMajor), 2);
        assertThat(outcome.backup().manifest().source().version()).startsWith(fromMajor + ".");
        assertSameSchema(source, target);
        return outcome;
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

    /** Tables, keys, indexes, enums, sequences, views and native objects all arrived (definition texts may differ by major). */
    private static void assertSameSchema(ConnectionSpec source, ConnectionSpec target) throws SQLException {
        Schema expected = introspect(source);
        Schema restored = introspect(target);
        assertThat(withoutPartitionIdentity(restored)).isEqualTo(withoutPartitionIdentity(expected));
        assertThat(restored.enums()).isEqualTo(expected.enums());
        assertThat(restored.sequences()).extracting(Sequence::name).isEqualTo(expected.sequences().stream().map(Sequence::name).toList());
        assertThat(restored.views()).extracting(View::name).isEqualTo(expected.views().stream().map(View::name).toList());
        assertThat(restored.nativeObjects()).extracting(o -> o.kind() + " " + o.name())
                .isEqualTo(expected.nativeObjects().stream().map(o -> o.kind() + " " + o.name()).toList());
    }

    /**
     * PostgreSQL 17 marks a partition's column identity when its parent's is (they share the parent's
     * sequence); 12 does not. Each server applies its own rule to PARTITION OF, so partitions are
     * compared without it.
     */
    private static List<Table> withoutPartitionIdentity(Schema schema) {
        return SpiRoundTrip.comparable(schema).stream().map(t -> !t.options().containsKey(PartitionOptions.PARTITION_OF) ? t
                : new Table(t.name(), t.columns().stream().map(c -> new Column(c.name(), c.type(), c.nullable(),
                        c.defaultExpression(), null, c.generatedExpression(), c.generatedStored(), c.collation(), c.comment()))
                        .toList(), t.primaryKey(), t.uniques(), t.foreignKeys(), t.indexes(), t.checks(), t.options(),
                        t.comment(), t.estimatedRows())).toList();
    }

    private static Schema introspect(ConnectionSpec database) throws SQLException {
        Dialect dialect = Dialects.forUrl(database.url());
        try (Connection c = dialect.connect(database, true)) {
            return dialect.introspect(c, List.of());
        }
    }

    private static ConnectionSpec withKitchenSinkPg12(ConnectionSpec database) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            SqlScript.runKitchenSinkPg12(c, BIG_ROWS);
        }
        return database;
    }
}
