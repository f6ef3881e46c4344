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
import java.nio.file.Path;
import java.time.Duration;
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
}
