package dev.ferry.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.Dialects;
import dev.ferry.migrate.Fixture.Engine;
import dev.ferry.migrate.run.HeldLock;
import dev.ferry.migrate.run.Session;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.TargetLock;
import dev.ferry.ops.testing.ScratchDatabase;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.Restore;
import dev.ferry.ops.RestoreResult;
import dev.ferry.ops.RestoreSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The target lock is a lease that its holder renews: with a lease of 2 s, a holder that stays alive
 * (a restore's {@link TargetLock}, or a migration's {@link HeldLock}) keeps the lock for several
 * leases (the server would have ended its silent session otherwise, see NetworkFaultIT for a frozen
 * holder whose lock is freed), and releases it on close.
 */
class TargetLockLeaseIT {
    private static final long LEASE_SECONDS = 2;

    @TempDir
    Path dir;

    @BeforeAll
    static void shortLease() {
        System.setProperty("ferry.lock.lease.seconds", String.valueOf(LEASE_SECONDS));
    }

    @AfterAll
    static void defaultLease() {
        System.clearProperty("ferry.lock.lease.seconds");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLiveHolderKeepsTheLockForManyLeases(Engine engine) throws Exception {
        try (ScratchDatabase db = engine.scratch()) {
            Dialect dialect = Dialects.forUrl(db.spec().url());
            try (TargetLock held = TargetLock.acquire(dialect, db.spec(), Duration.ZERO, "restore", ProgressListener.NONE)) {
                Thread.sleep(LEASE_SECONDS * 3_500);
                assertThatThrownBy(() -> TargetLock.acquire(dialect, db.spec(), Duration.ZERO, "restore", ProgressListener.NONE))
                        .isInstanceOf(FerryException.class)
                        .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.LOCK_TIMEOUT));
            }
            try (TargetLock again = TargetLock.acquire(dialect, db.spec(), Duration.ZERO, "restore", ProgressListener.NONE)) {
                assertThat(again).isNotNull();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLiveMigrationKeepsItsLockForManyLeases(Engine engine) throws Exception {
        Path set = dir.resolve("migrations");
        Fixture.file(set, "core/V1__init.sql", "CREATE TABLE migrated (id INTEGER PRIMARY KEY);\n");
        try (ScratchDatabase db = engine.scratch()) {
            Dialect dialect = Dialects.forUrl(db.spec().url());
            MigrationSettings settings = MigrationSettings.of(db.spec(), set.toString()).withBackup(false);
            try (Session session = Session.open(settings); HeldLock held = HeldLock.acquire(session, ProgressListener.NONE)) {
                Thread.sleep(LEASE_SECONDS * 3_500);
                assertThatThrownBy(() -> TargetLock.acquire(dialect, db.spec(), Duration.ZERO, "restore", ProgressListener.NONE))
                        .isInstanceOf(FerryException.class)
                        .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.LOCK_TIMEOUT));
            }
        }
    }

    /**
     * A restore whose lock is lost while it runs (here: the server ends the lock's session, as it does
     * when the lease runs out) does not commit: it fails with LOCK_LOST and leaves the target as it was.
     */
    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB"})
    void aRestoreWhoseLockIsLostDoesNotCommit(Engine engine) throws Exception {
        try (ScratchDatabase source = engine.scratch(); ScratchDatabase target = engine.scratch()) {
            Fixture.execute(source, "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(40))");
            Fixture.execute(source, "INSERT INTO items VALUES (1, 'one'), (2, 'two')");
            Path archive = dir.resolve("archive");
            new Backup(BackupSettings.of(source.spec(), archive), ProgressListener.NONE).run();
            CountDownLatch loading = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ProgressListener held = new ProgressListener() {
                @Override
                public void phase(String name, long totalTables, long totalRows) {
                    if (name.equals("Loading data")) {
                        loading.countDown();
                        await(release);
                    }
                }
            };
            CompletableFuture<RestoreResult> restore = CompletableFuture.supplyAsync(
                    () -> new Restore(RestoreSettings.of(archive, target.spec()), held).run());
            assertThat(loading.await(60, TimeUnit.SECONDS)).isTrue();
            endLockSession(engine, target);
            release.countDown();
            assertThatThrownBy(() -> restore.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(FerryException.class)
                    .satisfies(e -> assertThat(((FerryException) e.getCause()).code()).isEqualTo(ErrorCode.LOCK_LOST))
                    .hasMessageContaining("was lost").hasMessageContaining("nothing was committed");
            assertThat(Fixture.hasTable(target, "items")).as("the target is as it was").isFalse();
        }
    }

    /** Ends the session holding the target lock, from another connection. */
    private static void endLockSession(Engine engine, ScratchDatabase target) throws Exception {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            if (engine == Engine.MARIADB) {
                String name = "ferry:" + c.getCatalog() + ":" + Dialect.TARGET_LOCK;
                try (ResultSet rs = s.executeQuery("SELECT IS_USED_LOCK('" + name + "')")) {
                    rs.next();
                    s.execute("KILL " + rs.getLong(1));
                }
            } else {
                try (ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                    assertThat(rs.next()).as("an advisory lock is held").isTrue();
                }
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
