package dev.ferry.core.archive.crypto;

import java.io.IOException;

/** A sealed file fails authentication: damaged, truncated, reordered, renamed or from another archive. */
public final class SealedDataException extends IOException {
    private static final long serialVersionUID = 1L;

    public SealedDataException(String message) {
        super(message);
    }

    public SealedDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
