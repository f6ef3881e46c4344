package dev.ferry.ops.merge;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.ChunkReader;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Table;
import java.sql.SQLException;

/** Streams a table's rows out of the archive, chunk by chunk, each chunk proving itself. Internal. */
final class ArchiveTables {
    private final ArchiveReader archive;

    /** Receives one row; the array is not kept by the caller beyond the call. */
    interface RowAction {
        void accept(Object[] row) throws SQLException;
    }

    ArchiveTables(ArchiveReader archive) {
        this.archive = archive;
    }

    void forEach(Table table, RowAction action) {
        Manifest.TableEntry entry = archive.manifest().tables().stream().filter(e -> e.name().equals(table.name()))
                .findFirst().orElseThrow(() -> new FerryException(ErrorCode.ARCHIVE_CORRUPT, "The archive's schema lists"
                        + " table " + table.name() + " but its manifest has no data for it; the archive is damaged."));
        int columns = table.loadedColumns().size();
        for (Manifest.ChunkEntry chunk : entry.chunks()) {
            try (ChunkReader rows = archive.openChunk(entry, chunk, columns)) {
                Object[] row;
                while ((row = rows.next()) != null) {
                    action.accept(row);
                }
            } catch (SQLException e) {
                throw new MergeFailure(e);
            }
        }
    }

    /** A database failure inside a row action, unwrapped by {@link Merge}. */
    static final class MergeFailure extends RuntimeException {
        MergeFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
