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
    private final Iterator<Manifest.ChunkEntry> chunks;
    private ChunkReader current;

    ArchiveRows(ArchiveReader archive, Manifest.TableEntry entry, int columns) {
        this.archive = archive;
        this.entry = entry;
        this.columns = columns;
        this.chunks = entry.chunks().iterator();
    }

    @Override
    public Object[] next() {
        while (true) {
            if (current == null) {
                if (!chunks.hasNext()) {
                    return null;
                }
                current = archive.openChunk(entry, chunks.next(), columns);
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
