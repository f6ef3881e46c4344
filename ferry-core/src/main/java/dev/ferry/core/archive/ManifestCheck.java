package dev.ferry.core.archive;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a parsed manifest for what JSON parsing cannot: required fields, sane numbers, well-formed
 * hashes, safe and unique file names, unique tables, and per table that its chunks add up. A manifest
 * that passes can be used without further null or range checks; one that fails is reported as damage.
 */
final class ManifestCheck {
    private static final Pattern CHUNK_NAME = Pattern.compile("data/t\\d{5}-c\\d{5}\\.rows\\.zst");
    private static final Pattern CONTENT_HASH = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Set<String> files = new HashSet<>();

    private ManifestCheck() {
    }

    /** Returns {@code m} if it is usable; otherwise throws ARCHIVE_CORRUPT naming the first problem. */
    static Manifest require(Manifest m) {
        new ManifestCheck().check(m);
        return m;
    }

    private void check(Manifest m) {
        require(m.formatVersion() >= 1, "formatVersion " + m.formatVersion() + " is not a Ferry archive format");
        require(m.source() != null && m.source().engine() != null && !m.source().engine().isBlank(),
                "the source engine is missing");
        Set<Object> tables = new HashSet<>();
        for (Manifest.TableEntry t : m.tables()) {
            require(t != null && t.name() != null, "a table entry has no name");
            require(tables.add(t.name()), "table " + t.name() + " is listed twice");
            checkTable(t);
        }
        for (Manifest.FileEntry f : m.files()) {
            require(f != null && ArchivePaths.isPlainName(f.file()) && !f.file().contains("/"),
                    "a file entry names an unsafe path '" + ArchivePaths.printable(f == null ? null : f.file()) + "'");
            require(f.bytes() >= 0 && isSha256(f.sha256()), "the entry of " + f.file() + " has an invalid size or SHA-256");
            require(files.add(f.file()), f.file() + " is listed twice");
        }
    }

    private void checkTable(Manifest.TableEntry t) {
        String table = "table " + ArchivePaths.printable(t.name().toString());
        require(t.rows() >= 0 && t.bytes() >= 0 && isContentHash(t.hash()), table + " has an invalid row count, size or hash");
        require(!t.chunks().isEmpty(), table + " lists no data file");
        long rows = 0;
        long bytes = 0;
        for (Manifest.ChunkEntry c : t.chunks()) {
            require(c != null && c.file() != null && CHUNK_NAME.matcher(c.file()).matches(),
                    table + " names an invalid data file '" + ArchivePaths.printable(c == null ? null : c.file()) + "'");
            require(files.add(c.file()), "data file " + c.file() + " is listed twice");
            require(c.rows() >= 0 && c.bytes() >= 0 && isContentHash(c.hash()) && isSha256(c.sha256()),
                    "data file " + c.file() + " has an invalid row count, size, hash or SHA-256");
            rows += c.rows();
            bytes += c.bytes();
            require(rows >= 0 && bytes >= 0, table + " has impossible totals");
        }
        require(rows == t.rows() && bytes == t.bytes(), table + " says " + t.rows() + " rows and " + t.bytes()
                + " bytes but its data files add up to " + rows + " rows and " + bytes + " bytes");
    }

    private static boolean isContentHash(String s) {
        return s != null && CONTENT_HASH.matcher(s).matches();
    }

    private static boolean isSha256(String s) {
        return s != null && SHA256.matcher(s).matches();
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw ArchiveReader.corrupt(ArchiveFormat.MANIFEST + ": " + problem, null);
        }
    }
}
