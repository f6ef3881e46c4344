package dev.ferry.core.archive;

import com.fasterxml.jackson.core.JacksonException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Opens an archive, checks its manifest, and hands out its schema and row chunks. */
public final class ArchiveReader {
    private static final Pattern CHUNK_NAME = Pattern.compile("data/t\\d{5}-c\\d{5}\\.rows\\.zst");

    private final Path root;
    private final Manifest manifest;

    private ArchiveReader(Path root, Manifest manifest) {
        this.root = root;
        this.manifest = manifest;
    }

    public static ArchiveReader open(Path path) {
        Path root = path.toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            throw new FerryException(ErrorCode.ARCHIVE_NOT_FOUND, "No archive at " + root + partialHint(root)
                    + ". Check the path, or run 'ferry backup' first.");
        }
        if (!Files.isDirectory(root) || !Files.isRegularFile(root.resolve(ArchiveFormat.MANIFEST))) {
            throw new FerryException(ErrorCode.ARCHIVE_CORRUPT, root + " is not a Ferry archive (no "
                    + ArchiveFormat.MANIFEST + " inside).");
        }
        return new ArchiveReader(root, readManifest(root));
    }

    public Path root() {
        return root;
    }

    public Manifest manifest() {
        return manifest;
    }

    public Schema schema() {
        Manifest.FileEntry entry = manifest.files().stream().filter(f -> f.file().equals(ArchiveFormat.SCHEMA))
                .findFirst().orElseThrow(() -> corrupt("the manifest lists no " + ArchiveFormat.SCHEMA, null));
        byte[] bytes = readChecked(entry);
        try {
            return ArchiveFormat.JSON.readValue(bytes, Schema.class);
        } catch (JacksonException e) {
            throw corrupt(ArchiveFormat.SCHEMA + " cannot be parsed: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw corrupt(ArchiveFormat.SCHEMA + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Opens one chunk of a table for reading; {@code columns} is the number of loaded columns. */
    public ChunkReader openChunk(Manifest.TableEntry table, Manifest.ChunkEntry chunk, int columns) {
        if (!CHUNK_NAME.matcher(chunk.file()).matches()) {
            throw corrupt("the manifest names an invalid data file '" + chunk.file() + "'", null);
        }
        Path file = root.resolve(chunk.file());
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw corrupt("data file " + chunk.file() + " of table " + table.name() + " is missing", null);
        }
        return new ChunkReader(file, chunk, table.name().toString(), columns);
    }

    private static Manifest readManifest(Path root) {
        byte[] json = read(root.resolve(ArchiveFormat.MANIFEST));
        Path sumFile = root.resolve(ArchiveFormat.MANIFEST_CHECKSUM);
        if (!Files.isRegularFile(sumFile)) {
            throw corrupt(ArchiveFormat.MANIFEST_CHECKSUM + " is missing", null);
        }
        String expected = new String(read(sumFile), StandardCharsets.US_ASCII).split("\\s+")[0];
        String actual = HexFormat.of().formatHex(ChunkWriter.sha256().digest(json));
        if (!actual.equals(expected)) {
            throw corrupt(ArchiveFormat.MANIFEST + " fails its SHA-256 check", null);
        }
        try {
            Manifest m = ArchiveFormat.JSON.readValue(json, Manifest.class);
            if (m.formatVersion() > ArchiveFormat.VERSION) {
                throw new FerryException(ErrorCode.ARCHIVE_UNSUPPORTED, "Archive format version " + m.formatVersion()
                        + " is newer than this Ferry reads (" + ArchiveFormat.VERSION + "); upgrade Ferry.");
            }
            return m;
        } catch (JacksonException e) {
            throw corrupt(ArchiveFormat.MANIFEST + " cannot be parsed: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw corrupt(ArchiveFormat.MANIFEST + " cannot be read: " + e.getMessage(), e);
        }
    }

    private byte[] readChecked(Manifest.FileEntry entry) {
        byte[] bytes = read(root.resolve(entry.file()));
        if (!HexFormat.of().formatHex(ChunkWriter.sha256().digest(bytes)).equals(entry.sha256())) {
            throw corrupt(entry.file() + " fails its SHA-256 check", null);
        }
        return bytes;
    }

    private static byte[] read(Path file) {
        try {
            if (Files.size(file) > 512L * 1024 * 1024) {
                throw corrupt(file.getFileName() + " is implausibly large", null);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw corrupt(file.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String partialHint(Path root) {
        try (var siblings = Files.list(root.getParent())) {
            return siblings.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("." + root.getFileName() + ArchiveWriter.PARTIAL_MARKER))
                    .findFirst().map(n -> " (only an unfinished backup, " + n + ", which is not usable)").orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static FerryException corrupt(String what, Throwable cause) {
        return new FerryException(ErrorCode.ARCHIVE_CORRUPT, "The archive is damaged: " + what
                + ". Use another backup.", cause);
    }
}
