package dev.ferry.ops;

import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.value.ContentHash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads every table of a translation into a restore target: one worker per resource (an archive,
 * or a source connection), as many as the target accepts loads at once, each table read ahead on a
 * thread of its own ({@link PrefetchedRows}) while the worker writes. Returns the expected half of
 * each table's proof (see {@link TableLoader#load}).
 */
final class LoadPhase {
    /** Opens one table's rows with a worker's resource. */
    @FunctionalInterface
    interface RowsOpener<C> {
        RowStream open(C resource, Translation.TableMapping table) throws Exception;
    }

    private final RestoreTarget target;
    private final ProgressListener progress;
    private final boolean converting;
    private final boolean hashAsIs;
    private Function<Translation.TableMapping, Checkpoints.TableStart> starts = m -> null;

    /**
     * @param hashAsIs hash rows that pass through unconverted (a transfer, which has no manifest to
     *                 compare with); a restore relies on the archive's hashes instead
     */
    LoadPhase(RestoreTarget target, ProgressListener progress, boolean converting, boolean hashAsIs) {
        this.target = target;
        this.progress = progress;
        this.converting = converting;
        this.hashAsIs = hashAsIs;
    }

    /**
     * Makes the load checkpointed: each table's rows commit with checkpoints (see {@link TableLoader#load}),
     * starting where {@code startOf} says. By default the load is not checkpointed.
     */
    LoadPhase checkpointed(Function<Translation.TableMapping, Checkpoints.TableStart> startOf) {
        this.starts = startOf;
        return this;
    }

    /**
     * @param tables  largest first, so parallel workers finish together
     * @param bytesOf a table's size for progress, 0 when unknown
     */
    <C> Map<QualifiedName, ContentHash> run(List<C> resources, List<Translation.TableMapping> tables, RowsOpener<C> opener,
                                           java.util.function.ToLongFunction<Translation.TableMapping> bytesOf) {
        TableLoader loader = new TableLoader(target, progress);
        List<ContentHash> hashes = WorkerPool.run("load", resources, tables, (resource, mapping) -> {
            try (RowStream rows = new PrefetchedRows(opener.open(resource, mapping), mapping.source().name().name())) {
                return loader.load(mapping, converting, hashAsIs, rows, bytesOf.applyAsLong(mapping), starts.apply(mapping));
            }
        });
        Map<QualifiedName, ContentHash> out = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            out.put(tables.get(i).source().name(), hashes.get(i));
        }
        return out;
    }
}
