package dev.ferry.core.archive;

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
 * like a complete archive. {@link #openTable} may be called from several threads.
 */
public final class ArchiveWriter implements AutoCloseable {
    /** The marker in the names of unfinished archive directories. */
    public static final String PARTIAL_MARKER = ".ferry-partial-";

    private final Path target;
    private final Path temp;
    private final int compressionLevel;
    private final List<Manifest.FileEntry> files = new ArrayList<>();
    private final List<TableWriter> openTables = new ArrayList<>();
    private boolean committed;

    private ArchiveWriter(Path target, Path temp, int compressionLevel) {
        this.target = target;
        this.temp = temp;
        this.compressionLevel = compressionLevel;
    }

    /** Starts a new archive at {@code target}, which must not exist yet. */
    public static ArchiveWriter create(Path target, int compressionLevel) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new FerryException(ErrorCode.TARGET_NOT_EMPTY, "Archive path " + absolute
                    + " already exists; Ferry never overwrites an archive. Choose a new path or remove the old one.");
        }
        Path parent = absolute.getParent();
        Path temp = parent.resolve("." + absolute.getFileName() + PARTIAL_MARKER + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(parent);
            Files.createDirectories(temp.resolve(ArchiveFormat.DATA_DIR));
        } catch (IOException e) {
            throw IoErrors.wrap(e, "creating the archive directory", temp);
        }
        return new ArchiveWriter(absolute, temp, compressionLevel);
    }

    public Path target() {
        return target;
    }

    Path resolve(String relative) {
        return temp.resolve(relative);
    }

    int compressionLevel() {
        return compressionLevel;
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

    /** Writes the manifest (adding this writer's file entries to it), syncs, and renames into place. */
    public Manifest commit(Manifest draft) {
        Manifest manifest = new Manifest(draft.formatVersion(), draft.ferryVersion(), draft.createdAt(), draft.source(),
                draft.snapshot(), draft.tables(), draft.migrationHistories(), List.copyOf(files), draft.warnings());
        try {
            byte[] json = ArchiveFormat.JSON.writeValueAsBytes(manifest);
            writeSynced(ArchiveFormat.MANIFEST, json);
            String sum = HexFormat.of().formatHex(ChunkWriter.sha256().digest(json)) + "  " + ArchiveFormat.MANIFEST + "\n";
            writeSynced(ArchiveFormat.MANIFEST_CHECKSUM, sum.getBytes(StandardCharsets.US_ASCII));
            syncDirectory(temp.resolve(ArchiveFormat.DATA_DIR));
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
            byte[] json = ArchiveFormat.JSON.writeValueAsBytes(value);
            writeSynced(name, json);
            files.add(new Manifest.FileEntry(name, json.length, HexFormat.of().formatHex(ChunkWriter.sha256().digest(json))));
        } catch (IOException e) {
            throw IoErrors.wrap(e, "writing " + name + " to", temp);
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
