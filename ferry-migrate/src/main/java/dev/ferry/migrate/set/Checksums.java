package dev.ferry.migrate.set;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Script checksums: SHA-256 of the text with a byte-order mark removed and CRLF/CR line endings
 * made LF, so checking a script out on Windows does not count as editing it (Flyway's CRC32 of
 * lines is weaker: 32 bits, and blind to some edits such as moved line breaks).
 */
public final class Checksums {
    private Checksums() {
    }

    public static String of(String text) {
        String normal = withoutBom(text).replace("\r\n", "\n").replace('\r', '\n');
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
