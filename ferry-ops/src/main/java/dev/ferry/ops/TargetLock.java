package dev.ferry.ops;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.LockAttempt;
import dev.ferry.core.spi.MigrationLock;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The target database's lock ({@link Dialect#TARGET_LOCK}), held for the whole of a restore or
 * transfer so that no other restore, transfer or migration writes into the same database at the same
 * time. It is taken before anything is read from the target (so two restores cannot both find it
 * empty). While another process holds it, this one retries with growing pauses (100 ms doubling to
 * 2 s) up to the lock timeout, then fails naming the holder. {@code restore --merge} takes it too.
 *
 * <p>The lock is a lease ({@link Dialect#targetLockLease}): the server frees it once its session has
 * been silent that long, so a holder whose process or link froze does not keep it for hours; while
 * held, {@link LockLease} renews it.
 */
public final class TargetLock implements AutoCloseable {
    private final MigrationLock lock;
    private final LockLease lease;
    private boolean closed;

    private TargetLock(MigrationLock lock, ConnectionSpec target, ProgressListener progress) {
        this.lock = lock;
        this.lease = LockLease.start(lock::renew, "the lock on " + target, progress);
    }

    /** @param operation how the message names the operation: "restore", "transfer" */
    public static TargetLock acquire(Dialect dialect, ConnectionSpec target, Duration timeout, String operation,
                              ProgressListener progress) {
        long start = System.nanoTime();
        long pause = 100;
        String lastHolder = null;
        while (true) {
            LockAttempt attempt = attempt(dialect, target);
            if (attempt.isAcquired()) {
                return new TargetLock(attempt.lock(), target, progress);
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (waited.compareTo(timeout) >= 0) {
                throw new FerryException(ErrorCode.LOCK_TIMEOUT, "Cannot " + operation + " into " + target
                        + ": another restore, transfer or migration is writing to it; its lock is held by " + attempt.holder()
                        + ". Waited " + waited.toSeconds() + " s (--lock-timeout " + timeout.toSeconds() + "s). Run again when"
                        + " it has finished, or pass a longer --lock-timeout to wait; the lock of a process that died is freed"
                        + " automatically.");
            }
            if (!attempt.holder().equals(lastHolder)) {
                progress.note("Waiting for the lock on " + target + ", held by " + attempt.holder());
                lastHolder = attempt.holder();
            }
            sleep(Math.min(pause, Math.max(1, timeout.minus(waited).toMillis())));
            pause = Math.min(pause * 2, 2_000);
        }
    }

    private static LockAttempt attempt(Dialect dialect, ConnectionSpec target) {
        try {
            return dialect.tryTargetLock(target);
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.CONNECTION_FAILED, "Cannot take the lock on " + target, target);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ErrorCode.INTERRUPTED, "Interrupted while waiting for the lock on the target", e);
        }
    }

    /** Throws LOCK_LOST unless the lock is still held (see {@link LockLease#requireHeld}); call before committing. */
    public void requireHeld() {
        lease.requireHeld();
    }

    /** Releases the lock; a second call does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            lease.close();
            lock.close();
        }
    }
}
