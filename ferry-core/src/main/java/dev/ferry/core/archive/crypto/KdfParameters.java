package dev.ferry.core.archive.crypto;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * How an archive's key is derived from its passphrase: Argon2id (RFC 9106) with these costs and a
 * random salt, stored in the archive's plaintext header so the same key can be derived again.
 *
 * @param algorithm   always {@code argon2id}
 * @param version     the Argon2 version, 19 (0x13)
 * @param memoryKiB   memory cost in KiB
 * @param iterations  time cost (passes over the memory)
 * @param parallelism lanes
 * @param salt        16 random bytes, hex
 */
public record KdfParameters(String algorithm, int version, int memoryKiB, int iterations, int parallelism, String salt) {
    public static final String ARGON2ID = "argon2id";
    public static final int ARGON2_VERSION = 0x13;
    /** RFC 9106's second recommended option: 64 MiB, 3 passes, 4 lanes (about 0.3 s here). */
    public static final int DEFAULT_MEMORY_KIB = 64 * 1024;
    public static final int DEFAULT_ITERATIONS = 3;
    public static final int DEFAULT_PARALLELISM = 4;
    /** Readers refuse costs above these: a damaged or hostile header must not exhaust memory or time. */
    static final int MAX_MEMORY_KIB = 1024 * 1024;
    static final int MAX_ITERATIONS = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The default costs with a new random salt. */
    public static KdfParameters argon2id() {
        return argon2id(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /** Other costs (e.g. cheaper ones in tests) with a new random salt. */
    public static KdfParameters argon2id(int memoryKiB, int iterations, int parallelism) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        KdfParameters p = new KdfParameters(ARGON2ID, ARGON2_VERSION, memoryKiB, iterations, parallelism,
                HexFormat.of().formatHex(salt));
        p.requirePlausible();
        return p;
    }

    byte[] saltBytes() {
        return HexFormat.of().parseHex(salt);
    }

    /** Refuses parameters this reader would not derive with (unknown algorithm, absurd costs, short salt). */
    void requirePlausible() {
        String problem = null;
        if (!ARGON2ID.equals(algorithm) || version != ARGON2_VERSION) {
            problem = "key derivation " + algorithm + " version " + version + " is not argon2id version 19";
        } else if (parallelism < 1 || parallelism > 16 || memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            problem = "Argon2id memory " + memoryKiB + " KiB with " + parallelism + " lanes is out of range";
        } else if (iterations < 1 || iterations > MAX_ITERATIONS) {
            problem = "Argon2id iterations " + iterations + " is out of range";
        } else if (salt == null || !salt.matches("[0-9a-f]{32,128}")) {
            problem = "the Argon2id salt is missing or malformed";
        }
        if (problem != null) {
            throw new FerryException(ErrorCode.ARCHIVE_CORRUPT, "The archive's encryption header is unusable: " + problem
                    + ". The archive is damaged or was not written by Ferry.");
        }
    }
}
