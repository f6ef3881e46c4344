package dev.ferry.core.archive;

import dev.ferry.core.model.Schema;
import java.nio.file.Path;

/** Reads a whole archive as verify and restore do: manifest, schema, then every row of every chunk. */
final class ArchiveDrain {
    private ArchiveDrain() {
    }

    /** The number of rows read; throws what the reader throws. */
    static long readAll(Path archive) {
        ArchiveReader reader = ArchiveReader.open(archive);
        Schema schema = reader.schema();
        long rows = 0;
        for (Manifest.TableEntry entry : reader.manifest().tables()) {
            int columns = schema.table(entry.name()).orElseThrow().loadedColumns().size();
            for (Manifest.ChunkEntry chunk : entry.chunks()) {
                try (ChunkReader r = reader.openChunk(entry, chunk, columns)) {
                    while (r.next() != null) {
                        rows++;
                    }
                }
            }
        }
        return rows;
    }
}
