package dev.ferry.core.archive.tree;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The bookkeeping that makes a file restore all or nothing: every rename done while placing staged
 * files (each one atomic, on one file system) is recorded, so {@link #rollback} can undo them in
 * reverse order; temporary directories are removed either way, directories created for the restore
 * only when it is rolled back. Memory: one entry per rename (a tree moved whole is one rename).
 */
public final class MoveJournal {
    private record Move(Path from, Path to) {
    }

    private record Finish(Path dir, String mode, java.time.Instant mtime) {
    }

    private final List<Move> moves = new ArrayList<>();
    private final List<Finish> finishes = new ArrayList<>();
    private final List<Path> temporary = new ArrayList<>();
    private final List<Path> created = new ArrayList<>();

    /** Renames {@code from} to {@code to} atomically and records it. */
    void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        moves.add(new Move(from, to));
    }

    /** A directory of Ferry's own (staging, replaced files) to delete when the restore ends, either way. */
    void temporary(Path dir) {
        temporary.add(dir);
    }

    /** Directories created for the restore (missing parents of a target), removed if it is rolled back. */
    void created(Path topmost) {
        created.add(topmost);
    }

    /**
     * Mode and time for a directory that was moved into place, applied at {@link #commit} (a directory
     * without write permission could not be moved back on rollback).
     */
    void finishLater(Path dir, String mode, java.time.Instant mtime) {
        finishes.add(new Finish(dir, mode, mtime));
    }

    /**
     * The restore succeeded: applies the deferred directory modes, removes the temporary directories
     * (staging leftovers and replaced files). Problems here lose nothing and are returned as warnings.
     */
    public List<String> commit() {
        List<String> warnings = new ArrayList<>();
        for (Finish f : finishes) {
            try {
                FileModes.apply(f.dir(), f.mode(), f.mtime());
            } catch (IOException | RuntimeException e) {
                warnings.add("could not set the mode or time of " + f.dir() + ": " + e.getMessage());
            }
        }
        temporary.forEach(MoveJournal::deleteTree);
        return warnings;
    }

    /** Undoes every rename in reverse order and removes everything created; failures are added to {@code cause}. */
    public void rollback(Throwable cause) {
        for (int i = moves.size() - 1; i >= 0; i--) {
            Move m = moves.get(i);
            try {
                Files.move(m.to(), m.from(), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                }
            }
        }
        moves.clear();
        temporary.forEach(MoveJournal::deleteTree);
        for (int i = created.size() - 1; i >= 0; i--) {
            deleteTree(created.get(i));
        }
    }

    /** Deletes a tree without following links (a link is removed, never its target); best effort. */
    static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    dir.toFile().setWritable(true, true);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a leftover is recognisable by its .ferry- name
        }
    }
}
