package dev.ferry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.Restore;
import dev.ferry.ops.RestoreResult;
import dev.ferry.ops.RestoreSettings;
import dev.ferry.ops.TableProof;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --schema existing}, the InvenTree way: a Django-shaped app on SQLite is backed up; a new
 * install on each engine has run its own migrations (one app version newer: an extra nullable column),
 * with or without the inventory plugin; the archive is restored into those tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExistingSchemaIT {
    private ScratchDatabase source;
    private Path archive;

    @BeforeAll
    void backUpTheOldInstall() throws Exception {
        source = Engine.SQLITE.scratch();
        exec(source, "CREATE TABLE django_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, app VARCHAR(255) NOT NULL,"
                        + " name VARCHAR(255) NOT NULL, applied DATETIME NOT NULL)",
                "CREATE TABLE auth_user (id INTEGER PRIMARY KEY AUTOINCREMENT, username VARCHAR(150) NOT NULL UNIQUE,"
                        + " is_active BOOL NOT NULL, date_joined DATETIME NOT NULL)",
                "CREATE TABLE core_project (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(100) NOT NULL,"
                        + " owner_id INTEGER NOT NULL REFERENCES auth_user (id) DEFERRABLE INITIALLY DEFERRED,"
                        + " parent_id INTEGER REFERENCES core_project (id))",
                "CREATE TABLE plugin_inventory_item (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " project_id INTEGER NOT NULL REFERENCES core_project (id), sku VARCHAR(40) NOT NULL, qty DECIMAL(12,4) NOT NULL)",
                "INSERT INTO django_migrations (app, name, applied) VALUES ('auth', '0012_alter_user_first_name', '2024-01-01 00:00:00'),"
                        + " ('core', '0003_project_parent', '2024-01-02 00:00:00'), ('plugin_inventory', '0002_item_qty', '2024-01-03 00:00:00')",
                "INSERT INTO auth_user VALUES (1, 'ada', 1, '2024-01-15 10:30:00.123456'), (2, 'linus', 0, '2024-02-01 08:00:00'),"
                        + " (3, 'grace', 1, '2024-03-01 12:00:00')",
                "INSERT INTO core_project VALUES (1, 'child', 1, 2), (2, 'parent', 2, NULL), (3, 'other', 3, 3)",
                "INSERT INTO plugin_inventory_item (project_id, sku, qty) VALUES (1, 'A-1', 12.5), (1, 'A-2', 0.0001), (2, 'B-1', 99999999.9999)");
        archive = Files.createTempDirectory("ferry-existing-").resolve("old-install");
        new Backup(BackupSettings.of(source.spec(), archive), ProgressListener.NONE).run();
    }

    @AfterAll
    void dropSource() {
        source.close();
    }

    @Test
    void aTargetWithoutThePluginIsRefusedNamingTheTableAndAppAndNothingIsWritten() throws Exception {
        try (ScratchDatabase target = Engine.POSTGRES.scratch()) {
            migrate(Engine.POSTGRES, target, false);
            assertThatThrownBy(() -> restore(target, false)).isInstanceOf(FerryException.class)
                    .hasMessageContaining("plugin_inventory_item: missing in the target (app plugin_inventory: is it installed and activated")
                    .hasMessageContaining("django module plugin_inventory: at 0002_item_qty in the archive, never migrated in the target")
                    .hasMessageContaining("nothing was written")
                    .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.PREFLIGHT_REFUSED);
            assertThat(count(target, "auth_user")).isZero();
            assertThat(count(target, "django_migrations")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMatchingTargetRestoresIntoTheAppsTablesAndKeepsItsMigrationHistory(Engine engine) throws Exception {
        try (ScratchDatabase target = engine.scratch()) {
            migrate(engine, target, true);
            RestoreResult r = restore(target, false);
            assertThat(r.proofs()).hasSize(3).allMatch(TableProof::matches);
            assertThat(r.preflight()).noneMatch(f -> f.blocking())
                    .anyMatch(f -> f.object().contains("django_migrations") && f.detail().contains("keeps its own rows"))
                    .anyMatch(f -> f.object().contains("last_login") && f.detail().contains("only in the target"));
            assertThat(count(target, "plugin_inventory_item")).isEqualTo(3);
            assertThat(count(target, "django_migrations")).as("the target's own history").isEqualTo(3);
            assertThat(one(target, "SELECT username FROM auth_user WHERE id = 1")).isEqualTo("ada");
            exec(target, "INSERT INTO auth_user (username, is_active, date_joined) VALUES ('new', " + engine.trueLiteral()
                    + ", CURRENT_TIMESTAMP)");
            assertThat(one(target, "SELECT id FROM auth_user WHERE username = 'new'")).as("generated keys continue").isEqualTo("4");
        }
    }

    @Test
    void rowsTheAppAlreadyWroteAreReplacedOnlyWithClean() throws Exception {
        try (ScratchDatabase target = Engine.MARIADB.scratch()) {
            migrate(Engine.MARIADB, target, true);
            exec(target, "INSERT INTO auth_user (username, is_active, date_joined) VALUES ('admin', 1, NOW())");
            assertThatThrownBy(() -> restore(target, false)).hasMessageContaining("auth_user: already holds rows; pass --clean");
            assertThat(one(target, "SELECT username FROM auth_user")).isEqualTo("admin");
            RestoreResult r = restore(target, true);
            assertThat(r.proofs()).allMatch(TableProof::matches);
            assertThat(count(target, "auth_user")).isEqualTo(3);
        }
    }

    private RestoreResult restore(ScratchDatabase target, boolean clean) {
        return new Restore(RestoreSettings.of(archive, target.spec()).withSchema(RestoreSettings.SchemaMode.EXISTING)
                .withClean(clean), ProgressListener.NONE).run();
    }

    /** What the new app version's migrations create: one more (nullable) column in auth_user. */
    private static void migrate(Engine engine, ScratchDatabase db, boolean withPlugin) throws Exception {
        List<String> ddl = new ArrayList<>(switch (engine) {
            case POSTGRES -> List.of(
                    "CREATE TABLE django_migrations (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, app varchar(255) NOT NULL,"
                            + " name varchar(255) NOT NULL, applied timestamptz NOT NULL)",
                    "CREATE TABLE auth_user (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, username varchar(150) NOT NULL"
                            + " UNIQUE, is_active boolean NOT NULL, date_joined timestamptz NOT NULL, last_login timestamptz)",
                    "CREATE TABLE core_project (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name varchar(100) NOT NULL,"
                            + " owner_id integer NOT NULL REFERENCES auth_user (id) DEFERRABLE INITIALLY DEFERRED,"
                            + " parent_id bigint REFERENCES core_project (id))",
                    "CREATE TABLE plugin_inventory_item (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                            + " project_id bigint NOT NULL REFERENCES core_project (id), sku varchar(40) NOT NULL, qty numeric(12,4) NOT NULL)");
            case MARIADB -> List.of(
                    "CREATE TABLE django_migrations (id bigint AUTO_INCREMENT PRIMARY KEY, app varchar(255) NOT NULL,"
                            + " name varchar(255) NOT NULL, applied datetime(6) NOT NULL)",
                    "CREATE TABLE auth_user (id int AUTO_INCREMENT PRIMARY KEY, username varchar(150) NOT NULL UNIQUE,"
                            + " is_active tinyint(1) NOT NULL, date_joined datetime(6) NOT NULL, last_login datetime(6) NULL)",
                    "CREATE TABLE core_project (id bigint AUTO_INCREMENT PRIMARY KEY, name varchar(100) NOT NULL, owner_id int NOT NULL,"
                            + " parent_id bigint NULL, FOREIGN KEY (owner_id) REFERENCES auth_user (id),"
                            + " FOREIGN KEY (parent_id) REFERENCES core_project (id))",
                    "CREATE TABLE plugin_inventory_item (id bigint AUTO_INCREMENT PRIMARY KEY, project_id bigint NOT NULL,"
                            + " sku varchar(40) NOT NULL, qty decimal(12,4) NOT NULL, FOREIGN KEY (project_id) REFERENCES core_project (id))");
            case SQLITE -> List.of(
                    "CREATE TABLE django_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, app VARCHAR(255) NOT NULL,"
                            + " name VARCHAR(255) NOT NULL, applied DATETIME NOT NULL)",
                    "CREATE TABLE auth_user (id INTEGER PRIMARY KEY AUTOINCREMENT, username VARCHAR(150) NOT NULL UNIQUE,"
                            + " is_active BOOL NOT NULL, date_joined DATETIME NOT NULL, last_login DATETIME NULL)",
                    "CREATE TABLE core_project (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(100) NOT NULL,"
                            + " owner_id INTEGER NOT NULL REFERENCES auth_user (id) DEFERRABLE INITIALLY DEFERRED,"
                            + " parent_id INTEGER REFERENCES core_project (id))",
                    "CREATE TABLE plugin_inventory_item (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " project_id INTEGER NOT NULL REFERENCES core_project (id), sku VARCHAR(40) NOT NULL, qty DECIMAL(12,4) NOT NULL)");
        });
        if (!withPlugin) {
            ddl.remove(3);
        }
        ddl.add("INSERT INTO django_migrations (app, name, applied) VALUES ('auth', '0012_alter_user_first_name', CURRENT_TIMESTAMP),"
                + " ('core', '0003_project_parent', CURRENT_TIMESTAMP)"
                + (withPlugin ? ", ('plugin_inventory', '0002_item_qty', CURRENT_TIMESTAMP)" : ""));
        exec(db, ddl.toArray(String[]::new));
    }

    private static long count(ScratchDatabase db, String table) throws Exception {
        return Long.parseLong(one(db, "SELECT count(*) FROM " + table));
    }

    private static String one(ScratchDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void exec(ScratchDatabase db, String... sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
