package dev.ferry.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.FerryException;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.testing.EndToEnd;
import dev.ferry.ops.testing.HostileNames;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile identifiers and values on SQLite: tables, columns, indexes, constraints, views and
 * triggers named with every kind of quote, separators, comments, Unicode and reserved words (and a
 * 1,000-character name); text with NUL and COPY-style escapes; a text column larger than the heap.
 * Backup, verify and restore must round-trip every byte (compared with hex()); TEXT that is not
 * UTF-8, which the driver would silently change, is refused.
 */
class SqliteHostileInputIT {
    /** 36 values of 8 MiB: 288 MiB of text, more than the suite's 256 MiB heap, so only streaming passes. */
    static final int LARGE_ROWS = 36;
    static final int LARGE_CHARS = 8 << 20;

    @TempDir
    Path dir;

    @Test
    void hostileNamesAndValuesRoundTripByteForByte() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.sqlite(); ScratchDatabase dst = ScratchDatabase.sqlite()) {
            List<String> tables = new ArrayList<>(HostileNames.NAMES);
            tables.add(HostileNames.ofLength('L', "é", 1000));
            try (Connection c = src.connect(); Statement s = c.createStatement()) {
                String previous = null;
                for (String name : tables) {
                    createTable(s, name, previous);
                    fill(c, name);
                    previous = name;
                }
                s.execute("CREATE VIEW " + q("v\"iew; --") + " AS SELECT " + q(tables.get(0)) + " FROM " + q(tables.get(0)));
                s.execute("CREATE TRIGGER " + q("tr'igger") + " AFTER INSERT ON " + q(tables.get(1)) + " BEGIN SELECT 1; END");
                s.execute("CREATE TABLE raw (id INTEGER PRIMARY KEY, t TEXT)");
                s.execute("INSERT INTO raw VALUES (1, CAST(X'6E756C00696E73696465' AS TEXT)), (2, CAST(X'00' AS TEXT)),"
                        + " (3, CAST(X'F09F9AA2EFBFBD' AS TEXT))");
            }
            EndToEnd.roundTrip(src.spec(), dst.spec(), dir.resolve("archive"), 1);
            for (String table : tables) {
                assertThat(hex(dst, table)).as(table).isEqualTo(hex(src, table));
            }
            assertThat(hex(dst, "raw")).as("NUL and a genuine U+FFFD kept byte for byte").isEqualTo(hex(src, "raw"));
        }
    }

    @Test
    void textThatIsNotUtf8IsRefusedRatherThanChanged() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.sqlite()) {
            try (Connection c = src.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE raw (id INTEGER PRIMARY KEY, \"n'ote\" TEXT)");
                s.execute("INSERT INTO raw VALUES (1, 'fine'), (2, CAST(X'41EDA08042' AS TEXT))");
            }
            Path archive = dir.resolve("refused");
            assertThatThrownBy(() -> new Backup(BackupSettings.of(src.spec(), archive), ProgressListener.NONE).run())
                    .isInstanceOf(FerryException.class).hasMessageContaining("Table raw, column n'ote, row 2")
                    .hasMessageContaining("not valid UTF-8 (41 ed a0 80 42)").hasMessageContaining("CAST(");
            assertThat(archive).doesNotExist();
            try (var left = Files.list(dir)) {
                assertThat(left).as("no partial archive left").isEmpty();
            }
        }
    }

    @Test
    void aTextColumnLargerThanTheHeapStreams() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.sqlite(); ScratchDatabase dst = ScratchDatabase.sqlite()) {
            try (Connection c = src.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE big (id INTEGER PRIMARY KEY, body TEXT)");
                s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + LARGE_ROWS + ")"
                        + " INSERT INTO big SELECT i, printf('%d', i) || hex(zeroblob(" + LARGE_CHARS + " / 2)) FROM n");
            }
            EndToEnd.streamThrough(src.spec(), dst.spec(), dir.resolve("big"), LARGE_ROWS);
        }
    }

    private static void createTable(Statement s, String name, String parent) throws SQLException {
        s.execute("CREATE TABLE " + q(name) + " (" + q(name + "_id") + " INTEGER PRIMARY KEY, " + q(name) + " TEXT NOT NULL, "
                + q(name + "_ref") + " INTEGER" + (parent == null ? "" : " CONSTRAINT " + q(name + "_fk") + " REFERENCES "
                + q(parent) + " (" + q(parent + "_id") + ")") + ", CONSTRAINT " + q(name + "_uq") + " UNIQUE (" + q(name)
                + "), CONSTRAINT " + q(name + "_chk") + " CHECK (" + q(name) + " <> 'forbidden'))");
        s.execute("CREATE INDEX " + q(name + "_ix") + " ON " + q(name) + " (" + q(name + "_ref") + ", " + q(name) + ")");
    }

    private static void fill(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q(table) + " VALUES (?, ?, ?)")) {
            int id = 1;
            for (String text : HostileNames.TEXTS) {
                ps.setInt(1, id);
                ps.setString(2, text + table);
                ps.setObject(3, id == 1 ? null : 1);
                ps.addBatch();
                id++;
            }
            ps.executeBatch();
        }
    }

    /** Every value of a table as hex(), in key order: a byte-exact picture. */
    private static List<String> hex(ScratchDatabase db, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + q(table) + " ORDER BY 1")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    byte[] b = rs.getBytes(i);
                    row.append(b == null ? "null" : java.util.HexFormat.of().formatHex(b)).append('|');
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    private static String q(String name) {
        return SqliteDialect.quoteIdentifier(name);
    }
}
