package dev.ferry.ops;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Reads a row stream on a thread of its own, a little ahead of its consumer, so that reading
 * (a source cursor, or decompressing and decoding an archive) overlaps writing into the target.
 * What is in flight is bounded by {@value #BUDGET_BYTES} bytes of row data (estimated from text and
 * binary values; a single larger row passes alone), whatever the table's size. The reader thread owns
 * the source: it closes it when it ends, fails, or is cancelled by {@link #close()}.
 */
final class PrefetchedRows implements RowStream {
    static final int BUDGET_BYTES = 16 * 1024 * 1024;
    private static final int BATCH_ROWS = 256;
    private static final List<Object[]> END = List.of();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(64);
    private final Semaphore budget = new Semaphore(BUDGET_BYTES);
    private final Thread reader;
    private volatile boolean cancelled;
    private List<Object[]> batch = List.of();
    private int position;
    private int batchBytes;

    PrefetchedRows(RowStream source, String name) {
        this.reader = new Thread(() -> readAll(source), "ferry-read-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll(RowStream source) {
        try (source) {
            List<Object[]> rows = new ArrayList<>(BATCH_ROWS);
            int bytes = 0;
            Object[] row;
            while (!cancelled && (row = source.next()) != null) {
                int size = Math.min(RowSize.estimate(row), BUDGET_BYTES);
                if (!budget.tryAcquire(size)) {
                    if (!rows.isEmpty()) {
                        // rows not yet handed over may hold the budget: hand them over, or both sides wait forever
                        queue.put(new Batch(rows, bytes));
                        rows = new ArrayList<>(BATCH_ROWS);
                        bytes = 0;
                    }
                    budget.acquire(size);
                }
                rows.add(row == ArchiveRows.CHUNK_END ? row : row.clone()); // the marker passes by identity
                bytes += size;
                if (rows.size() == BATCH_ROWS) {
                    queue.put(new Batch(rows, bytes));
                    rows = new ArrayList<>(BATCH_ROWS);
                    bytes = 0;
                }
            }
            queue.put(new Batch(rows, bytes));
            queue.put(END);
        } catch (Throwable e) {
            queue.clear();
            queue.offer(e);
        }
    }

    @Override
    public Object[] next() throws Exception {
        while (position == batch.size()) {
            budget.release(batchBytes);
            batchBytes = 0;
            Object item = queue.take();
            if (item == END) {
                queue.put(END);
                return null;
            }
            if (item instanceof Throwable e) {
                queue.put(e);
                throw rethrow(e);
            }
            Batch b = (Batch) item;
            batch = b.rows();
            batchBytes = b.bytes();
            position = 0;
        }
        return batch.get(position++);
    }

    private static Exception rethrow(Throwable e) {
        if (e instanceof Exception ex) {
            return ex;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new FerryException(ErrorCode.INTERNAL, "Reading rows failed: " + e, e);
    }

    /** Stops the reader (it closes the source) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        cancelled = true;
        budget.release(BUDGET_BYTES);
        queue.clear();
        reader.interrupt();
        reader.join();
    }

    private record Batch(List<Object[]> rows, int bytes) {
    }
}
