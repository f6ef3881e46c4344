package dev.ferry.core.archive.tree;

import dev.ferry.core.archive.ArchiveInput;
import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.IOException;
import java.util.List;

/** Reads a tree's content stream across its parts, checking each part as it ends (see {@link ArchiveInput#finish}). */
final class PackInput implements AutoCloseable {
    private final ArchiveReader archive;
    private final List<Manifest.FileEntry> parts;
    private final String context;
    private int next;
    private ArchiveInput current;

    PackInput(ArchiveReader archive, List<Manifest.FileEntry> parts, String context) {
        this.archive = archive;
        this.parts = parts;
        this.context = context;
    }

    /** Like {@link java.io.InputStream#read(byte[], int, int)}: -1 once every part is read. */
    int read(byte[] b, int off, int len) {
        while (true) {
            if (current == null) {
                if (next == parts.size()) {
                    return -1;
                }
                current = archive.openFile(parts.get(next++), context, true);
            }
            int n;
            try {
                n = current.read(b, off, len);
            } catch (IOException e) {
                throw current.corrupt("cannot be read: " + e.getMessage(), e);
            }
            if (n >= 0) {
                return n;
            }
            current.finish();
            current.close();
            current = null;
        }
    }

    /** Checks that the content ends exactly where the index says: no byte and no part left over. */
    void finish() {
        if (current != null || next < parts.size()) {
            byte[] one = new byte[1];
            if (read(one, 0, 1) >= 0) {
                throw new FerryException(ErrorCode.ARCHIVE_CORRUPT, "The archive's " + context + " holds more content than"
                        + " its index lists. The archive is damaged; use another backup.");
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
