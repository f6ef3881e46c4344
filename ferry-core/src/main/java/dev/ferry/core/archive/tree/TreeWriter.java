package dev.ferry.core.archive.tree;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ferry.core.archive.ArchiveFormat;
import dev.ferry.core.archive.ArchiveOutput;
import dev.ferry.core.archive.ArchiveWriter;
import dev.ferry.core.archive.IoErrors;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Stores one directory tree in an archive: walks it ({@link TreeWalk}), writes an index line per
 * directory, file and link, and streams every file's content into the tree's parts while hashing it.
 * Memory is one copy buffer, whatever the file sizes. Devices, pipes and sockets are skipped with a
 * warning; links that leave the tree are refused up front by {@link #check}.
 */
public final class TreeWriter {
    /** A content part is closed after this many (uncompressed) bytes. */
    public static final long PART_BYTES = 256L * 1024 * 1024;

    private static final ObjectWriter LINE = ArchiveFormat.json().writerFor(TreeItem.class)
            .without(SerializationFeature.INDENT_OUTPUT);

    private final ArchiveWriter archive;
    private final int number;
    private final String name;
    private final Path root;
    private final long partBytes;
    private final List<String> warnings;
    private final byte[] buffer = new byte[64 * 1024];
    private long files;
    private long directories;
    private long links;
    private long bytes;

    /** Tree {@code number} (1-based, names its archive files) called {@code name}, read from {@code root}. */
    public TreeWriter(ArchiveWriter archive, int number, String name, Path root, List<String> warnings) {
        this(archive, number, name, root, warnings, PART_BYTES);
    }

    TreeWriter(ArchiveWriter archive, int number, String name, Path root, List<String> warnings, long partBytes) {
        this.archive = archive;
        this.number = number;
        this.name = name;
        this.root = root.toAbsolutePath().normalize();
        this.partBytes = partBytes;
        this.warnings = warnings;
    }

    /** Refuses, before any backup starts, a tree holding links that would resolve outside it. Reads no content. */
    public static void check(String name, Path root) {
        List<String> problems = new ArrayList<>();
        try {
            TreeWalk.walk(root, (path, file, attributes) -> {
                if (attributes.isSymbolicLink()) {
                    String problem = TreeRules.linkProblem(path, Files.readSymbolicLink(file).toString());
                    if (problem != null && problems.size() < 10) {
                        problems.add(path + " is " + problem);
                    }
                }
                return true;
            });
        } catch (IOException e) {
            throw IoErrors.wrap(e, "reading the file tree", root);
        }
        if (!problems.isEmpty()) {
            throw new FerryException(ErrorCode.USAGE, "--files " + name + "=" + root + " cannot be stored: "
                    + String.join("; ", problems) + ". Ferry stores only links that stay inside the tree (a restore could"
                    + " otherwise write outside it); replace those links with copies, or remove them.");
        }
    }

    /** Writes the tree, records it in the archive's manifest, and returns its entry. */
    public Manifest.TreeEntry write() {
        ArchiveOutput index = archive.newFile(PackOutput.indexName(number), archive.compressionLevel());
        PackOutput pack = new PackOutput(archive, number, partBytes);
        try {
            TreeWalk.walk(root, (path, file, attributes) -> visit(index, pack, path, file, attributes));
            List<Manifest.FileEntry> parts = pack.finish();
            Manifest.TreeEntry entry = new Manifest.TreeEntry(name, root.toString(), files, directories, links, bytes,
                    index.finish(), parts);
            archive.record(entry);
            return entry;
        } catch (IOException e) {
            index.abandon();
            pack.abandon();
            throw IoErrors.wrap(e, "storing file tree '" + name + "' from", root);
        }
    }

    private boolean visit(ArchiveOutput index, PackOutput pack, String path, Path file, BasicFileAttributes a)
            throws IOException {
        TreeItem item;
        if (a.isSymbolicLink()) {
            item = TreeItem.link(path, Files.readSymbolicLink(file).toString());
            links++;
        } else if (a.isDirectory()) {
            item = TreeItem.dir(path, FileModes.read(file), a.lastModifiedTime().toInstant());
            directories++;
        } else if (a.isRegularFile()) {
            item = copy(pack, path, file, a);
            files++;
            bytes += item.bytes();
        } else {
            warnings.add("file tree '" + name + "': skipped " + path + ", which is not a regular file, directory or link"
                    + " (a device, pipe or socket)");
            return false;
        }
        index.write(LINE.writeValueAsBytes(item));
        index.write('\n');
        return true;
    }

    private TreeItem copy(PackOutput pack, String path, Path file, BasicFileAttributes before) throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                pack.write(buffer, 0, n);
                size += n;
            }
        }
        BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (after.size() != size || !after.lastModifiedTime().equals(before.lastModifiedTime())) {
            warnings.add("file tree '" + name + "': " + path + " changed while it was being stored; the archive holds the "
                    + size + " bytes read");
        }
        return TreeItem.file(path, size, FileModes.read(file), before.lastModifiedTime().toInstant(),
                HexFormat.of().formatHex(sha.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
