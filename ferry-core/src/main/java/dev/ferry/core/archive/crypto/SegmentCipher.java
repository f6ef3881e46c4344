package dev.ferry.core.archive.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over the segments of one sealed file (JDK {@code javax.crypto}). The nonce of segment
 * {@code i} is {@code noncePrefix(7) || uint32_be(i) || lastFlag(1)}, so every segment is bound to its
 * position and the last one is marked: reordering, dropping, truncating or appending segments fails
 * authentication. The file header is the associated data of every segment.
 */
final class SegmentCipher {
    static final int TAG_BYTES = 16;
    static final int SALT_BYTES = 16;
    static final int NONCE_PREFIX_BYTES = 7;
    static final byte[] MAGIC = {'F', 'E', 'R', 'R', 'Y', 'S', 'E', 'A', 'L', 1};
    static final int HEADER_BYTES = MAGIC.length + SALT_BYTES + NONCE_PREFIX_BYTES;
    static final long MAX_SEGMENTS = 1L << 32;

    private final SecretKeySpec key;
    private final byte[] header;
    private final Cipher cipher;

    SegmentCipher(byte[] fileKey, byte[] header) {
        this.key = new SecretKeySpec(fileKey, "AES");
        this.header = header.clone();
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has AES/GCM/NoPadding", e);
        }
    }

    /** Encrypts {@code len} bytes of {@code in} into {@code out}; returns the ciphertext length (len + 16). */
    int encrypt(byte[] in, int len, byte[] out, long index, boolean last) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, nonce(index, last));
            cipher.updateAAD(header);
            return cipher.doFinal(in, 0, len, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e, e);
        }
    }

    /** Decrypts one segment; returns the plaintext length. */
    int decrypt(byte[] in, int len, byte[] out, long index, boolean last) throws SealedDataException {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, nonce(index, last));
            cipher.updateAAD(header);
            return cipher.doFinal(in, 0, len, out, 0);
        } catch (AEADBadTagException e) {
            throw new SealedDataException("segment " + index + " fails authentication (damaged, truncated, reordered,"
                    + " renamed or from another archive)", e);
        } catch (GeneralSecurityException e) {
            throw new SealedDataException("segment " + index + " cannot be decrypted: " + e, e);
        }
    }

    private GCMParameterSpec nonce(long index, boolean last) {
        if (index >= MAX_SEGMENTS) {
            throw new IllegalStateException("a sealed file cannot have more than 2^32 segments");
        }
        ByteBuffer nonce = ByteBuffer.allocate(NONCE_PREFIX_BYTES + 5);
        nonce.put(header, MAGIC.length + SALT_BYTES, NONCE_PREFIX_BYTES);
        nonce.putInt((int) index);
        nonce.put((byte) (last ? 1 : 0));
        return new GCMParameterSpec(TAG_BYTES * 8, nonce.array());
    }
}
