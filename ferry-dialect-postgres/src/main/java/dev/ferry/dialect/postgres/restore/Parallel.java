package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a staged restore's independent statements (foreign key validations) on up to N threads; the first failure wins. */
final class Parallel {
    /** One unit of work that may be refused by the server. */
    @FunctionalInterface
    interface Task {
        void run() throws SQLException;
    }

    private Parallel() {
    }

    static void run(int threads, List<Task> tasks) throws SQLException {
        if (tasks.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())), r -> {
            Thread t = new Thread(r, "ferry-pg-stage");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Task task : tasks) {
                futures.add(pool.submit(() -> {
                    task.run();
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<Void> f) throws SQLException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ErrorCode.INTERRUPTED, "Interrupted while validating foreign keys", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException se) {
                throw se;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new FerryException(ErrorCode.INTERNAL, "A foreign key validation failed: " + cause, cause);
        }
    }
}
