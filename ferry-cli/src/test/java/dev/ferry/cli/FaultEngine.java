package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The three engines of the fault suite: a demo source with data, empty targets, and what "as before" means on each. */
enum FaultEngine {
    SQLITE, POSTGRES, MARIADB;

    /** A database of this engine for one test; closing drops it. */
    record Db(String url, String user, AutoCloseable drop) implements AutoCloseable {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, null);
        }

        @Override
        public void close() throws Exception {
            drop.close();
        }
    }

    /** The demo app database (cycles, self-references, blobs, a reserved word) with {@code items} items. */
    Db source(Path dir, int items) throws Exception {
        Path file = dir.resolve("source-" + name().toLowerCase(Locale.ROOT) + "-" + System.nanoTime() + ".db");
        new DemoDatabase().create(file, items);
        if (this == SQLITE) {
            return new Db("jdbc:sqlite:" + file, null, () -> { });
        }
        Db db = empty(dir, "source");
        CliRun copy = CliRun.of("transfer", "--from", "jdbc:sqlite:" + file, "--to", db.url(), "--to-user", db.user(), "-q");
        assertThat(copy.exitCode()).as(copy.all()).isZero();
        Files.delete(file);
        return db;
    }

    /** A new, empty database (for SQLite: a path whose file does not exist yet). */
    Db empty(Path dir, String name) {
        switch (this) {
            case SQLITE:
                return new Db("jdbc:sqlite:" + dir.resolve(name + ".db"), null, () -> { });
            case POSTGRES:
                ScratchDatabase pg = ScratchDatabase.postgres();
                return new Db(pg.spec().url(), pg.spec().user(), pg::close);
            default:
                ScratchDatabase maria = ScratchDatabase.mariadb();
                return new Db(maria.spec().url(), maria.spec().user(), maria::close);
        }
    }

    /** The user options of a command with two databases (transfer), if the engine has users. */
    List<String> userOption(Db from, String fromFlag, Db to, String toFlag) {
        return from.user() == null ? List.of() : List.of(fromFlag, from.user(), toFlag, to.user());
    }

    /** The user option for Ferry's command line, if the engine has users. */
    List<String> userOption(Db db) {
        return db.user() == null ? List.of() : List.of("--user", db.user());
    }

    /**
     * What a target holds that a user could see: tables, views and sequences of the user's schemas;
     * for SQLite the database file and any journal beside it. Empty for a target as it was before a
     * restore that changed nothing.
     */
    List<String> leftovers(Db db) throws SQLException {
        List<String> out = new ArrayList<>();
        switch (this) {
            case SQLITE:
                sqliteFiles(db, "", out);
                break;
            case POSTGRES:
                query(db, "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                        + " AND n.nspname NOT LIKE 'pg\\_%'", out);
                query(db, "SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname NOT IN ('public', 'information_schema')"
                        + " AND nspname NOT LIKE 'pg\\_%'", out);
                break;
            default:
                query(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()", out);
        }
        return out;
    }

    /**
     * What killed restores into this target may leave until the next restore removes it: MariaDB staging
     * and trash databases, SQLite hidden partial files.
     */
    List<String> abandoned(Db db) throws SQLException {
        List<String> out = new ArrayList<>();
        switch (this) {
            case SQLITE:
                sqliteFiles(db, ".", out);
                break;
            case POSTGRES:
                break;
            default:
                String suffix = String.format(Locale.ROOT, "%06x_", databaseName(db).hashCode() & 0xFFFFFF);
                query(db, "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'ferry\\_stage\\_" + suffix
                        + "%' OR schema_name LIKE 'ferry\\_trash\\_" + suffix + "%'", out);
        }
        return out;
    }

    private static void sqliteFiles(Db db, String prefix, List<String> out) {
        Path file = Path.of(db.url().substring("jdbc:sqlite:".length()));
        try (var files = Files.list(file.getParent())) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix + file.getFileName()))
                    .forEach(n -> out.add("file " + n));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String databaseName(Db db) {
        String rest = db.url().substring(db.url().lastIndexOf('/') + 1);
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    private static void query(Db db, String sql, List<String> out) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
    }
}
