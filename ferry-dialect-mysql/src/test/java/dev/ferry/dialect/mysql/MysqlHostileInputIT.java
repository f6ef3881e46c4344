package dev.ferry.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ops.Backup;
import dev.ferry.ops.testing.EndToEnd;
import dev.ferry.ops.testing.HostileNames;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile identifiers and values on MariaDB: tables, columns, indexes, constraints, views and
 * triggers named with every kind of quote, separators, comments, Unicode and reserved words, and
 * names of the maximum 64 characters; text with NUL and an unpaired surrogate (as the driver stores
 * it); a text column larger than the heap. Backup, verify and restore must round-trip with equal
 * proofs and fingerprints.
 */
class MysqlHostileInputIT {
    /** 48 values of 6 MiB (under the server's 16 MiB packet): 288 MiB of text through a 256 MiB heap. */
    static final int LARGE_ROWS = 48;
    static final int LARGE_CHARS = 6 << 20;

    @TempDir
    Path dir;

    @Test
    void hostileNamesAndValuesRoundTrip() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.mariadb(); ScratchDatabase dst = ScratchDatabase.mariadb()) {
            try (Connection c = src.connect(); Statement s = c.createStatement()) {
                String previous = null;
                for (String name : HostileNames.NAMES) {
                    createTable(s, name, previous);
                    fill(c, name);
                    previous = name;
                }
                String first = HostileNames.NAMES.get(0);
                s.execute("CREATE VIEW " + Sql.quote("v`iew; --") + " AS SELECT " + Sql.quote(first) + " FROM " + Sql.quote(first));
                s.execute("CREATE TRIGGER " + Sql.quote("tr'igger") + " BEFORE INSERT ON " + Sql.quote(first) + " FOR EACH ROW SET NEW."
                        + Sql.quote(first + "_ref") + " = NEW." + Sql.quote(first + "_ref"));
                String table = HostileNames.ofLength('T', "é", 64);
                s.execute("CREATE TABLE " + Sql.quote(table) + " (" + Sql.quote(HostileNames.ofLength('C', "é", 64)) + " INT PRIMARY KEY,"
                        + " " + Sql.quote("x") + " INT, CONSTRAINT " + Sql.quote(HostileNames.ofLength('K', "é", 64)) + " UNIQUE ("
                        + Sql.quote("x") + "))");
                s.execute("INSERT INTO " + Sql.quote(table) + " VALUES (1, 1), (2, 2)");
            }
            EndToEnd.Outcome outcome = EndToEnd.roundTrip(src.spec(), dst.spec(), dir.resolve("archive"), 2);
            assertThat(outcome.sourceFingerprint()).hasSizeGreaterThan(HostileNames.NAMES.size());
        }
    }

    @Test
    void aTextColumnLargerThanTheHeapStreams() throws Exception {
        try (ScratchDatabase src = ScratchDatabase.mariadb(); ScratchDatabase dst = ScratchDatabase.mariadb()) {
            try (Connection c = src.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE big (id INT PRIMARY KEY, body LONGTEXT)");
                s.execute("INSERT INTO big SELECT seq, CONCAT(seq, REPEAT('ab', " + LARGE_CHARS / 2 + ")) FROM seq_1_to_" + LARGE_ROWS);
            }
            EndToEnd.streamThrough(src.spec(), dst.spec(), dir.resolve("big"), LARGE_ROWS);
        }
    }

    private static void createTable(Statement s, String name, String parent) throws SQLException {
        s.execute("CREATE TABLE " + Sql.quote(name) + " (" + Sql.quote(name + "_id") + " INT AUTO_INCREMENT, "
                + Sql.quote(name) + " VARCHAR(200) NOT NULL DEFAULT 'it''s;--', " + Sql.quote(name + "_ref") + " INT, "
                + Sql.quote(name + "_bytes") + " VARBINARY(20), CONSTRAINT " + Sql.quote(name + "_pk") + " PRIMARY KEY ("
                + Sql.quote(name + "_id") + "), CONSTRAINT " + Sql.quote(name + "_uq") + " UNIQUE (" + Sql.quote(name) + "), "
                + "CONSTRAINT " + Sql.quote(name + "_chk") + " CHECK (" + Sql.quote(name) + " <> 'forbidden')"
                + (parent == null ? "" : ", CONSTRAINT " + Sql.quote(name + "_fk") + " FOREIGN KEY (" + Sql.quote(name + "_ref")
                + ") REFERENCES " + Sql.quote(parent) + " (" + Sql.quote(parent + "_id") + ")") + ") COMMENT "
                + "'it''s -- ; /* \\\\ */'");
        s.execute("CREATE INDEX " + Sql.quote(name + "_ix") + " ON " + Sql.quote(name) + " (" + Sql.quote(name + "_ref") + ", "
                + Sql.quote(name) + "(10))");
    }

    private static void fill(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + Sql.quote(name) + " (" + Sql.quote(name) + ", "
                + Sql.quote(name + "_ref") + ", " + Sql.quote(name + "_bytes") + ") VALUES (?, ?, ?)")) {
            List<String> texts = new ArrayList<>(HostileNames.TEXTS);
            texts.add("nul\u0000inside");
            texts.add("unpaired \uD800 surrogate");
            for (int i = 0; i < texts.size(); i++) {
                ps.setString(1, i + ":" + texts.get(i) + name); // unique under the case-insensitive collation
                ps.setObject(2, i == 0 ? null : 1);
                ps.setBytes(3, new byte[] {0, (byte) i, 0, '\\', '\''});
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
