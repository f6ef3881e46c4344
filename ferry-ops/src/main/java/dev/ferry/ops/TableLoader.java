package dev.ferry.ops;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.RowSink;
import dev.ferry.core.translate.RowConverter;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.value.ContentHash;
import dev.ferry.core.value.RowHasher;

/**
 * Streams one table's rows into a restore target's sink. Rows of another engine go through a
 * {@link RowConverter} first; the hash of what was sent (converted rows, or the rows as they are
 * when {@code hashAsIs}) is the expected half of the table's proof. Progress every few thousand rows.
 */
final class TableLoader {
    private static final int PROGRESS_EVERY = 5_000;

    private final RestoreTarget target;
    private final ProgressListener progress;

    TableLoader(RestoreTarget target, ProgressListener progress) {
        this.target = target;
        this.progress = progress;
    }

    /**
     * Loads every row of {@code rows}; returns the hash of the rows as sent, or null when the rows
     * pass through unconverted and {@code hashAsIs} is false (the archive's own hash then stands).
     *
     * @param start null for a unit without checkpoints (the sink is finished at the end); otherwise
     *              where the table's load starts, and the rows then commit with a checkpoint at every
     *              {@link ArchiveRows#CHUNK_END} and at the end, and the hash returned covers the rows
     *              committed before {@code start} too
     */
    ContentHash load(Translation.TableMapping mapping, boolean converting, boolean hashAsIs, RowStream rows, long bytes,
                     Checkpoints.TableStart start) throws Exception {
        Table table = mapping.target();
        QualifiedName name = mapping.source().name();
        progress.tableStarted(name);
        RowConverter converter = converting ? new RowConverter(mapping) : null;
        RowHasher asIs = !converting && hashAsIs ? new RowHasher() : null;
        RowHasher hasher = converter != null ? converter.hasher() : asIs;
        Checkpoints.TableStart from = start == null ? Checkpoints.TableStart.BEGINNING : start;
        long count = from.rows();
        long pending = from.rows();
        int chunk = from.chunk();
        try (RowSink sink = target.load(table)) {
            Object[] row;
            while ((row = rows.next()) != null) {
                if (row == ArchiveRows.CHUNK_END) {
                    sink.checkpoint(Checkpoints.chunkItem(name, chunk++), count, hex(from.plus(sent(hasher))));
                    continue;
                }
                count++;
                sink.accept(converter == null ? hashed(asIs, row) : converted(converter, mapping, row, count));
                if (++pending >= PROGRESS_EVERY) {
                    progress.rows(name, pending);
                    pending = 0;
                }
            }
            if (start == null) {
                sink.finish();
            } else {
                sink.checkpoint(Checkpoints.tableItem(name), count, hex(from.plus(sent(hasher))));
            }
        }
        progress.rows(name, pending);
        progress.tableFinished(name, count, bytes);
        return from.plus(sent(hasher));
    }

    private static ContentHash sent(RowHasher hasher) {
        return hasher == null ? null : hasher.hash();
    }

    private static String hex(ContentHash hash) {
        return hash == null ? null : hash.hex();
    }

    private static Object[] hashed(RowHasher hasher, Object[] row) {
        if (hasher != null) {
            hasher.add(row);
        }
        return row;
    }

    private static Object[] converted(RowConverter converter, Translation.TableMapping mapping, Object[] row, long number) {
        Object[] out;
        try {
            out = converter.convert(row);
        } catch (RowConverter.ColumnConversionException e) {
            String column = mapping.target().loadedColumns().get(e.column()).name();
            throw new FerryException(ErrorCode.RESTORE_FAILED, "Row " + number + " of table " + mapping.source().name()
                    + ", column " + column + ": " + e.getMessage() + ". The target column is "
                    + mapping.target().loadedColumns().get(e.column()).type().nativeType()
                    + "; correct the value in the source, or restore into the source's engine.", e);
        }
        converter.hash(out);
        return out;
    }
}
