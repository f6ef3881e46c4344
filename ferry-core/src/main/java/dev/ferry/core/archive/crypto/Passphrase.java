package dev.ferry.core.archive.crypto;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The passphrase of an encrypted archive. Never printed ({@link #toString} hides it), never written
 * anywhere; taken from an environment variable or a file so it does not appear in a process list.
 */
public final class Passphrase {
    private final char[] chars;

    private Passphrase(char[] chars) {
        this.chars = chars.clone();
    }

    public static Passphrase of(String value) {
        if (value == null || value.isEmpty()) {
            throw new FerryException(ErrorCode.USAGE, "The passphrase is empty; an encrypted archive needs a passphrase.");
        }
        return new Passphrase(value.toCharArray());
    }

    /** The value of environment variable {@code name}. */
    public static Passphrase fromEnvironment(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new FerryException(ErrorCode.USAGE, "--passphrase-env " + name + ": that environment variable is not set."
                    + " Export it first, e.g. export " + name + "=...");
        }
        if (value.isEmpty()) {
            throw new FerryException(ErrorCode.USAGE, "--passphrase-env " + name + ": that environment variable is empty.");
        }
        return new Passphrase(value.toCharArray());
    }

    /** The content of a file (UTF-8), without one trailing line break. */
    public static Passphrase fromFile(Path file) {
        String value;
        try {
            value = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.USAGE, "--passphrase-file " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (value.endsWith("\n")) {
            value = value.substring(0, value.length() - (value.endsWith("\r\n") ? 2 : 1));
        }
        if (value.isEmpty()) {
            throw new FerryException(ErrorCode.USAGE, "--passphrase-file " + file + " is empty.");
        }
        return new Passphrase(value.toCharArray());
    }

    char[] chars() {
        return chars.clone();
    }

    @Override
    public String toString() {
        return "Passphrase[hidden]";
    }
}
