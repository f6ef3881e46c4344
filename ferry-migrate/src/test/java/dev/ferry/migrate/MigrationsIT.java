package dev.ferry.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.migrate.Fixture.Engine;
import dev.ferry.ops.Restore;
import dev.ferry.ops.RestoreSettings;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Migrate, status, undo, repair, checksums, failures and drift on every engine. */
class MigrationsIT {
    @TempDir
    Path dir;

    private Migrations migrations(ScratchDatabase db, Path location) {
        return Migrations.configure(db.spec(), location.toString()).withBackupDirectory(dir.resolve("backups"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void modulesRunInRequirementOrderAndUndoTakesDependentsAlong(Engine engine) throws Exception {
        try (ScratchDatabase db = engine.scratch()) {
            Migrations m = migrations(db, Fixture.write(dir));
            db.connect().close();
            StatusReport before = m.status();
            assertThat(before.exitCode()).isEqualTo(3);
            assertThat(before.pendingCount()).isEqualTo(4);

            MigrateResult result = m.migrate();
            assertThat(result.steps()).extracting(s -> s.module() + ":" + s.version())
                    .containsExactly("core:1", "core:2", "core:3", "billing:1");
            assertThat(result.backup()).exists();
            assertThat(Fixture.count(db, "SELECT COUNT(*) FROM invoices")).isEqualTo(2);
            StatusReport after = m.status();
            assertThat(after.exitCode()).as(after.summary()).isZero();
            assertThat(after.summary()).contains("up to date").contains("core V3").contains("billing V1");
            assertThat(m.migrate().steps()).as("a second run has nothing to do").isEmpty();

            MigrateResult undo = m.undo("core:1");
            assertThat(undo.steps()).extracting(s -> s.module() + ":" + s.version())
                    .containsExactly("billing:1", "core:3", "core:2");
            assertThat(undo.backup()).exists();
            assertThat(Fixture.hasTable(db, "invoices")).isFalse();
            assertThat(Fixture.hasColumn(db, "items", "destination")).isFalse();
            assertThat(Fixture.count(db, "SELECT COUNT(*) FROM items")).as("undo keeps the data it does not own").isEqualTo(2);
            assertThat(m.status().pendingCount()).isEqualTo(3);
            assertThat(m.migrate().steps()).hasSize(3);
            assertThat(m.status().exitCode()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEditedAppliedScriptIsRefusedUntilRepaired(Engine engine) throws Exception {
        try (ScratchDatabase db = engine.scratch()) {
            Path set = Fixture.write(dir);
            Migrations m = migrations(db, set).withoutBackup();
            m.migrate();
            Files.writeString(set.resolve("core/V2__add_destination.sql"), "-- where it goes\n", java.nio.file.StandardOpenOption.APPEND);
            StatusReport status = m.status();
            assertThat(status.exitCode()).isEqualTo(4);
            assertThat(status.edited()).singleElement().asString().contains("core/V2__add_destination.sql");
            assertThatThrownBy(m::migrate).isInstanceOf(FerryException.class)
                    .hasMessageContaining("core/V2__add_destination.sql").hasMessageContaining("ferry repair")
                    .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
            RepairResult repair = m.repair();
            assertThat(repair.actions()).singleElement().asString().contains("accepted the edited core/V2__add_destination.sql");
            assertThat(m.status().exitCode()).isZero();
            assertThat(m.repair().actions()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailedMigrationIsRolledBackOrPointsToARestorableBackup(Engine engine) throws Exception {
        try (ScratchDatabase db = engine.scratch()) {
            Path set = Fixture.write(dir);
            Migrations m = migrations(db, set);
            m.migrate();
            Fixture.file(set, "core/V4__notes.sql", "ALTER TABLE items ADD COLUMN note VARCHAR(10);\n\n"
                    + "INSERT INTO no_such_table VALUES (1);\n");
            FerryException failure = catchFailure(m);
            assertThat(failure.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
            assertThat(failure.getMessage()).contains("core V4 (notes) failed: at core/V4__notes.sql line 3");
            StatusReport status = m.status();
            assertThat(status.exitCode()).isEqualTo(5);
            assertThat(status.summary()).contains("failed migration recorded: core V4 notes");
            if (engine.transactionalDdl()) {
                assertThat(failure.getMessage()).contains("rolled it back");
                assertThat(Fixture.hasColumn(db, "items", "note")).isFalse();
            } else {
                assertThat(failure.getMessage()).contains("may be partly changed").contains("ferry restore --from '");
                assertThat(Fixture.hasColumn(db, "items", "note")).as("MariaDB committed the first statement").isTrue();
                assertThatThrownBy(m::migrate).hasMessageContaining("A failed migration is recorded");
                Path backup = Path.of(failure.getMessage().replaceAll("(?s).*ferry restore --from '([^']+)'.*", "$1"));
                new Restore(RestoreSettings.of(backup, db.spec()).withClean(true), ProgressListener.NONE).run();
                assertThat(Fixture.hasColumn(db, "items", "note")).as("the backup is from before the run").isFalse();
                assertThat(m.status().exitCode()).as("the restored history has no failure, V4 is pending").isEqualTo(3);
            }
            Fixture.file(set, "core/V4__notes.sql", "ALTER TABLE items ADD COLUMN note VARCHAR(10);\n");
            assertThat(m.migrate().steps()).extracting(MigrateResult.AppliedStep::version).containsExactly("4");
            assertThat(m.status().exitCode()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSchemaChangedOutsideFerryIsDrift(Engine engine) throws Exception {
        try (ScratchDatabase db = engine.scratch()) {
            Migrations m = migrations(db, Fixture.write(dir)).withoutBackup();
            m.migrate();
            Fixture.execute(db, "ALTER TABLE items ADD COLUMN sneaky INTEGER");
            StatusReport status = m.status();
            assertThat(status.exitCode()).isEqualTo(4);
            assertThat(status.drift()).contains("ferry doctor");
            assertThatThrownBy(m::ensureUpToDate).isInstanceOf(FerryException.class).hasMessageContaining("schema drift")
                    .extracting(e -> ((FerryException) e).exitCode()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void backupsAreKeptUpToTheRetention(Engine engine) throws Exception {
        try (ScratchDatabase db = engine.scratch()) {
            Path set = Fixture.write(dir);
            Migrations m = Migrations.configure(MigrationSettings.of(db.spec(), set.toString())
                    .withBackupDirectory(dir.resolve("backups")).withKeepBackups(2));
            m.migrate();
            m.undo(null);
            m.undo(null);
            try (Stream<Path> backups = Files.list(dir.resolve("backups"))) {
                List<String> names = backups.map(p -> p.getFileName().toString()).sorted().toList();
                assertThat(names).hasSize(2).allMatch(n -> n.contains("-before-undo-"));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aScriptCanOptOutOfTheTransactionForCreateIndexConcurrently() throws Exception {
        try (ScratchDatabase db = Engine.POSTGRESQL.scratch()) {
            Path set = Fixture.write(dir);
            Fixture.file(set, "core/V4__index_names.sql", "-- ferry:no-transaction\n"
                    + "CREATE INDEX CONCURRENTLY items_name_ix ON items (name);\n");
            Migrations m = migrations(db, set).withoutBackup();
            assertThat(m.migrate().steps()).hasSize(5);
            assertThat(Fixture.count(db, "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'items_name_ix'")).isEqualTo(1);
            assertThat(m.status().exitCode()).isZero();
        }
    }

    private static FerryException catchFailure(Migrations m) {
        try {
            m.migrate();
        } catch (FerryException e) {
            return e;
        }
        throw new AssertionError("the migration should have failed");
    }
}
