package dev.ferry.core.archive.tree;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.IoErrors;
import dev.ferry.core.archive.Manifest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * Restores one stored tree into a directory in three passes over its index, all or nothing with the
 * other trees of the same restore (they share a {@link MoveJournal}):
 * <ol>
 *   <li>{@link #check}: every entry is checked by {@link TreeRules} and against what the target holds
 *       (existing files are conflicts unless overwriting; a directory is never replaced by a file or
 *       the reverse, nor written through a link). Writes nothing.</li>
 *   <li>{@link #stage}: everything is written into a staging directory on the target's file system,
 *       every file's SHA-256 checked, modes and times applied.</li>
 *   <li>{@link #publish}: renames. A target that did not exist is the staging directory renamed
 *       whole; into an existing directory, each new top-level entry is one rename, and a replaced
 *       file is first renamed aside so a rollback can put it back.</li>
 * </ol>
 * Directories that already exist keep their own mode and time.
 */
public final class TreeRestore {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final int MAX_CONFLICTS = 10;

    private final ArchiveReader archive;
    private final Manifest.TreeEntry tree;
    private final Path target;
    private final boolean overwrite;
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private Path root;
    private boolean whole;
    private Path staging;

    public TreeRestore(ArchiveReader archive, Manifest.TreeEntry tree, Path target, boolean overwrite) {
        this.archive = archive;
        this.tree = tree;
        this.target = target.toAbsolutePath().normalize();
        this.overwrite = overwrite;
    }

    public Manifest.TreeEntry tree() {
        return tree;
    }

    public Path target() {
        return target;
    }

    /** Checks the whole index and the target; returns the conflicts (empty: the restore may go ahead). */
    public List<String> check() {
        List<String> conflicts = new ArrayList<>();
        try {
            whole = !Files.exists(target, NOFOLLOW);
            if (!whole && !Files.isDirectory(target)) {
                conflicts.add(target + " exists and is not a directory");
            }
            root = whole || !conflicts.isEmpty() ? target : target.toRealPath();
            long count = 0;
            try (TreeReader reader = new TreeReader(archive, tree, false)) {
                for (TreeItem item = reader.next(); item != null; item = reader.next()) {
                    String conflict = whole || !conflicts.isEmpty() ? null : conflict(item);
                    if (conflict != null && count++ < MAX_CONFLICTS) {
                        conflicts.add(conflict);
                    }
                }
            }
            if (count > MAX_CONFLICTS) {
                conflicts.add("and " + (count - MAX_CONFLICTS) + " more in " + target);
            }
            String space = spaceProblem();
            if (space != null) {
                conflicts.add(space);
            }
        } catch (IOException e) {
            throw IoErrors.wrap(e, "checking", target);
        }
        return conflicts;
    }

    /** Writes the tree into a staging directory beside or inside the target; registered with {@code journal}. */
    public void stage(MoveJournal journal) {
        try {
            if (whole) {
                Path parent = root.getParent();
                createParents(parent, journal);
                staging = parent.resolve("." + root.getFileName() + ".ferry-partial-" + id);
            } else {
                staging = root.resolve(".ferry-files-" + id);
            }
            Files.createDirectory(staging);
            journal.temporary(staging);
            writeAll();
        } catch (IOException e) {
            throw IoErrors.wrap(e, "staging file tree '" + tree.name() + "' in", staging == null ? target : staging);
        }
    }

    /** Moves the staged tree into place, recording every rename in {@code journal}. */
    public void publish(MoveJournal journal) {
        try {
            if (whole) {
                journal.move(staging, root);
                return;
            }
            Path replaced = root.resolve(".ferry-replaced-" + id);
            journal.temporary(replaced);
            String moved = null;
            int replacedCount = 0;
            try (TreeReader reader = new TreeReader(archive, tree, false)) {
                for (TreeItem item = reader.next(); item != null; item = reader.next()) {
                    if (moved != null && item.path().startsWith(moved + "/")) {
                        continue;
                    }
                    Path dest = root.resolve(item.path());
                    boolean exists = Files.exists(dest, NOFOLLOW);
                    if (item.isDir()) {
                        if (!exists) {
                            journal.move(staging.resolve(item.path()), dest);
                            journal.finishLater(dest, item.mode(), item.mtime());
                            moved = item.path();
                        }
                        continue;
                    }
                    if (exists) {
                        if (!overwrite || Files.isDirectory(dest, NOFOLLOW)) {
                            throw new IOException(dest + " appeared while the restore was running");
                        }
                        Files.createDirectories(replaced);
                        journal.move(dest, replaced.resolve(Integer.toString(replacedCount++)));
                    }
                    journal.move(staging.resolve(item.path()), dest);
                }
            }
        } catch (IOException e) {
            throw IoErrors.wrap(e, "moving file tree '" + tree.name() + "' into", root);
        }
    }

    /** The tree's files need room on the target's file system while staged (replaced files are kept until the end). */
    private String spaceProblem() throws IOException {
        Path existing = target;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return null;
        }
        long free = Files.getFileStore(existing).getUsableSpace();
        return free >= tree.bytes() ? null : "file tree '" + tree.name() + "' needs " + tree.bytes() + " bytes and the file"
                + " system of " + existing + " has " + free + " free";
    }

    private String conflict(TreeItem item) {
        Path dest = root.resolve(item.path());
        if (!Files.exists(dest, NOFOLLOW)) {
            return null;
        }
        boolean isDir = Files.isDirectory(dest, NOFOLLOW);
        if (item.isDir()) {
            return isDir ? null : dest + " exists and is not a directory (Ferry does not replace it, nor write through a link)";
        }
        if (isDir) {
            return dest + " is a directory; Ferry does not replace a directory with a file";
        }
        return overwrite ? null : dest + " exists (pass --overwrite to replace it)";
    }

    private void writeAll() throws IOException {
        Deque<TreeItem> open = new ArrayDeque<>();
        try (TreeReader reader = new TreeReader(archive, tree, true)) {
            for (TreeItem item = reader.next(); item != null; item = reader.next()) {
                closeDirectories(open, item.path());
                Path p = staging.resolve(item.path());
                if (item.isDir()) {
                    Files.createDirectory(p);
                    open.push(item);
                } else if (item.isFile()) {
                    try (OutputStream out = Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                        reader.copyTo(item, out);
                    }
                    FileModes.apply(p, item.mode(), item.mtime());
                } else {
                    Files.createSymbolicLink(p, Path.of(item.target()));
                }
            }
        }
        closeDirectories(open, "");
    }

    /** A directory is complete once the walk leaves it: its mode and time are applied then (not before its content). */
    private void closeDirectories(Deque<TreeItem> open, String next) throws IOException {
        while (!open.isEmpty() && !next.startsWith(open.peek().path() + "/")) {
            TreeItem dir = open.pop();
            if (whole || !Files.exists(root.resolve(dir.path()), NOFOLLOW) && !movedWhole(dir.path())) {
                FileModes.apply(staging.resolve(dir.path()), dir.mode(), dir.mtime());
            }
        }
    }

    /** Whether publish will rename this directory into an existing one (its mode is then applied after the move). */
    private boolean movedWhole(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 || Files.isDirectory(root.resolve(path.substring(0, slash)), NOFOLLOW);
    }

    private static void createParents(Path dir, MoveJournal journal) throws IOException {
        Path topmost = null;
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            topmost = p;
        }
        if (topmost != null) {
            Files.createDirectories(dir);
            journal.created(topmost);
        }
    }
}
