package dev.ferry.core.archive;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.profile.ProfileBuilder;
import dev.ferry.core.value.ContentHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes one table's rows into as many chunk files as its size needs, hashing every row. One thread
 * per table writer; different tables may be written concurrently. With the table's loaded columns
 * it also {@link ProfileBuilder profiles} their values for the manifest.
 */
public final class TableWriter {
    private final ArchiveWriter archive;
    private final QualifiedName table;
    private final int tableNumber;
    private final List<Manifest.ChunkEntry> chunks = new ArrayList<>();
    private final ContentHash total = new ContentHash();
    private final ProfileBuilder profile;
    private ChunkWriter current;

    TableWriter(ArchiveWriter archive, QualifiedName table, int tableNumber, List<Column> columns) {
        this.archive = archive;
        this.table = table;
        this.tableNumber = tableNumber;
        this.profile = columns == null ? null : new ProfileBuilder(columns);
    }

    public void write(Object[] row) {
        try {
            if (current == null) {
                current = archive.newChunk(chunkName());
            }
            current.write(row);
            if (profile != null) {
                profile.add(row);
            }
            if (current.rows() >= archive.chunkRows() || current.encodedBytes() >= ArchiveFormat.CHUNK_MAX_BYTES) {
                closeChunk();
            }
        } catch (IOException e) {
            throw IoErrors.wrap(e, "writing rows of table " + table + " to", archive.resolve(chunkName()));
        }
    }

    /** Encoded bytes written so far in the open chunk plus closed chunks' compressed bytes (progress only). */
    public long bytesSoFar() {
        return chunks.stream().mapToLong(Manifest.ChunkEntry::bytes).sum() + (current == null ? 0 : current.encodedBytes() / 4);
    }

    /** Ends the table; a table with no rows still gets one (empty) chunk so its proof is explicit. */
    public Manifest.TableEntry finish() {
        try {
            if (current == null && chunks.isEmpty()) {
                current = archive.newChunk(chunkName());
            }
            if (current != null) {
                closeChunk();
            }
        } catch (IOException e) {
            throw IoErrors.wrap(e, "finishing table " + table + " in", archive.resolve(chunkName()));
        }
        long bytes = chunks.stream().mapToLong(Manifest.ChunkEntry::bytes).sum();
        return new Manifest.TableEntry(table, total.rows(), total.hex(), bytes, chunks,
                profile == null ? null : profile.build());
    }

    void abandon() {
        if (current != null) {
            current.abandon();
        }
    }

    private void closeChunk() throws IOException {
        chunks.add(current.finish());
        total.add(current.hasher().hash());
        current = null;
    }

    private String chunkName() {
        return ArchiveFormat.DATA_DIR + "/" + String.format(Locale.ROOT, "t%05d-c%05d.rows.zst", tableNumber, chunks.size());
    }

    Path directory() {
        return archive.resolve(ArchiveFormat.DATA_DIR);
    }
}
