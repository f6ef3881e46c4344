package dev.ferry.core.archive;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.archive.crypto.ArchiveKey;
import dev.ferry.core.archive.crypto.Passphrase;
import dev.ferry.core.archive.crypto.Sealing;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Opens an archive, checks its manifest, and hands out its schema, row chunks and other files. An
 * encrypted archive needs its passphrase: the key is derived and checked in {@link #open}, so a wrong
 * passphrase fails there, before anything else happens; every file is then opened through the key.
 * Nothing in the archive is trusted before it is checked: the manifest against its checksum and then
 * for consistency ({@link ManifestCheck}), every file name for safety ({@link ArchivePaths}: no
 * links, nothing but regular files), the schema against its checksum and the manifest's tables, and
 * row chunks by {@link ChunkReader}. Every failure is one {@link FerryException}.
 */
public final class ArchiveReader {
    private static final Pattern CHUNK_NAME = Pattern.compile("data/t\\d{5}-c\\d{5}\\.rows\\.zst");
    private static final Pattern OTHER_NAME = Pattern.compile(
            "files/d\\d{5}-(index\\.jsonl|p\\d{5})\\.zst|secrets/s\\d{5}\\.bin");

    private final Path root;
    private final Manifest manifest;
    private final Sealing sealing;

    private ArchiveReader(Path root, Manifest manifest, Sealing sealing) {
        this.root = root;
        this.manifest = manifest;
        this.sealing = sealing;
    }

    /** Opens a plain archive (an encrypted one fails with a usage error asking for the passphrase). */
    public static ArchiveReader open(Path path) {
        return open(path, null);
    }

    /** Opens an archive; {@code passphrase} is needed for an encrypted one and ignored for a plain one. */
    public static ArchiveReader open(Path path, Passphrase passphrase) {
        Path root = path.toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            throw new FerryException(ErrorCode.ARCHIVE_NOT_FOUND, "No archive at " + root + partialHint(root)
                    + ". Check the path, or run 'ferry backup' first.");
        }
        if (!Files.isDirectory(root) || ArchivePaths.regularFileOrNull(root, ArchiveFormat.MANIFEST) == null) {
            throw new FerryException(ErrorCode.ARCHIVE_CORRUPT, root + " is not a Ferry archive (no "
                    + ArchiveFormat.MANIFEST + " inside).");
        }
        JsonNode top = parse(readManifestFile(root), ArchiveFormat.MANIFEST);
        if (!top.has("encryption")) {
            return new ArchiveReader(root, toManifest(top), Sealing.NONE);
        }
        SealedEnvelope envelope = convert(top, SealedEnvelope.class, ArchiveFormat.MANIFEST);
        requireReadable(envelope.formatVersion());
        if (passphrase == null) {
            throw new FerryException(ErrorCode.USAGE, "Archive " + root + " is encrypted: pass its passphrase with"
                    + " --passphrase-env VAR or --passphrase-file PATH.");
        }
        ArchiveKey key = ArchiveKey.open(envelope.encryption(), passphrase, root.toString());
        Manifest.FileEntry sealed = envelope.manifest();
        if (sealed == null || !ArchiveFormat.SEALED_MANIFEST.equals(sealed.file())) {
            throw corrupt("the envelope does not name " + ArchiveFormat.SEALED_MANIFEST, null);
        }
        byte[] json = open(readChecked(root, sealed), key, sealed.file());
        return new ArchiveReader(root, toManifest(parse(json, ArchiveFormat.SEALED_MANIFEST)), key);
    }

    public Path root() {
        return root;
    }

    public Manifest manifest() {
        return manifest;
    }

    public boolean encrypted() {
        return sealing.encrypted();
    }

    /** The portable schema, checked against its checksum and against the manifest's tables (both ways). */
    public Schema schema() {
        Manifest.FileEntry entry = manifest.files().stream().filter(f -> f.file().equals(ArchiveFormat.SCHEMA))
                .findFirst().orElseThrow(() -> corrupt("the manifest lists no " + ArchiveFormat.SCHEMA, null));
        byte[] bytes = open(readChecked(root, entry), sealing, entry.file());
        Schema schema = convert(parse(bytes, ArchiveFormat.SCHEMA), Schema.class, ArchiveFormat.SCHEMA);
        requireSameTables(schema);
        return schema;
    }

    /** Opens one chunk of a table for reading; {@code columns} is the number of loaded columns. */
    public ChunkReader openChunk(Manifest.TableEntry table, Manifest.ChunkEntry chunk, int columns) {
        return openChunk(table, chunk, columns, true);
    }

    /**
     * As {@link #openChunk(Manifest.TableEntry, Manifest.ChunkEntry, int)}; without {@code hashRows} the
     * rows' content hash is not recomputed (see {@link ChunkReader}); size, SHA-256, encoding and row
     * count are checked regardless.
     */
    public ChunkReader openChunk(Manifest.TableEntry table, Manifest.ChunkEntry chunk, int columns, boolean hashRows) {
        if (!CHUNK_NAME.matcher(chunk.file()).matches()) {
            throw corrupt("the manifest names an invalid data file '" + chunk.file() + "'", null);
        }
        Path file = ArchivePaths.regularFileOrNull(root, chunk.file());
        if (file == null) {
            throw corrupt("data file " + chunk.file() + " of table " + printable(table.name()) + " is missing", null);
        }
        return new ChunkReader(file, chunk, printable(table.name()), columns, sealing, hashRows);
    }

    /**
     * Opens a file of a tree or a secret in one checked pass (see {@link ArchiveInput});
     * {@code context} names what it belongs to in error messages.
     */
    public ArchiveInput openFile(Manifest.FileEntry entry, String context, boolean compressed) {
        if (entry == null || !OTHER_NAME.matcher(entry.file()).matches()) {
            throw corrupt("the manifest names an invalid file '" + (entry == null ? null : entry.file()) + "' for "
                    + context, null);
        }
        Path file = ArchivePaths.regularFileOrNull(root, entry.file());
        if (file == null) {
            throw corrupt("file " + entry.file() + " of " + context + " is missing", null);
        }
        return new ArchiveInput(file, entry, context, sealing, compressed);
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

    private static byte[] readManifestFile(Path root) {
        byte[] json = read(root, ArchiveFormat.MANIFEST);
        if (ArchivePaths.regularFileOrNull(root, ArchiveFormat.MANIFEST_CHECKSUM) == null) {
            throw corrupt(ArchiveFormat.MANIFEST_CHECKSUM + " is missing", null);
        }
        String expected = HexFormat.of().formatHex(ChunkWriter.sha256().digest(json)) + "  " + ArchiveFormat.MANIFEST + "\n";
        if (!new String(read(root, ArchiveFormat.MANIFEST_CHECKSUM), StandardCharsets.US_ASCII).equals(expected)) {
            throw corrupt(ArchiveFormat.MANIFEST + " fails its SHA-256 check", null);
        }
        return json;
    }

    private static Manifest toManifest(JsonNode json) {
        Manifest m = convert(json, Manifest.class, ArchiveFormat.MANIFEST);
        requireReadable(m.formatVersion());
        return ManifestCheck.require(m);
    }

    private static void requireReadable(int formatVersion) {
        if (formatVersion > ArchiveFormat.VERSION) {
            throw new FerryException(ErrorCode.ARCHIVE_UNSUPPORTED, "Archive format version " + formatVersion
                    + " is newer than this Ferry reads (" + ArchiveFormat.VERSION + "); upgrade Ferry.");
        }
    }

    /** The document, which must be a JSON object (found by fuzzing: {@code null} and empty input used to crash). */
    private static JsonNode parse(byte[] json, String name) {
        try {
            JsonNode node = ArchiveFormat.JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw corrupt(name + " is not a JSON object", null);
            }
            return node;
        } catch (JacksonException e) {
            throw corrupt(name + " cannot be parsed: " + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw corrupt(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static <T> T convert(JsonNode json, Class<T> type, String name) {
        try {
            return ArchiveFormat.JSON.treeToValue(json, type);
        } catch (JacksonException e) {
            throw corrupt(name + " cannot be parsed: " + oneLine(e.getOriginalMessage()), e);
        } catch (IllegalArgumentException e) {
            throw corrupt(name + " cannot be parsed: " + oneLine(e.getMessage()), e);
        }
    }

    private static byte[] open(byte[] stored, Sealing sealing, String name) {
        try (InputStream in = sealing.open(new ByteArrayInputStream(stored), name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw corrupt(name + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private static byte[] readChecked(Path root, Manifest.FileEntry entry) {
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
