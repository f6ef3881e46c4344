package dev.ferry.dialect.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** A SQLite database exercising every storage class, extreme values and structure Ferry must carry. */
public final class SqliteKitchenSink {
    public static final int LARGE_ROWS = 1_000_000;

    private SqliteKitchenSink() {
    }

    public static void create(Connection c, int largeRows) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b(id), name TEXT)");
            s.execute("CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id) DEFERRABLE INITIALLY DEFERRED)");
            s.execute("CREATE TABLE tree (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES tree(id) ON DELETE CASCADE, label TEXT)");
            s.execute("CREATE TABLE \"Order\" (\"Group\" INTEGER NOT NULL, \"select\" TEXT NOT NULL, qty INTEGER DEFAULT 1 "
                    + "CHECK (qty > 0), PRIMARY KEY (\"Group\", \"select\"))");
            s.execute("CREATE TABLE line (id INTEGER PRIMARY KEY AUTOINCREMENT, g INTEGER NOT NULL, sel TEXT NOT NULL, "
                    + "FOREIGN KEY (g, sel) REFERENCES \"Order\" (\"Group\", \"select\") ON UPDATE CASCADE)");
            s.execute("CREATE TABLE types (i INTEGER, r REAL, t TEXT, bl BLOB, untyped, b BOOLEAN, dt DATETIME, "
                    + "d DECIMAL(12,4), j JSON, v VARCHAR(20) COLLATE NOCASE UNIQUE, u UUID, "
                    + "doubled INTEGER GENERATED ALWAYS AS (i * 2) VIRTUAL, len INTEGER AS (length(t)) STORED)");
            s.execute("CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID");
            s.execute("CREATE TABLE strict_t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, s TEXT) STRICT");
            s.execute("CREATE TABLE empty_table (id INTEGER PRIMARY KEY, note TEXT)");
            s.execute("CREATE TABLE big (id INTEGER PRIMARY KEY, label TEXT, amount REAL)");
            s.execute("CREATE INDEX types_dt ON types (dt DESC)");
            s.execute("CREATE INDEX types_partial ON types (d) WHERE d IS NOT NULL");
            s.execute("CREATE INDEX tree_expr ON tree (lower(label))");
            s.execute("CREATE VIEW v_tree AS SELECT t.id, p.label AS parent FROM tree t LEFT JOIN tree p ON p.id = t.parent_id");
            s.execute("CREATE TRIGGER line_touch AFTER INSERT ON line BEGIN UPDATE \"Order\" SET qty = qty + 1 "
                    + "WHERE \"Group\" = NEW.g AND \"select\" = NEW.sel; END");
            insertRows(c, s, largeRows);
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static void insertRows(Connection c, Statement s, int largeRows) throws SQLException {
        s.execute("INSERT INTO a VALUES (1, NULL, 'first'), (2, NULL, 'second')");
        s.execute("INSERT INTO b VALUES (10, 1), (20, 2)");
        s.execute("UPDATE a SET b_id = 10 WHERE id = 1");
        s.execute("UPDATE a SET b_id = 20 WHERE id = 2");
        s.execute("INSERT INTO tree VALUES (1, NULL, 'root'), (2, 1, 'Child'), (3, 2, 'grandchild'), (4, 1, 'other')");
        s.execute("INSERT INTO \"Order\" VALUES (1, 'x', 1), (1, 'y''s', 2), (2, 'x', 3)");
        s.execute("INSERT INTO line (g, sel) VALUES (1, 'x'), (2, 'x')");
        s.execute("DELETE FROM line WHERE id = 2");
        s.execute("INSERT INTO kv VALUES ('alpha', x'00'), ('beta', NULL)");
        s.execute("INSERT INTO strict_t VALUES (1, -9223372036854775808, 'strict')");
        try (PreparedStatement p = c.prepareStatement("INSERT INTO types (i, r, t, bl, untyped, b, dt, d, j, v, u) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            row(p, Long.MAX_VALUE, Double.MAX_VALUE, "emoji 🚢 and ünïcødé, quotes '\" ;--", allBytes(), 42L, 1L,
                    "2026-11-23 08:00:00.123456", "12345678.1234", "{\"a\": [1, 2.5, null]}", "MiXeD", "6f9619ff-8b86-d011-b42d-00cf4fc964ff");
            row(p, Long.MIN_VALUE, Double.NEGATIVE_INFINITY, "", new byte[0], "text in untyped", 0L, 1700000000L, 0.1, "[]", "second", null);
            row(p, 0L, -0.0, "line\nbreak\ttab\\backslash", null, 3.25, null, null, null, null, null, null);
            row(p, "not a number", Double.POSITIVE_INFINITY, null, null, new byte[] {1, 2}, 2L, "yesterday", "abc", "not json", null, "x");
            p.executeBatch();
        }
        s.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < " + largeRows + ") "
                + "INSERT INTO big SELECT x, 'row ' || x, x / 7.0 FROM n");
    }

    private static void row(PreparedStatement p, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            p.setObject(i + 1, values[i]);
        }
        p.addBatch();
    }

    static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }
}
