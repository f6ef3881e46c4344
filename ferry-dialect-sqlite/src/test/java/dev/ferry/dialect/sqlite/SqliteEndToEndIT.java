package dev.ferry.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.Restore;
import dev.ferry.ops.RestoreSettings;
import dev.ferry.ops.testing.EndToEnd;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEndToEndIT {
    private static final SqliteDialect DIALECT = new SqliteDialect();

    @TempDir
    Path dir;

    @Test
    void kitchenSinkAndAMillionRowsRoundTripExactly() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.sqlite(); ScratchDatabase dst = ScratchDatabase.sqlite()) {
            try (Connection c = src.connect()) {
                SqliteKitchenSink.create(c, SqliteKitchenSink.LARGE_ROWS);
            }
            EndToEnd.Outcome outcome = EndToEnd.roundTrip(src.spec(), dst.spec(), dir.resolve("archive"), 4);
            assertThat(outcome.sourceFingerprint().get("big").rows()).isEqualTo(SqliteKitchenSink.LARGE_ROWS);
            assertThat(outcome.sourceFingerprint().get("empty_table").rows()).isZero();
            assertThat(outcome.backup().readers()).as("SQLite reads with one connection").isEqualTo(1);
            assertThat(schemaSql(dst.spec())).isEqualTo(schemaSql(src.spec()));
            assertThat(sequence(dst.spec())).isEqualTo(sequence(src.spec())).isEqualTo(2L);
            try (Connection c = dst.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO line (g, sel) VALUES (1, 'x')");
                try (ResultSet rs = s.executeQuery("SELECT max(id) FROM line")) {
                    assertThat(rs.getLong(1)).as("AUTOINCREMENT continues after the deleted id 2").isEqualTo(3);
                }
                try (ResultSet rs = s.executeQuery("SELECT qty FROM \"Order\" WHERE \"Group\" = 1 AND \"select\" = 'x'")) {
                    assertThat(rs.getLong(1)).as("the trigger exists and did not fire during the load").isEqualTo(3);
                }
            }
        }
    }

    @Test
    void introspectionDescribesKeysIdentityAndGeneratedColumns() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.sqlite()) {
            try (Connection c = src.connect()) {
                SqliteKitchenSink.create(c, 10);
            }
            try (Connection c = DIALECT.connect(src.spec(), true)) {
                Schema schema = DIALECT.introspect(c, List.of());
                Table types = schema.table(QualifiedName.of("types")).orElseThrow();
                assertThat(types.loadedColumns()).extracting(col -> col.name()).doesNotContain("doubled", "len");
                assertThat(types.column("doubled").orElseThrow().generatedExpression()).isEqualTo("i * 2");
                assertThat(types.uniques()).hasSize(1);
                assertThat(types.indexes()).extracting(ix -> ix.name()).containsExactly("types_dt", "types_partial");
                Table line = schema.table(QualifiedName.of("line")).orElseThrow();
                assertThat(line.column("id").orElseThrow().identity().generation()).isEqualTo(Identity.Generation.AUTO_INCREMENT);
                assertThat(line.foreignKeys().get(0).referencedColumns()).containsExactly("Group", "select");
                assertThat(schema.table(QualifiedName.of("Order")).orElseThrow().primaryKey().columns()).containsExactly("Group", "select");
                assertThat(schema.table(QualifiedName.of("tree")).orElseThrow().checks()).isEmpty();
                assertThat(schema.table(QualifiedName.of("Order")).orElseThrow().checks().get(0).expression()).isEqualTo("qty > 0");
                assertThat(schema.table(QualifiedName.of("kv")).orElseThrow().options()).containsEntry("without_rowid", "true");
                assertThat(schema.views()).hasSize(1);
                assertThat(schema.nativeObjects()).extracting(o -> o.kind()).containsExactly("trigger");
            }
        }
    }

    @Test
    void orphanRowsAreRefusedNamedAndNothingIsLeftBehind() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.sqlite(); ScratchDatabase dst = ScratchDatabase.sqlite()) {
            try (Connection c = src.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
                s.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))");
                s.execute("INSERT INTO child VALUES (1, 99)");
            }
            Path archive = dir.resolve("archive");
            new Backup(BackupSettings.of(src.spec(), archive), ProgressListener.NONE).run();
            assertThatThrownBy(() -> new Restore(RestoreSettings.of(archive, dst.spec()), ProgressListener.NONE).run())
                    .isInstanceOf(FerryException.class)
                    .hasMessageContaining("table child").hasMessageContaining("parent").hasMessageContaining("rowid 1")
                    .hasMessageContaining("Nothing was restored")
                    .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.RESTORE_FAILED));
            assertThat(Files.exists(SqliteFiles.path(dst.spec().url()))).as("no new database file left behind").isFalse();
        }
    }

    @Test
    void aReadOnlySourceThatDoesNotExistIsNotCreated() {
        Path missing = dir.resolve("nope.db");
        assertThatThrownBy(() -> DIALECT.connect(ConnectionSpec.of("jdbc:sqlite:" + missing), true))
                .hasMessageContaining("does not exist");
        assertThat(missing).doesNotExist();
    }

    private static List<String> schemaSql(ConnectionSpec spec) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DIALECT.connect(spec, true); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(3));
            }
        }
        return out;
    }

    private static Long sequence(ConnectionSpec spec) throws Exception {
        try (Connection c = DIALECT.connect(spec, true); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'line'")) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }
}
