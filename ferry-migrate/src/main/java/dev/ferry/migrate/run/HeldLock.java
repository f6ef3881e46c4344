package dev.ferry.migrate.run;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.LockAttempt;
import dev.ferry.core.spi.MigrationLock;
import dev.ferry.ops.LockLease;
import dev.ferry.ops.ProgressListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The migration lock, taken on its own connection; it is the database's {@linkplain Dialect#TARGET_LOCK target
 * lock}, which restores and transfers into the database take too: waits up to the lock timeout with growing pauses
 * (100 ms doubling to 2 s), telling the user who holds it; with {@code waitForLock}, keeps retrying
 * after that with pauses doubling up to 30 s. Like the target lock it is a lease: the server ends the lock's session
 * once it has been silent for {@link Dialect#targetLockLease} (MariaDB, PostgreSQL 14 and later), and while held a
 * {@link LockLease} renews it, so a migrator that froze does not keep the lock for hours. Closing releases the lock
 * and its connection.
 */
public final class HeldLock implements AutoCloseable {
    private final Connection connection;
    private final MigrationLock lock;
    private final LockLease lease;

    private HeldLock(Connection connection, MigrationLock lock, ProgressListener progress) {
        this.connection = connection;
        this.lock = lock;
        this.lease = LockLease.start(lock::renew, "the migration lock", progress);
    }

    public static HeldLock acquire(Session session, ProgressListener progress) {
        Connection c = leasedLockConnection(session);
        try {
            MigrationLock lock = waitFor(session, c, progress);
            if (lock.recoveredFrom() != null) {
                progress.note("Recovered the migration lock left by " + lock.recoveredFrom());
            }
            return new HeldLock(c, lock, progress);
        } catch (RuntimeException e) {
            Session.closeQuietly(c);
            throw e;
        }
    }

    /** One try without waiting; empty if another process holds the lock. */
    public static Optional<HeldLock> tryAcquire(Session session) {
        Connection c = leasedLockConnection(session);
        try {
            LockAttempt attempt = attempt(session, c);
            if (attempt.isAcquired()) {
                return Optional.of(new HeldLock(c, attempt.lock(), ProgressListener.NONE));
            }
            Session.closeQuietly(c);
            return Optional.empty();
        } catch (RuntimeException e) {
            Session.closeQuietly(c);
            throw e;
        }
    }

    /** The lock's own connection, whose session the server ends after a lease of silence. */
    private static Connection leasedLockConnection(Session session) {
        Connection c = session.openLockConnection();
        try {
            session.dialect().leaseSession(c, Dialect.targetLockLease());
            return c;
        } catch (SQLException e) {
            Session.closeQuietly(c);
            throw session.failure("Cannot set up the connection of the migration lock", e);
        }
    }

    private static MigrationLock waitFor(Session session, Connection c, ProgressListener progress) {
        long start = System.nanoTime();
        Duration timeout = session.settings().lockTimeout();
        long pause = 100;
        String lastHolder = null;
        while (true) {
            LockAttempt attempt = attempt(session, c);
            if (attempt.isAcquired()) {
                return attempt.lock();
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            boolean overtime = waited.compareTo(timeout) >= 0;
            if (overtime && !session.settings().waitForLock()) {
                throw new FerryException(ErrorCode.LOCK_TIMEOUT, "Another migration, restore or transfer is running on "
                        + session.settings().database() + ": the migration lock is held by " + attempt.holder() + ". Waited " + waited.toSeconds()
                        + " s (--lock-timeout " + timeout.toSeconds() + "s). Run again when it has finished, or use --wait"
                        + " to keep retrying; a lock of a process that died is freed or recovered automatically.");
            }
            if (!attempt.holder().equals(lastHolder) || overtime) {
                progress.note("Waiting for the migration lock, held by " + attempt.holder()
                        + (overtime ? "; retrying in " + pause / 1000.0 + " s" : ""));
                lastHolder = attempt.holder();
            }
            sleep(pause);
            pause = Math.min(pause * 2, overtime ? 30_000 : 2_000);
        }
    }

    private static LockAttempt attempt(Session session, Connection c) {
        try {
            return session.support().tryLock(c, Dialect.TARGET_LOCK, session.settings().staleLockAfter());
        } catch (SQLException e) {
            throw session.failure("Cannot take the migration lock", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ErrorCode.INTERRUPTED, "Interrupted while waiting for the migration lock", e);
        }
    }

    /**
     * The lock as migrations use it: {@link MigrationLock#touch}, called just before each migration
     * commits, first makes sure the lease still holds ({@link LockLease#requireHeld}).
     */
    public MigrationLock lock() {
        return new MigrationLock() {
            @Override
            public void touch(Connection migrationConnection) throws SQLException {
                lease.requireHeld();
                lock.touch(migrationConnection);
            }

            @Override
            public String recoveredFrom() {
                return lock.recoveredFrom();
            }

            @Override
            public void close() {
                HeldLock.this.close();
            }
        };
    }

    @Override
    public void close() {
        lease.close();
        lock.close();
        Session.closeQuietly(connection);
    }
}
