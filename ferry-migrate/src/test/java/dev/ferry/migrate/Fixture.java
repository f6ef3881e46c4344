package dev.ferry.migrate;

import dev.ferry.ops.testing.ScratchDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/** A migration set written for the tests (core + billing), and small helpers to look into a database. */
final class Fixture {
    private Fixture() {
    }

    /** The engines every integration test runs on. */
    enum Engine {
        SQLITE(ScratchDatabase::sqlite), POSTGRESQL(ScratchDatabase::postgres), MARIADB(ScratchDatabase::mariadb);

        private final Supplier<ScratchDatabase> scratch;

        Engine(Supplier<ScratchDatabase> scratch) {
            this.scratch = scratch;
        }

        ScratchDatabase scratch() {
            return scratch.get();
        }

        boolean transactionalDdl() {
            return this != MARIADB;
        }
    }

    /**
     * core V1 owners + items (with rows), V2 adds items.destination (undo: a portable drop column),
     * V3 widens items.name (a portable alter: MODIFY on MariaDB, a rebuild on SQLite); billing V1
     * needs core:2 and copies items into invoices.
     */
    static Path write(Path dir) throws IOException {
        Path root = dir.resolve("migrations");
        file(root, "core/V1__items.sql", """
                -- owners and their items
                CREATE TABLE owners (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
                CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, owner_id INTEGER,
                  legacy VARCHAR(20), FOREIGN KEY (owner_id) REFERENCES owners (id));
                INSERT INTO owners (id, name) VALUES (1, 'ann'), (2, 'bob');
                INSERT INTO items (id, name, owner_id, legacy) VALUES (1, 'boat; blue', 1, 'x'), (2, 'oar', 2, 'y');
                """);
        file(root, "core/U1__items.sql", "DROP TABLE items;\nDROP TABLE owners;\n");
        file(root, "core/V2__add_destination.sql", "ALTER TABLE items ADD COLUMN destination VARCHAR(100);\n");
        file(root, "core/U2__add_destination.ops", "drop column items.destination\n");
        file(root, "core/V3__widen_name.ops", "alter column items.name type VARCHAR(200) not null\n");
        file(root, "core/U3__widen_name.ops", "alter column items.name type VARCHAR(100) not null\n");
        file(root, "billing/module.properties", "requires = core:2\n");
        file(root, "billing/V1__invoices.sql", """
                CREATE TABLE invoices (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL, destination VARCHAR(100),
                  FOREIGN KEY (item_id) REFERENCES items (id));
                INSERT INTO invoices (id, item_id, destination) SELECT id, id, destination FROM items;
                """);
        file(root, "billing/U1__invoices.sql", "DROP TABLE invoices;\n");
        return root;
    }

    static void file(Path root, String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    static boolean hasColumn(ScratchDatabase db, String table, String column) throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, table, null)) {
            while (rs.next()) {
                if (rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                    return true;
                }
            }
            return false;
        }
    }

    static boolean hasTable(ScratchDatabase db, String table) throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, table, null)) {
            return rs.next();
        }
    }

    static long count(ScratchDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(ScratchDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
