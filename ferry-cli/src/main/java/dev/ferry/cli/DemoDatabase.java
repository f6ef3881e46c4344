package dev.ferry.cli;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * Builds the demo's sample app database in SQLite: a Django-style core (users, teams, API tokens,
 * scheduler jobs, migration history) with a plugin's tables, a users/teams foreign-key cycle, a
 * self-referencing location tree, a composite key, a table named with a reserved word, an empty
 * table, a view, and every common type. Deterministic (seeded).
 */
final class DemoDatabase {
    private static final String[] DDL = {
        "CREATE TABLE team (id INTEGER PRIMARY KEY, name TEXT NOT NULL, owner_id INTEGER REFERENCES auth_user(id))",
        "CREATE TABLE auth_user (id INTEGER PRIMARY KEY AUTOINCREMENT, username VARCHAR(150) NOT NULL UNIQUE, "
            + "email TEXT, is_active BOOLEAN NOT NULL DEFAULT 1, date_joined DATETIME NOT NULL, "
            + "default_team_id INTEGER REFERENCES team(id) DEFERRABLE INITIALLY DEFERRED)",
        "CREATE TABLE api_token (key CHAR(40) PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES auth_user(id) ON DELETE CASCADE, "
            + "created DATETIME NOT NULL, scopes JSON)",
        "CREATE TABLE scheduler_job (id INTEGER PRIMARY KEY, func TEXT NOT NULL, next_run DATETIME, payload BLOB, repeats INTEGER)",
        "CREATE TABLE plugin_inventory_location (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES plugin_inventory_location(id), "
            + "name TEXT NOT NULL)",
        "CREATE TABLE plugin_inventory_item (id INTEGER PRIMARY KEY, location_id INTEGER REFERENCES plugin_inventory_location(id), "
            + "sku VARCHAR(32) NOT NULL, price DECIMAL(12,4), quantity INTEGER NOT NULL CHECK (quantity >= 0), "
            + "weight_kg REAL, photo BLOB, notes TEXT)",
        "CREATE INDEX plugin_inventory_item_sku ON plugin_inventory_item (sku)",
        "CREATE TABLE \"Order\" (id INTEGER PRIMARY KEY, \"Select\" INTEGER NOT NULL REFERENCES auth_user(id), placed DATETIME)",
        "CREATE TABLE order_line (order_id INTEGER NOT NULL REFERENCES \"Order\"(id), line_no INTEGER NOT NULL, "
            + "item_id INTEGER NOT NULL REFERENCES plugin_inventory_item(id), qty INTEGER NOT NULL, PRIMARY KEY (order_id, line_no))",
        "CREATE TABLE plugin_audit_log (id INTEGER PRIMARY KEY, message TEXT)",
        "CREATE TABLE django_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, app VARCHAR(255) NOT NULL, name VARCHAR(255) NOT NULL, applied DATETIME NOT NULL)",
        "CREATE VIEW v_stock AS SELECT l.name AS location, count(i.id) AS items, sum(i.quantity) AS quantity "
            + "FROM plugin_inventory_location l LEFT JOIN plugin_inventory_item i ON i.location_id = l.id GROUP BY l.name",
    };
    private static final String[] WORDS = {"bolt", "nut", "Schraube", "écrou", "ボルト", "болт", "🔩 anchor", "washer"};

    private final Random random = new Random(42);

