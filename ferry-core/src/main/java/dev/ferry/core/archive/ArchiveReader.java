package dev.ferry.core.archive;

import com.fasterxml.jackson.core.JacksonException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Opens an archive, checks its manifest, and hands out its schema and row chunks. Nothing in the
 * archive is trusted before it is checked: the manifest against its checksum and then for
 * consistency ({@link ManifestCheck}), every file name for safety ({@link ArchivePaths}), the schema
 * against its checksum and the manifest, and row chunks by {@link ChunkReader}. Every failure is one
 * {@link FerryException}.
 */
public final class ArchiveReader {
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
        if (!Files.isDirectory(root) || ArchivePaths.regularFileOrNull(root, ArchiveFormat.MANIFEST) == null) {
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

    /** The portable schema, checked against its checksum and against the manifest's tables (both ways). */
    public Schema schema() {
        Manifest.FileEntry entry = manifest.files().stream().filter(f -> f.file().equals(ArchiveFormat.SCHEMA))
                .findFirst().orElseThrow(() -> corrupt("the manifest lists no " + ArchiveFormat.SCHEMA, null));
        byte[] bytes = readChecked(entry);
        Schema schema;
        try {
            schema = ArchiveFormat.JSON.readValue(bytes, Schema.class);
        } catch (JacksonException e) {
            throw corrupt(ArchiveFormat.SCHEMA + " cannot be parsed: " + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw corrupt(ArchiveFormat.SCHEMA + " cannot be read: " + e.getMessage(), e);
        }
        requireSameTables(schema);
        return schema;
    }

    /** Opens one chunk of a table for reading; {@code columns} is the number of loaded columns. */
    public ChunkReader openChunk(Manifest.TableEntry table, Manifest.ChunkEntry chunk, int columns) {
        Path file = ArchivePaths.regularFileOrNull(root, chunk.file());
        if (file == null) {
            throw corrupt("data file " + chunk.file() + " of table " + printable(table.name()) + " is missing", null);
        }
        return new ChunkReader(file, chunk, printable(table.name()), columns);
    }

    private void requireSameTables(Schema schema) {
        Set<QualifiedName> described = new HashSet<>();
        for (Table t : schema.tables()) {
            if (!described.add(t.name())) {
                throw corrupt(ArchiveFormat.SCHEMA + " describes table " + printable(t.name()) + " twice", null);
            }
        }
        for (Manifest.TableEntry t : manifest.tables()) {
            if (!described.remove(t.name())) {
                throw corrupt("the manifest has data for table " + printable(t.name()) + " that " + ArchiveFormat.SCHEMA
                        + " does not describe", null);
            }
        }
        if (!described.isEmpty()) {
            throw corrupt(ArchiveFormat.SCHEMA + " describes table " + printable(described.iterator().next())
                    + " that the manifest has no data for", null);
        }
    }

    private static Manifest readManifest(Path root) {
        byte[] json = read(root, ArchiveFormat.MANIFEST);
        if (ArchivePaths.regularFileOrNull(root, ArchiveFormat.MANIFEST_CHECKSUM) == null) {
            throw corrupt(ArchiveFormat.MANIFEST_CHECKSUM + " is missing", null);
        }
        String expected = new String(read(root, ArchiveFormat.MANIFEST_CHECKSUM), StandardCharsets.US_ASCII).split("\\s+")[0];
        String actual = HexFormat.of().formatHex(ChunkWriter.sha256().digest(json));
        if (!actual.equals(expected)) {
            throw corrupt(ArchiveFormat.MANIFEST + " fails its SHA-256 check", null);
        }
        Manifest m;
        try {
            m = ArchiveFormat.JSON.readValue(json, Manifest.class);
        } catch (JacksonException e) {
            throw corrupt(ArchiveFormat.MANIFEST + " cannot be parsed: " + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw corrupt(ArchiveFormat.MANIFEST + " cannot be read: " + e.getMessage(), e);
        }
        if (m.formatVersion() > ArchiveFormat.VERSION) {
            throw new FerryException(ErrorCode.ARCHIVE_UNSUPPORTED, "Archive format version " + m.formatVersion()
                    + " is newer than this Ferry reads (" + ArchiveFormat.VERSION + "); upgrade Ferry.");
        }
        return ManifestCheck.require(m);
    }

    private byte[] readChecked(Manifest.FileEntry entry) {
        byte[] bytes = read(root, entry.file());
        if (!HexFormat.of().formatHex(ChunkWriter.sha256().digest(bytes)).equals(entry.sha256())) {
            throw corrupt(entry.file() + " fails its SHA-256 check", null);
        }
        return bytes;
    }

    /** A whole (small) file of the archive, refused before reading if it could not be parsed in this heap. */
    private static byte[] read(Path root, String name) {
        Path file = ArchivePaths.regularFileOrNull(root, name);
        if (file == null) {
            throw corrupt(name + " is missing", null);
        }
        try {
            long size = Files.size(file);
            long limit = Math.min(512L << 20, Runtime.getRuntime().maxMemory() / 16);
            if (size > limit) {
                throw new FerryException(ErrorCode.UNSUPPORTED, String.format(Locale.ROOT, "The archive's %s is %.1f MiB,"
                        + " more than this Java heap can parse (%.1f MiB). Run Ferry with a larger heap, e.g."
                        + " FERRY_JAVA_OPTS=-Xmx4g, or check that the file is not damaged.", name, size / 1048576.0,
                        limit / 1048576.0));
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw corrupt(name + " cannot be read: " + e.getMessage(), e);
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

    private static String printable(QualifiedName name) {
        return ArchivePaths.printable(name.toString());
    }

    /** Jackson's message on one line, without its advice on configuring Jackson. */
    private static String oneLine(String message) {
        String text = message == null ? "" : message.replace('\n', ' ').replace('\r', ' ');
        return ArchivePaths.printable(text.replaceAll(" \\(set [A-Za-z._]+ to '[a-z]+' to allow\\)", ""));
    }

    static FerryException corrupt(String what, Throwable cause) {
        return new FerryException(ErrorCode.ARCHIVE_CORRUPT, "The archive is damaged: " + what
                + ". Use another backup.", cause);
    }
}
