package dev.ferry.ops;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.Dialect;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a held lock's lease ({@link Dialect#targetLockLease}): the server ends the silent session of a
 * lock whose holder froze, so a live holder renews it four times per lease from a daemon thread until
 * {@link #close}. If a renewal fails the lock may be gone: the user is told, and {@link #requireHeld},
 * called just before a commit, fails so that nothing is committed by a writer that may no longer be
 * alone. Used by the target lock of restores, transfers and merges, and by migrations.
 */
public final class LockLease implements AutoCloseable {
    /** One renewal: a round trip on the lock's connection; throws if the lock is lost. */
    @FunctionalInterface
    public interface Renewal {
        void renew() throws SQLException;
    }

    private final ScheduledExecutorService renewer;
    private final Renewal renewal;
    private final String what;
    private volatile String lost;

    private LockLease(ScheduledExecutorService renewer, Renewal renewal, String what) {
        this.renewer = renewer;
        this.renewal = renewal;
        this.what = what;
    }

    /** @param what how a warning names the lock: "the lock on jdbc:..." */
    public static LockLease start(Renewal renewal, String what, ProgressListener progress) {
        ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ferry-lock-lease");
            t.setDaemon(true);
            return t;
        });
        LockLease lease = new LockLease(renewer, renewal, what);
        long every = Math.max(500, Dialect.targetLockLease().toMillis() / 4);
        renewer.scheduleWithFixedDelay(() -> {
            if (!lease.renewed()) {
                progress.note(capitalized(what) + " could not be renewed (" + lease.lost + "); once its lease of "
                        + Dialect.targetLockLease().toSeconds() + " s runs out another restore, transfer or migration"
                        + " could start, so this one will not commit.");
                renewer.shutdown();
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return lease;
    }

    /** Renews once; false (and the reason kept) if the lock may be gone. */
    private synchronized boolean renewed() {
        if (lost != null) {
            return false;
        }
        try {
            renewal.renew();
            return true;
        } catch (SQLException | RuntimeException e) {
            lost = String.valueOf(e.getMessage());
            return false;
        }
    }

    /**
     * Renews the lease once more and throws LOCK_LOST unless the lock is still held: called just before
     * a commit, which then has a whole lease to finish in.
     */
    public void requireHeld() {
        if (!renewed()) {
            throw new FerryException(ErrorCode.LOCK_LOST, capitalized(what) + " was lost (" + lost + "), so another"
                    + " restore, transfer or migration may have started meanwhile: nothing was committed. Run again.");
        }
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Stops renewing; a renewal in flight ends first, so the lock can be released on its connection. */
    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            renewer.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
