package dev.ferry.ops;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
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
     */
    ContentHash load(Translation.TableMapping mapping, boolean converting, boolean hashAsIs, RowStream rows, long bytes)
            throws Exception {
        Table table = mapping.target();
        progress.tableStarted(mapping.source().name());
        RowConverter converter = converting ? new RowConverter(mapping) : null;
        RowHasher asIs = !converting && hashAsIs ? new RowHasher() : null;
        long count = 0;
        long pending = 0;
        try (RowSink sink = target.load(table)) {
            Object[] row;
            while ((row = rows.next()) != null) {
                count++;
                sink.accept(converter == null ? hashed(asIs, row) : converted(converter, mapping, row, count));
                if (++pending == PROGRESS_EVERY) {
                    progress.rows(mapping.source().name(), pending);
                    pending = 0;
                }
            }
            sink.finish();
        }
        progress.rows(mapping.source().name(), pending);
        progress.tableFinished(mapping.source().name(), count, bytes);
        return converter != null ? converter.hasher().hash() : asIs != null ? asIs.hash() : null;
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
