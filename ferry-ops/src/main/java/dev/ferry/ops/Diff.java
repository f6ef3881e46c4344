package dev.ferry.ops;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.value.ContentHash;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Compares two sides (live databases, or an archive and a database), engine-neutrally: schema
 * differences, then per shared table the row count and content hash of each side, with values of
 * another engine moved into B's kinds exactly as a restore moves them. Both sides of a table are read
 * at once. With {@code rows}, a table that differs is read again, only its differing key buckets, to
 * name the first differing rows. Nothing is written.
 */
public final class Diff {
    private final DiffSettings settings;
    private final ProgressListener progress;

    public Diff(DiffSettings settings, ProgressListener progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public DiffResult run() {
        Instant start = Instant.now();
        try (DiffSource a = DiffSource.open(settings.a(), settings.namespaces());
             DiffSource b = DiffSource.open(settings.b(), settings.namespaces())) {
            SchemaMatch match = new SchemaMatch(a.schema(), b.schema(), a.engine().equals(b.engine()));
            progress.phase("Comparing", match.pairs.size(), 0);
            List<DiffResult.TableComparison> tables = new ArrayList<>();
            for (TablePair pair : match.pairs) {
                progress.tableStarted(pair.a().name());
                tables.add(compare(a, b, pair));
                progress.tableFinished(pair.a().name(), tables.get(tables.size() - 1).rowsA(), 0);
            }
            return new DiffResult(settings.a().label(), settings.b().label(), a.engine(), b.engine(), match.differences,
                    tables, match.notes, Duration.between(start, Instant.now()));
        } finally {
            progress.done();
        }
    }

    private DiffResult.TableComparison compare(DiffSource a, DiffSource b, TablePair pair) {
        RowDigest da = new RowDigest(pair, true);
        RowDigest db = new RowDigest(pair, false);
        both(() -> digest(a, pair, true, da), () -> digest(b, pair, false, db));
        ContentHash ha = da.total();
        ContentHash hb = db.total();
        List<DiffResult.RowDifference> rows = List.of();
        if (settings.rows() && !ha.equals(hb)) {
            rows = new RowDifferences(pair, settings.maxRowDiffs()).find(a, b, da, db);
        }
        return new DiffResult.TableComparison(pair.a().name(), pair.b().name(), ha.rows(), hb.rows(), ha.hex(), hb.hex(), rows);
    }

    private static Void digest(DiffSource source, TablePair pair, boolean sideA, RowDigest digest) throws Exception {
        try (RowStream rows = source.rows(sideA ? pair.a() : pair.b())) {
            Object[] row;
            while ((row = rows.next()) != null) {
                digest.add(row);
            }
        }
        return null;
    }

    /** Runs both reads at once and rethrows the first failure. */
    static void both(Step first, Step second) {
        CompletableFuture<Void> other = CompletableFuture.supplyAsync(() -> unchecked(second));
        try {
            unchecked(first);
            other.join();
        } catch (CompletionException e) {
            throw rethrow(e.getCause());
        }
    }

    /** One side's read. */
    @FunctionalInterface
    interface Step {
        Void run() throws Exception;
    }

    private static Void unchecked(Step step) {
        try {
            return step.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof java.sql.SQLException s) {
            return new FerryException(ErrorCode.BACKUP_FAILED, "Reading rows for the comparison failed: " + s.getMessage(), s);
        }
        return new FerryException(ErrorCode.INTERNAL, "Comparison failed: " + e, e);
    }
}
