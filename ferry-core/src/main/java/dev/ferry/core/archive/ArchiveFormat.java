package dev.ferry.core.archive;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Constants and the JSON mapper of the archive format. */
public final class ArchiveFormat {
    /**
     * Incremented on any incompatible change; readers refuse newer versions. 2: excluded data, file
     * trees, secrets and encryption (a reader of version 1 would silently ignore the first three).
     */
    public static final int VERSION = 2;
    public static final String MANIFEST = "manifest.json";
    /** The real manifest of an encrypted archive, sealed; {@code manifest.json} is then only its envelope. */
    public static final String SEALED_MANIFEST = "manifest.sealed";
    public static final String FILES_DIR = "files";
    public static final String SECRETS_DIR = "secrets";
    public static final String MANIFEST_CHECKSUM = "manifest.json.sha256";
    public static final String SCHEMA = "schema.json";
    public static final String DATA_DIR = "data";
    /** The first bytes of every (decompressed) row chunk. */
    static final byte[] CHUNK_MAGIC = "FERRYROWS1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** A chunk is closed after this many rows (by default; a backup may ask for fewer) ... */
    public static final long CHUNK_MAX_ROWS = 1_000_000;
    /** ... or this many encoded (uncompressed) bytes, whichever comes first. */
    static final long CHUNK_MAX_BYTES = 256L * 1024 * 1024;

    /** Reading is strict: a key given twice, a null for a number, or anything after the document is damage. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(com.fasterxml.jackson.databind.MapperFeature.AUTO_DETECT_IS_GETTERS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ArchiveFormat() {
    }

    /** The shared mapper (thread-safe), for callers that print manifests as JSON. */
    public static ObjectMapper json() {
        return JSON;
    }
}
