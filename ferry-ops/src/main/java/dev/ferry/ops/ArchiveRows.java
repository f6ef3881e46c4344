package dev.ferry.ops;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.ChunkReader;
import dev.ferry.core.archive.Manifest;
import java.util.Iterator;

/**
 * One table's rows from an archive, chunk after chunk; each chunk checks itself as it streams. For a
 * checkpointed restore it may start at a later chunk (a resumed table keeps the chunks it committed)
 * and put {@link #CHUNK_END} between chunks, where the loader commits a checkpoint.
 */
final class ArchiveRows implements RowStream {
    /** Not a row: the end of a chunk that another chunk follows (compare by identity). */
    static final Object[] CHUNK_END = new Object[0];

    private final ArchiveReader archive;
    private final Manifest.TableEntry entry;
    private final int columns;
    private final boolean hashRows;
    private final Iterator<Manifest.ChunkEntry> chunks;
    private final boolean markChunks;
    private ChunkReader current;

    ArchiveRows(ArchiveReader archive, Manifest.TableEntry entry, int columns) {
        this(archive, entry, columns, true);
    }

    /** {@code hashRows}: see {@link ArchiveReader#openChunk(Manifest.TableEntry, Manifest.ChunkEntry, int, boolean)}. */
    ArchiveRows(ArchiveReader archive, Manifest.TableEntry entry, int columns, boolean hashRows) {
        this(archive, entry, columns, hashRows, 0, false);
    }

    /**
     * @param firstChunk the first chunk to read (those before it are skipped unread)
     * @param markChunks return {@link #CHUNK_END} after every chunk but the last
     */
    ArchiveRows(ArchiveReader archive, Manifest.TableEntry entry, int columns, boolean hashRows, int firstChunk,
                boolean markChunks) {
        this.archive = archive;
        this.entry = entry;
        this.columns = columns;
        this.hashRows = hashRows;
        this.markChunks = markChunks;
        this.chunks = entry.chunks().subList(Math.min(firstChunk, entry.chunks().size()), entry.chunks().size()).iterator();
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
            if (markChunks && chunks.hasNext()) {
                return CHUNK_END;
            }
        }
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
        }
    }
}
