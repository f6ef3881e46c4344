package dev.ferry.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Portable changes SQLite cannot make in place run as the documented table rebuild: rows, foreign
 * keys in both directions, indexes, triggers and the AUTOINCREMENT counter survive; a change that
 * would break a foreign key is rolled back.
 */
class SqliteRebuildIT {
    @TempDir
    Path dir;

    private Path set() throws Exception {
        Path root = dir.resolve("migrations");
        Fixture.file(root, "core/V1__schema.sql", """
                CREATE TABLE owners (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);
                CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL COLLATE NOCASE,
                  owner_id INTEGER NOT NULL REFERENCES owners (id) ON DELETE CASCADE, legacy TEXT, price NUMERIC DEFAULT 0,
                  CHECK (price >= 0));
                CREATE INDEX items_name ON items (name);
                CREATE INDEX items_legacy ON items (legacy);
                CREATE TABLE invoices (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items (id));
                CREATE TABLE log (item_id INTEGER, what TEXT);
                CREATE TRIGGER items_log AFTER UPDATE ON items BEGIN
                  INSERT INTO log VALUES (NEW.id, 'updated; ' || NEW.name);
                END;
                CREATE VIEW item_names AS SELECT id, name FROM items;
                INSERT INTO owners (name) VALUES ('ann'), ('bob');
                INSERT INTO items (name, owner_id, legacy, price) VALUES ('boat', 1, 'x', 10), ('oar', 2, 'y', 2), ('net', 1, NULL, 0);
                DELETE FROM items WHERE name = 'net';
                INSERT INTO invoices VALUES (1, 1), (2, 2);
                """);
        Fixture.file(root, "core/V2__tidy.ops", """
                drop column items.legacy
                rename column items.name to title
                alter column items.price type DECIMAL(10,2) not null default 1
                add check items_price_cap on items (price < 1000)
                """);
        return root;
    }

    @Test
    void dropRenameAndAlterKeepRowsKeysIndexesAndTriggers() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.sqlite()) {
            Migrations m = Migrations.configure(db.spec(), set().toString()).withoutBackup();
            m.migrate();
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                assertThat(rows(s, "SELECT id, title, owner_id, price FROM items ORDER BY id"))
                        .containsExactly("1|boat|1|10", "2|oar|2|2");
                assertThat(Fixture.hasColumn(db, "items", "legacy")).isFalse();
                assertThat(rows(s, "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'items' AND sql IS NOT NULL"))
                        .containsExactly("items_name");
                assertThat(rows(s, "SELECT sql FROM sqlite_schema WHERE name = 'items_name'")).singleElement().asString()
                        .contains("title");
                assertThat(rows(s, "SELECT \"table\" || '.' || \"from\" || '->' || \"to\" FROM pragma_foreign_key_list('invoices')"))
                        .containsExactly("items.item_id->id");
                assertThat(rows(s, "SELECT \"table\" || '|' || on_delete FROM pragma_foreign_key_list('items')"))
                        .containsExactly("owners|CASCADE");
                assertThat(rows(s, "PRAGMA foreign_key_check")).isEmpty();
                assertThat(rows(s, "SELECT seq FROM sqlite_sequence WHERE name = 'items'")).as("AUTOINCREMENT never reuses 3")
                        .containsExactly("3");
                assertThat(rows(s, "SELECT title FROM item_names ORDER BY id")).containsExactly("boat", "oar");
                s.execute("UPDATE items SET price = 3 WHERE id = 2");
                assertThat(rows(s, "SELECT what FROM log")).containsExactly("updated; oar");
                assertThatThrownBy(() -> s.execute("INSERT INTO items (title, owner_id, price) VALUES ('x', 1, 5000)"))
                        .hasMessageContaining("CHECK constraint failed");
                assertThatThrownBy(() -> s.execute("INSERT INTO items (title, owner_id, price) VALUES ('x', 1, -1)"))
                        .as("the original check is kept").hasMessageContaining("CHECK constraint failed");
            }
            assertThat(m.status().exitCode()).isZero();
        }
    }

    @Test
    void aRebuildThatBreaksAForeignKeyIsRolledBack() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.sqlite()) {
            Path root = set();
            Fixture.file(root, "core/V3__orphan.sql", "INSERT INTO log VALUES (99, 'orphan');\n");
            Fixture.file(root, "core/V4__enforce.ops", "add foreign key log_item_fk on log (item_id) references items (id)\n");
            Migrations m = Migrations.configure(db.spec(), root.toString()).withoutBackup();
            assertThatThrownBy(m::migrate).hasMessageContaining("core V4 (enforce) failed")
                    .hasMessageContaining("Foreign key violation: row with rowid 1 of table log")
                    .hasMessageContaining("SQLite rolled it back");
            assertThat(Fixture.count(db, "SELECT COUNT(*) FROM pragma_foreign_key_list('log')")).as("no half-built table")
                    .isZero();
            assertThat(Fixture.count(db, "SELECT COUNT(*) FROM sqlite_schema WHERE name LIKE 'ferry_rebuild%'")).isZero();
            assertThat(Fixture.count(db, "SELECT COUNT(*) FROM log")).isEqualTo(1);
            assertThat(m.status().exitCode()).isEqualTo(5);
        }
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
