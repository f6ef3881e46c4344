package dev.ferry.ops;

import dev.ferry.core.spi.Dialect;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a held lock's lease ({@link Dialect#targetLockLease}): the server ends the silent session of a
 * lock whose holder froze, so a live holder renews it four times per lease from a daemon thread until
 * {@link #close}. If a renewal fails the lock may be gone, and the user is told that another writer
 * could now start. Used by the target lock of restores and transfers, and by migrations.
 */
public final class LockLease implements AutoCloseable {
    /** One renewal: a round trip on the lock's connection; throws if the lock is lost. */
    @FunctionalInterface
    public interface Renewal {
        void renew() throws SQLException;
    }

    private final ScheduledExecutorService renewer;

    private LockLease(ScheduledExecutorService renewer) {
        this.renewer = renewer;
    }

    /** @param what how a warning names the lock: "the lock on jdbc:..." */
    public static LockLease start(Renewal renewal, String what, ProgressListener progress) {
        ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ferry-lock-lease");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(500, Dialect.targetLockLease().toMillis() / 4);
        renewer.scheduleWithFixedDelay(() -> {
            try {
                renewal.renew();
            } catch (SQLException | RuntimeException e) {
                progress.note(capitalized(what) + " could not be renewed (" + e.getMessage() + "); once its lease of "
                        + Dialect.targetLockLease().toSeconds() + " s runs out another restore, transfer or migration could start.");
                renewer.shutdown();
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return new LockLease(renewer);
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
