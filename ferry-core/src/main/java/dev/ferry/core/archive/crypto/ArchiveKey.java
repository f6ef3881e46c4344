package dev.ferry.core.archive.crypto;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The key of one encrypted archive: 32 bytes derived from the passphrase with Argon2id. Each file is
 * sealed with its own AES-256 key, HKDF-SHA256 of this key with the file's random salt and its name
 * in the archive as info, in segments (see {@link SegmentCipher}).
 */
public final class ArchiveKey implements Sealing {
    /** The construction's name in the header; readers refuse any other. */
    public static final String CIPHER = "AES-256-GCM-STREAM-HKDF-SHA256-v1";
    /** Plaintext bytes per segment. */
    public static final int SEGMENT_SIZE = 64 * 1024;

    private static final byte[] KEY_CHECK_INFO = "ferry key check v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FILE_KEY_INFO = "ferry sealed file v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final EncryptionHeader header;

    private ArchiveKey(byte[] key, KdfParameters kdf, int segmentSize) {
        this.key = key;
        this.header = new EncryptionHeader(CIPHER, segmentSize, kdf, HexFormat.of().formatHex(hkdf(new byte[0], KEY_CHECK_INFO)));
    }

    /** A new key for a new archive: the costs of {@code encryption}, always with a new random salt. */
    public static ArchiveKey create(Encryption encryption) {
        KdfParameters costs = encryption.kdf();
        KdfParameters kdf = KdfParameters.argon2id(costs.memoryKiB(), costs.iterations(), costs.parallelism());
        return new ArchiveKey(argon2id(encryption.passphrase(), kdf), kdf, SEGMENT_SIZE);
    }

    /**
     * The key of an existing archive, derived again from its header; a wrong passphrase is one clear
     * {@link ErrorCode#WRONG_PASSPHRASE} before anything is decrypted.
     */
    public static ArchiveKey open(EncryptionHeader header, Passphrase passphrase, String archive) {
        if (header == null || !CIPHER.equals(header.cipher()) || header.kdf() == null || header.keyCheck() == null
                || header.segmentSize() < 1024 || header.segmentSize() > 16 * 1024 * 1024) {
            throw new FerryException(ErrorCode.ARCHIVE_UNSUPPORTED, "Archive " + archive + " is encrypted with "
                    + (header == null ? "an unknown method" : header.cipher() + ", segments of " + header.segmentSize())
                    + ", which this Ferry cannot open; upgrade Ferry.");
        }
        header.kdf().requirePlausible();
        requireHeap(header.kdf(), archive);
        ArchiveKey key = new ArchiveKey(argon2id(passphrase, header.kdf()), header.kdf(), header.segmentSize());
        if (!MessageDigest.isEqual(key.header.keyCheck().getBytes(StandardCharsets.US_ASCII),
                header.keyCheck().getBytes(StandardCharsets.US_ASCII))) {
            throw new FerryException(ErrorCode.WRONG_PASSPHRASE, "Wrong passphrase for encrypted archive " + archive
                    + ": it does not derive the archive's key. Check --passphrase-env / --passphrase-file.");
        }
        return key;
    }

    public EncryptionHeader header() {
        return header;
    }

    @Override
    public OutputStream seal(OutputStream out, String name) throws IOException {
        byte[] fileHeader = new byte[SegmentCipher.HEADER_BYTES];
        System.arraycopy(SegmentCipher.MAGIC, 0, fileHeader, 0, SegmentCipher.MAGIC.length);
        byte[] random = new byte[SegmentCipher.SALT_BYTES + SegmentCipher.NONCE_PREFIX_BYTES];
        RANDOM.nextBytes(random);
        System.arraycopy(random, 0, fileHeader, SegmentCipher.MAGIC.length, random.length);
        return new SealedOutputStream(out, cipherFor(name, fileHeader), fileHeader, header.segmentSize());
    }

    @Override
    public InputStream open(InputStream in, String name) throws IOException {
        byte[] fileHeader = in.readNBytes(SegmentCipher.HEADER_BYTES);
        if (fileHeader.length < SegmentCipher.HEADER_BYTES
                || !Arrays.equals(fileHeader, 0, SegmentCipher.MAGIC.length, SegmentCipher.MAGIC, 0, SegmentCipher.MAGIC.length)) {
            throw new SealedDataException("it does not start with a Ferry sealed-file header");
        }
        return new SealedInputStream(in, cipherFor(name, fileHeader), header.segmentSize());
    }

    @Override
    public boolean encrypted() {
        return true;
    }

    private SegmentCipher cipherFor(String name, byte[] fileHeader) {
        byte[] salt = Arrays.copyOfRange(fileHeader, SegmentCipher.MAGIC.length, SegmentCipher.MAGIC.length + SegmentCipher.SALT_BYTES);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] info = Arrays.copyOf(FILE_KEY_INFO, FILE_KEY_INFO.length + nameBytes.length);
        System.arraycopy(nameBytes, 0, info, FILE_KEY_INFO.length, nameBytes.length);
        return new SegmentCipher(hkdf(salt, info), fileHeader);
    }

    private byte[] hkdf(byte[] salt, byte[] info) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(key, salt, info));
        byte[] out = new byte[32];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }

    private static byte[] argon2id(Passphrase passphrase, KdfParameters kdf) {
        Argon2BytesGenerator argon = new Argon2BytesGenerator();
        argon.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(kdf.version())
                .withSalt(kdf.saltBytes()).withMemoryAsKB(kdf.memoryKiB()).withIterations(kdf.iterations())
                .withParallelism(kdf.parallelism()).build());
        byte[] out = new byte[32];
        char[] chars = passphrase.chars();
        try {
            argon.generateBytes(chars, out);
        } finally {
            Arrays.fill(chars, '\0');
        }
        return out;
    }

    private static void requireHeap(KdfParameters kdf, String archive) {
        long needed = kdf.memoryKiB() * 1024L;
        long available = Runtime.getRuntime().maxMemory();
        if (available != Long.MAX_VALUE && needed > available - 32L * 1024 * 1024) {
            throw new FerryException(ErrorCode.USAGE, "Opening encrypted archive " + archive + " needs " + (needed >> 20)
                    + " MiB of memory for Argon2id, more than this Java process may use (" + (available >> 20)
                    + " MiB); give Java more memory, e.g. JAVA_OPTS=-Xmx" + ((needed >> 20) + 256) + "m.");
        }
    }
}
