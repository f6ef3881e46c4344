package dev.ferry.core.archive;

import dev.ferry.core.archive.crypto.ArchiveKey;
import dev.ferry.core.archive.crypto.Encryption;
import dev.ferry.core.archive.crypto.Sealing;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Writes an archive atomically: everything goes into a hidden sibling directory
 * ({@code .<name>.ferry-partial-<id>}) that is renamed to the final path only by {@link #commit}.
 * A failed or killed backup leaves at most that partial directory, never something that looks
 * like a complete archive. {@link #openTable} may be called from several threads. An encrypted
 * archive seals every file it writes (see {@link Sealing}); callers write the same way either way.
 */
public final class ArchiveWriter implements AutoCloseable {
    /** The marker in the names of unfinished archive directories. */
    public static final String PARTIAL_MARKER = ".ferry-partial-";

    private final Path target;
    private final Path temp;
    private final int compressionLevel;
    private final Sealing sealing;
    private final List<Manifest.FileEntry> files = new ArrayList<>();
    private final List<Manifest.TreeEntry> trees = new ArrayList<>();
    private final List<Manifest.SecretEntry> secrets = new ArrayList<>();
    private final List<TableWriter> openTables = new ArrayList<>();
    private boolean committed;
    private long chunkRows = ArchiveFormat.CHUNK_MAX_ROWS;

    private ArchiveWriter(Path target, Path temp, int compressionLevel, Sealing sealing) {
        this.target = target;
        this.temp = temp;
        this.compressionLevel = compressionLevel;
        this.sealing = sealing;
    }

    /** Starts a new plain archive at {@code target}, which must not exist yet. */
    public static ArchiveWriter create(Path target, int compressionLevel) {
        return create(target, compressionLevel, null);
    }

    /**
     * Starts a new archive at {@code target}, which must not exist yet; encrypted when
     * {@code encryption} is not null (the key is derived here, before anything is written).
     */
    public static ArchiveWriter create(Path target, int compressionLevel, Encryption encryption) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new FerryException(ErrorCode.TARGET_NOT_EMPTY, "Archive path " + absolute
                    + " already exists; Ferry never overwrites an archive. Choose a new path or remove the old one.");
        }
        Path parent = absolute.getParent();
        Sealing sealing = encryption == null ? Sealing.NONE : ArchiveKey.create(encryption);
        Path temp = parent.resolve("." + absolute.getFileName() + PARTIAL_MARKER + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(parent);
            Files.createDirectories(temp.resolve(ArchiveFormat.DATA_DIR));
        } catch (IOException e) {
            throw IoErrors.wrap(e, "creating the archive directory", temp);
        }
        return new ArchiveWriter(absolute, temp, compressionLevel, sealing);
    }

    public Path target() {
        return target;
    }

    Path resolve(String relative) {
        return temp.resolve(relative);
    }

    /**
     * Closes each row chunk after {@code rows} rows (1 to {@link ArchiveFormat#CHUNK_MAX_ROWS}, the
     * default) or its byte limit, whichever comes first. Smaller chunks let a resumed restore keep more
     * of a half-loaded table, since it commits chunk by chunk.
     */
    public ArchiveWriter chunkRows(long rows) {
        if (rows < 1 || rows > ArchiveFormat.CHUNK_MAX_ROWS) {
            throw new IllegalArgumentException("rows per chunk must be between 1 and " + ArchiveFormat.CHUNK_MAX_ROWS + ": " + rows);
        }
        this.chunkRows = rows;
        return this;
    }

    long chunkRows() {
        return chunkRows;
    }

    public int compressionLevel() {
        return compressionLevel;
    }

    public boolean encrypted() {
        return sealing.encrypted();
    }

    ChunkWriter newChunk(String relativeName) throws IOException {
        return new ChunkWriter(temp.resolve(relativeName), relativeName, sealing, compressionLevel);
    }

    /**
     * A new file at {@code relativeName} (its directory is created), zstd-compressed at {@code zstdLevel}
     * (0: stored as is) and sealed if the archive is encrypted. The caller records it in the manifest.
     */
    public ArchiveOutput newFile(String relativeName, int zstdLevel) {
        Path file = temp.resolve(relativeName).normalize();
        if (!file.startsWith(temp) || file.equals(temp)) {
            throw new IllegalArgumentException("not a name inside the archive: " + relativeName);
        }
        try {
            Files.createDirectories(file.getParent());
            return new ArchiveOutput(file, relativeName, sealing, zstdLevel);
        } catch (IOException e) {
            throw IoErrors.wrap(e, "creating", file);
        }
    }

    /** Records a stored directory tree for the manifest. */
    public synchronized void record(Manifest.TreeEntry tree) {
        trees.add(tree);
    }

    /** Records a stored secret file for the manifest. */
    public synchronized void record(Manifest.SecretEntry secret) {
        secrets.add(secret);
    }

    public void writeSchema(Schema schema) {
        writeJsonFile(ArchiveFormat.SCHEMA, schema);
    }

    /** A writer for one table's rows; {@code tableNumber} names its files (never the table name). */
    public TableWriter openTable(QualifiedName table, int tableNumber) {
        return openTable(table, tableNumber, null);
    }

    /** A writer that also profiles the values of {@code columns} (the table's loaded columns) for the manifest. */
    public synchronized TableWriter openTable(QualifiedName table, int tableNumber, List<Column> columns) {
        TableWriter w = new TableWriter(this, table, tableNumber, columns);
        openTables.add(w);
        return w;
    }

    /**
     * Writes the manifest (adding this writer's files, trees and secrets to it), syncs, and renames into
     * place. An encrypted archive's manifest is sealed, and {@code manifest.json} is its envelope.
     */
    public synchronized Manifest commit(Manifest draft) {
        Manifest manifest = draft.withContents(files, trees, secrets);
        try {
            byte[] json = ArchiveFormat.JSON.writeValueAsBytes(manifest);
            if (sealing instanceof ArchiveKey key) {
                Manifest.FileEntry sealed = writeFile(ArchiveFormat.SEALED_MANIFEST, json);
                json = ArchiveFormat.JSON.writeValueAsBytes(new SealedEnvelope(manifest.formatVersion(),
                        manifest.ferryVersion(), key.header(), sealed, null));
            }
            writeSynced(ArchiveFormat.MANIFEST, json);
            String sum = HexFormat.of().formatHex(ChunkWriter.sha256().digest(json)) + "  " + ArchiveFormat.MANIFEST + "\n";
            writeSynced(ArchiveFormat.MANIFEST_CHECKSUM, sum.getBytes(StandardCharsets.US_ASCII));
            for (String dir : List.of(ArchiveFormat.DATA_DIR, ArchiveFormat.FILES_DIR, ArchiveFormat.SECRETS_DIR)) {
                syncDirectory(temp.resolve(dir));
            }
            syncDirectory(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(target.getParent());
            committed = true;
            return manifest;
        } catch (IOException e) {
            throw IoErrors.wrap(e, "completing the archive", target);
        }
    }

    /** Deletes the partial archive unless it was committed. */
    @Override
    public void close() {
        if (!committed) {
            synchronized (this) {
                openTables.forEach(TableWriter::abandon);
            }
            deleteTree(temp);
        }
    }

    private void writeJsonFile(String name, Object value) {
        try {
            files.add(writeFile(name, ArchiveFormat.JSON.writeValueAsBytes(value)));
        } catch (IOException e) {
            throw IoErrors.wrap(e, "writing " + name + " to", temp);
        }
    }

    private Manifest.FileEntry writeFile(String name, byte[] content) throws IOException {
        ArchiveOutput out = new ArchiveOutput(temp.resolve(name), name, sealing, 0);
        try {
            out.write(content);
            return out.finish();
        } finally {
            out.close();
        }
    }

    private void writeSynced(String name, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(temp.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // not every platform can fsync a directory; the rename is still atomic
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover partial directory is recognisable by its name
        }
    }
}
