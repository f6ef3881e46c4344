package dev.ferry.core.archive.tree;

import dev.ferry.core.archive.ArchiveFormat;
import dev.ferry.core.archive.ArchiveOutput;
import dev.ferry.core.archive.ArchiveWriter;
import dev.ferry.core.archive.Manifest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The content stream of one tree: every file's bytes, one after the other in index order, split
 * into parts of {@code partBytes} (uncompressed) at any byte, each part its own zstd (and sealed) file.
 */
final class PackOutput {
    private final ArchiveWriter archive;
    private final int tree;
    private final long partBytes;
    private final List<Manifest.FileEntry> parts = new ArrayList<>();
    private ArchiveOutput current;

    PackOutput(ArchiveWriter archive, int tree, long partBytes) {
        this.archive = archive;
        this.tree = tree;
        this.partBytes = partBytes;
    }

    void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (current == null) {
                current = archive.newFile(partName(tree, parts.size()), archive.compressionLevel());
            }
            int n = (int) Math.min(len, partBytes - current.written());
            current.write(b, off, n);
            off += n;
            len -= n;
            if (current.written() >= partBytes) {
                parts.add(current.finish());
                current = null;
            }
        }
    }

    List<Manifest.FileEntry> finish() throws IOException {
        if (current != null) {
            parts.add(current.finish());
            current = null;
        }
        return parts;
    }

    void abandon() {
        if (current != null) {
            current.abandon();
        }
    }

    static String indexName(int tree) {
        return ArchiveFormat.FILES_DIR + "/" + String.format(Locale.ROOT, "d%05d-index.jsonl.zst", tree);
    }

    static String partName(int tree, int part) {
        return ArchiveFormat.FILES_DIR + "/" + String.format(Locale.ROOT, "d%05d-p%05d.zst", tree, part);
    }
}