    void create(Path file, int items) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String ddl : DDL) {
                    s.execute(ddl);
                }
            }
            insertUsersAndTeams(c);
            insertLocations(c);
            insertItems(c, items);
            insertOrders(c, items / 4);
            insertTokensJobsAndMigrations(c);
            c.commit();
        }
    }

    private void insertUsersAndTeams(Connection c) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("INSERT INTO auth_user (username, email, is_active, date_joined, default_team_id) VALUES (?,?,?,?,?)");
             PreparedStatement t = c.prepareStatement("INSERT INTO team (id, name, owner_id) VALUES (?,?,?)")) {
            for (int i = 1; i <= 200; i++) {
                u.setString(1, "user" + i);
                u.setString(2, i % 10 == 0 ? null : "user" + i + "@example.org");
                u.setInt(3, i % 17 == 0 ? 0 : 1);
                u.setString(4, "2025-0" + (1 + i % 9) + "-1" + (i % 10) + " 08:" + (10 + i % 50) + ":00.123456");
                u.setInt(5, 1 + i % 20);
                u.addBatch();
            }
            u.executeBatch();
            for (int i = 1; i <= 20; i++) {
                t.setInt(1, i);
                t.setString(2, "Team " + WORDS[i % WORDS.length]);
                t.setInt(3, i * 3);
                t.addBatch();
            }
            t.executeBatch();
        }
    }

    private void insertLocations(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO plugin_inventory_location (id, parent_id, name) VALUES (?,?,?)")) {
            for (int i = 1; i <= 100; i++) {
                p.setInt(1, i);
                if (i == 1) {
                    p.setNull(2, java.sql.Types.INTEGER);
                } else {
                    p.setInt(2, 1 + random.nextInt(i - 1));
                }
                p.setString(3, "Shelf " + i + " " + WORDS[i % WORDS.length]);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private void insertItems(Connection c, int items) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO plugin_inventory_item VALUES (?,?,?,?,?,?,?,?)")) {
            for (int i = 1; i <= items; i++) {
                p.setInt(1, i);
                p.setInt(2, 1 + random.nextInt(100));
                p.setString(3, "SKU-" + Integer.toHexString(random.nextInt()));
                p.setString(4, BigDecimal.valueOf(random.nextInt(10_000_000), 4).toPlainString());
                p.setInt(5, random.nextInt(500));
                p.setDouble(6, i % 11 == 0 ? Double.POSITIVE_INFINITY : random.nextDouble() * 40);
                p.setBytes(7, i % 5 == 0 ? null : photo(i));
                p.setString(8, WORDS[random.nextInt(WORDS.length)] + " – " + i);
                p.addBatch();
                if (i % 5_000 == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
    }

    private void insertOrders(Connection c, int orders) throws SQLException {
        try (PreparedStatement o = c.prepareStatement("INSERT INTO \"Order\" VALUES (?,?,?)");
             PreparedStatement l = c.prepareStatement("INSERT INTO order_line VALUES (?,?,?,?)")) {
            for (int i = 1; i <= orders; i++) {
                o.setInt(1, i);
                o.setInt(2, 1 + random.nextInt(200));
                o.setString(3, "2026-11-" + (10 + i % 18) + "T12:00:00Z");
                o.addBatch();
                for (int line = 1; line <= 1 + i % 3; line++) {
                    l.setInt(1, i);
                    l.setInt(2, line);
                    l.setInt(3, 1 + random.nextInt(orders * 4));
                    l.setInt(4, 1 + random.nextInt(9));
                    l.addBatch();
                }
            }
            o.executeBatch();
            l.executeBatch();
        }
    }

    private void insertTokensJobsAndMigrations(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO api_token SELECT printf('%040x', id * 7919), id, '2026-01-01 00:00:00', "
                    + "'{\"scopes\": [\"read\", \"write\"], \"user\": ' || id || '}' FROM auth_user WHERE id % 3 = 0");
            s.execute("INSERT INTO scheduler_job VALUES (1, 'inventory.tasks.recount', '2026-11-24 03:00:00', x'00ff10', -1), "
                    + "(2, 'core.tasks.cleanup', NULL, NULL, 9223372036854775807)");
            s.execute("INSERT INTO django_migrations (app, name, applied) VALUES "
                    + "('auth', '0001_initial', '2025-01-01'), ('auth', '0012_alter_user_first_name', '2025-01-01'), "
                    + "('core', '0001_initial', '2025-01-02'), ('core', '0042_team_owner', '2025-06-30'), "
                    + "('inventory_plugin', '0001_initial', '2025-03-03'), ('inventory_plugin', '0007_item_photo', '2025-09-09')");
        }
    }

    private byte[] photo(int i) {
        byte[] b = new byte[16 + i % 48];
        random.nextBytes(b);
        System.arraycopy("PNG".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 3);
        return b;
    }
}
