package dev.ferry.core.archive;

import dev.ferry.core.archive.crypto.EncryptionHeader;
import java.util.List;

/**
 * The plaintext {@code manifest.json} of an encrypted archive: what is needed to derive the key and
 * find the sealed manifest, and nothing of the data. {@code tables} is always empty: it makes a reader
 * of format 1 parse this envelope and refuse it by its version instead of calling it damaged.
 */
record SealedEnvelope(int formatVersion, String ferryVersion, EncryptionHeader encryption, Manifest.FileEntry manifest,
                      List<Object> tables) {
    SealedEnvelope {
        tables = List.of();
    }
}
