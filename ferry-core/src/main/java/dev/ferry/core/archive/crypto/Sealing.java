package dev.ferry.core.archive.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * How the bytes of an archive file are stored: as they are ({@link #NONE}) or sealed with an
 * {@link ArchiveKey}. Every file is sealed under its own name inside the archive, so a file moved to
 * another name, or taken from another archive, fails authentication.
 */
public interface Sealing {
    /** Plain archives: bytes are stored as written. */
    Sealing NONE = new Sealing() {
        @Override
        public OutputStream seal(OutputStream out, String name) {
            return out;
        }

        @Override
        public InputStream open(InputStream in, String name) {
            return in;
        }

        @Override
        public boolean encrypted() {
            return false;
        }
    };

    /** A stream that seals what is written to it into {@code out}; closing it ends (and authenticates) the file. */
    OutputStream seal(OutputStream out, String name) throws IOException;

    /** A stream of the plaintext of {@code in}; it fails with {@link SealedDataException} on any damage. */
    InputStream open(InputStream in, String name) throws IOException;

    boolean encrypted();
}
