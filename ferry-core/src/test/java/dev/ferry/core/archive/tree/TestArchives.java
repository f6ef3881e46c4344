package dev.ferry.core.archive.tree;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ferry.core.archive.ArchiveFormat;
import dev.ferry.core.archive.ArchiveOutput;
import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.ArchiveWriter;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.archive.crypto.Encryption;
import dev.ferry.core.archive.crypto.KdfParameters;
import dev.ferry.core.archive.crypto.Passphrase;
import dev.ferry.core.model.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Archives with trees for the tests: real ones from directories, and hostile ones with any index lines. */
final class TestArchives {
    static final Passphrase PASSPHRASE = Passphrase.of("test passphrase");
    static final Encryption CHEAP = new Encryption(PASSPHRASE, KdfParameters.argon2id(1024, 1, 1));

    private TestArchives() {
    }

    /** An archive holding the given trees (name to directory), parts of {@code partBytes}. */
    static ArchiveReader withTrees(Path archive, Map<String, Path> trees, long partBytes, Encryption encryption,
                                   List<String> warnings) {
        try (ArchiveWriter w = ArchiveWriter.create(archive, 3, encryption)) {
            w.writeSchema(new Schema(List.of(), null, null, List.of(), null, null));
            int n = 1;
            for (var e : trees.entrySet()) {
                new TreeWriter(w, n++, e.getKey(), e.getValue(), warnings, partBytes).write();
            }
            w.commit(manifest());
        }
        return ArchiveReader.open(archive, encryption == null ? null : encryption.passphrase());
    }

    /** An archive whose single tree 'media' has exactly these index lines, and {@code content} as its stream. */
    static ArchiveReader hostile(Path archive, List<TreeItem> items, byte[] content) {
        ObjectWriter line = ArchiveFormat.json().writerFor(TreeItem.class).without(SerializationFeature.INDENT_OUTPUT);
        try (ArchiveWriter w = ArchiveWriter.create(archive, 3)) {
            w.writeSchema(new Schema(List.of(), null, null, List.of(), null, null));
            ArchiveOutput index = w.newFile(PackOutput.indexName(1), 3);
            long files = 0;
            long dirs = 0;
            long links = 0;
            long bytes = 0;
            for (TreeItem item : items) {
                index.write(line.writeValueAsBytes(item));
                index.write('\n');
                files += item.isFile() ? 1 : 0;
                dirs += item.isDir() ? 1 : 0;
                links += item.isFile() || item.isDir() ? 0 : 1;
                bytes += item.bytes();
            }
            PackOutput pack = new PackOutput(w, 1, 1 << 20);
            pack.write(content, 0, content.length);
            w.record(new Manifest.TreeEntry("media", "/nowhere", files, dirs, links, bytes, index.finish(), pack.finish()));
            w.commit(manifest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ArchiveReader.open(archive);
    }

    static Manifest manifest() {
        return new Manifest(ArchiveFormat.VERSION, "test", Instant.now(),
                new Manifest.Source("sqlite", "SQLite", "3", "main", List.of()), "test", List.of(), null, null, null);
    }

    /** Every entry under {@code root}: type, content, mode and time, in walk order. */
    static List<String> describe(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        TreeWalk.walk(root, (path, file, a) -> {
            String what = a.isSymbolicLink() ? "link->" + Files.readSymbolicLink(file)
                    : a.isDirectory() ? "dir " + FileModes.read(file) + " " + a.lastModifiedTime()
                    : "file " + FileModes.read(file) + " " + a.lastModifiedTime() + " " + Files.size(file) + " "
                    + java.util.Arrays.hashCode(Files.readAllBytes(file));
            out.add(path + ": " + what);
            return true;
        });
        return out;
    }

    static void touch(Path file, String instant) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(instant)));
    }
}
