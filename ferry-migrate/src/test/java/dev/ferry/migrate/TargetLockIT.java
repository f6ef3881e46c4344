package dev.ferry.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.migrate.Fixture.Engine;
import dev.ferry.migrate.run.HeldLock;
import dev.ferry.migrate.run.Session;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.Restore;
import dev.ferry.ops.RestoreResult;
import dev.ferry.ops.RestoreSettings;
import dev.ferry.ops.TargetOptions;
import dev.ferry.ops.merge.Merge;
import dev.ferry.ops.merge.MergeSettings;
import dev.ferry.ops.Transfer;
import dev.ferry.ops.TransferSettings;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The target lock on every engine, with real concurrent operations: a restore held in the middle of
 * loading keeps a second restore out (at once with the default lock timeout, naming the holder) and
 * a waiting one waits, then finds the finished restore; a transfer and a merge are kept out the same way; a restore
 * and a migration exclude each other.
 */
class TargetLockIT {
    @TempDir
    Path dir;

    /** A restore that stops when it reaches its data, until released. */
    private static final class HeldRestore implements AutoCloseable {
        final CountDownLatch loading = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CompletableFuture<RestoreResult> result;

        HeldRestore(RestoreSettings settings) throws InterruptedException {
            ProgressListener blocking = new ProgressListener() {
                @Override
                public void phase(String name, long totalTables, long totalRows) {
                    if (name.equals("Loading data")) {
                        loading.countDown();
                        await(release);
                    }
                }
            };
            result = CompletableFuture.supplyAsync(() -> new Restore(settings, blocking).run());
            assertThat(loading.await(60, TimeUnit.SECONDS)).as("the first restore reached its data").isTrue();
        }

        RestoreResult finish() throws Exception {
            release.countDown();
            return result.get(60, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            release.countDown();
            result.exceptionally(e -> null).join();
        }
    }

    private Path archive(Engine engine) throws Exception {
        try (ScratchDatabase source = engine.scratch()) {
            Fixture.execute(source, "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(40))");
            for (int i = 0; i < 50; i++) {
                Fixture.execute(source, "INSERT INTO items VALUES (" + i + ", 'item " + i + "')");
            }
            Path archive = dir.resolve("archive");
            new Backup(BackupSettings.of(source.spec(), archive), ProgressListener.NONE).run();
            return archive;
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSecondRestoreRefusesNamingTheHolderOrWaitsAndNeverInterleaves(Engine engine) throws Exception {
        Path archive = archive(engine);
        try (ScratchDatabase target = engine.scratch()) {
            RestoreSettings settings = RestoreSettings.of(archive, target.spec());
            try (HeldRestore first = new HeldRestore(settings)) {
                assertThatThrownBy(() -> new Restore(settings, ProgressListener.NONE).run()).isInstanceOf(FerryException.class)
                        .hasMessageContaining("another restore, transfer or migration is writing to it; its lock is held by")
                        .hasMessageContaining("--lock-timeout")
                        .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);

                List<String> notes = new CopyOnWriteArrayList<>();
                CompletableFuture<RestoreResult> waiting = CompletableFuture.supplyAsync(() -> new Restore(settings,
                        TargetOptions.DEFAULTS.withLockTimeout(Duration.ofSeconds(60)), notesTo(notes)).run());
                Thread.sleep(500);
                assertThat(waiting).as("the second restore waits for the lock").isNotDone();
                assertThat(notes).anyMatch(n -> n.startsWith("Waiting for the lock on "));

                assertThat(first.finish().proofs()).singleElement().matches(p -> p.matches() && p.actualRows() == 50);
                assertThatThrownBy(() -> waiting.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .cause().hasMessageContaining("is not empty")
                        .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.TARGET_NOT_EMPTY);
            }
            assertThat(Fixture.count(target, "SELECT COUNT(*) FROM items")).isEqualTo(50);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aTransferOrMergeIntoATargetBeingRestoredIsRefused(Engine engine) throws Exception {
        Path archive = archive(engine);
        try (ScratchDatabase source = engine.scratch(); ScratchDatabase target = engine.scratch()) {
            Fixture.execute(source, "CREATE TABLE other (id INTEGER PRIMARY KEY)");
            try (HeldRestore first = new HeldRestore(RestoreSettings.of(archive, target.spec()))) {
                assertThatThrownBy(() -> new Transfer(TransferSettings.of(source.spec(), target.spec()), ProgressListener.NONE).run())
                        .isInstanceOf(FerryException.class).hasMessageContaining("Cannot transfer into")
                        .hasMessageContaining("its lock is held by")
                        .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
                assertThatThrownBy(() -> new Merge(MergeSettings.of(archive, target.spec()), ProgressListener.NONE).run())
                        .isInstanceOf(FerryException.class).hasMessageContaining("Cannot merge into")
                        .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
                first.finish();
            }
            assertThat(Fixture.hasTable(target, "other")).as("the transfer wrote nothing").isFalse();
            assertThat(Fixture.count(target, "SELECT COUNT(*) FROM items")).as("the merge added nothing").isEqualTo(50);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRestoreAndAMigrationExcludeEachOther(Engine engine) throws Exception {
        Path archive = archive(engine);
        Path set = dir.resolve("migrations");
        Fixture.file(set, "core/V1__init.sql", "CREATE TABLE migrated (id INTEGER PRIMARY KEY);\n");
        try (ScratchDatabase target = engine.scratch()) {
            RestoreSettings restore = RestoreSettings.of(archive, target.spec());
            MigrationSettings migrate = MigrationSettings.of(target.spec(), set.toString()).withBackup(false)
                    .withLockTimeout(Duration.ofMillis(300));
            try (HeldRestore first = new HeldRestore(restore)) {
                assertThatThrownBy(() -> new Migrate(migrate, ProgressListener.NONE).run()).isInstanceOf(FerryException.class)
                        .hasMessageContaining("Another migration, restore or transfer is running")
                        .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
                first.finish();
            }
            assertThat(Fixture.hasTable(target, "migrated")).as("the migration never ran").isFalse();

            try (Session holder = Session.open(migrate); HeldLock held = HeldLock.acquire(holder, ProgressListener.NONE)) {
                assertThatThrownBy(() -> new Restore(restore.withClean(true), ProgressListener.NONE).run())
                        .isInstanceOf(FerryException.class).hasMessageContaining("its lock is held by")
                        .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
            }
            assertThat(Fixture.count(target, "SELECT COUNT(*) FROM items")).isEqualTo(50);
        }
    }

    private static ProgressListener notesTo(List<String> notes) {
        return new ProgressListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
