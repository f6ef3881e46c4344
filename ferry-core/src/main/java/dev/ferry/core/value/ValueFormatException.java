package dev.ferry.core.value;

import java.io.IOException;

/** Encoded data that cannot be decoded: truncated, a bad tag, an impossible length. */
public class ValueFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ValueFormatException(String message) {
        super(message);
    }
}
