package dev.ferry.core.archive.crypto;

/**
 * The plaintext description of an encrypted archive's key and cipher, in its {@code manifest.json}.
 * Holds nothing secret: the salt and costs to derive the key again, and a key check that tells a
 * wrong passphrase from a damaged file.
 *
 * @param cipher      {@link ArchiveKey#CIPHER}
 * @param segmentSize plaintext bytes per segment
 * @param kdf         how the key is derived from the passphrase
 * @param keyCheck    HKDF-SHA256 of the key with info {@code "ferry key check v1"}, hex
 */
public record EncryptionHeader(String cipher, int segmentSize, KdfParameters kdf, String keyCheck) {
}
