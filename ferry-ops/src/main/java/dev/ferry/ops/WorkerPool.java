package dev.ferry.ops;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs tasks over a fixed set of workers' resources (connections), one thread per resource, each worker taking
 * the next task as it finishes one (so callers pass the largest tasks first). The first failure
 * stops workers from starting new tasks and is rethrown once all have stopped. Results come back in
 * task order.
 */
final class WorkerPool {

    /** One unit of work with one worker's resource (a connection). */
    @FunctionalInterface
    interface Task<C, T, R> {
        R apply(C resource, T item) throws Exception;
    }

    private WorkerPool() {
    }

    static <C, T, R> List<R> run(String name, List<C> connections, List<T> items, Task<C, T, R> task) {
        Object[] results = new Object[items.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < connections.size(); w++) {
            C c = connections.get(w);
            Runnable worker = () -> drain(c, items, task, results, next, failure);
            if (connections.size() == 1) {
                worker.run();
            } else {
                Thread t = new Thread(worker, "ferry-" + name + "-" + (w + 1));
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }
        joinAll(threads);
        rethrow(failure.get());
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) Arrays.asList(results);
        return out;
    }

    private static <C, T, R> void drain(C c, List<T> items, Task<C, T, R> task, Object[] results, AtomicInteger next,
                                     AtomicReference<Throwable> failure) {
        int i;
        while (failure.get() == null && (i = next.getAndIncrement()) < items.size()) {
            try {
                results[i] = task.apply(c, items.get(i));
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FerryException(ErrorCode.INTERRUPTED, "Interrupted while waiting for workers", e);
            }
        }
    }

    private static void rethrow(Throwable e) {
        if (e == null) {
            return;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new FerryException(ErrorCode.INTERNAL, "Unexpected failure in a worker: " + e, e);
    }
}
