package dev.ferry.ops;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.ChunkReader;
import dev.ferry.core.archive.Manifest;
import java.util.Iterator;

/** One table's rows from an archive, chunk after chunk; each chunk checks itself as it streams. */
final class ArchiveRows implements RowStream {
    private final ArchiveReader archive;
    private final Manifest.TableEntry entry;
    private final int columns;
    private final boolean hashRows;
    private final Iterator<Manifest.ChunkEntry> chunks;
    private ChunkReader current;

    ArchiveRows(ArchiveReader archive, Manifest.TableEntry entry, int columns) {
        this(archive, entry, columns, true);
    }

    /** {@code hashRows}: see {@link ArchiveReader#openChunk(Manifest.TableEntry, Manifest.ChunkEntry, int, boolean)}. */
    ArchiveRows(ArchiveReader archive, Manifest.TableEntry entry, int columns, boolean hashRows) {
        this.archive = archive;
        this.entry = entry;
        this.columns = columns;
        this.hashRows = hashRows;
        this.chunks = entry.chunks().iterator();
    }

    @Override
    public Object[] next() {
        while (true) {
            if (current == null) {
                if (!chunks.hasNext()) {
                    return null;
                }
                current = archive.openChunk(entry, chunks.next(), columns, hashRows);
            }
            Object[] row = current.next();
            if (row != null) {
                return row;
            }
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
        }
    }
}
