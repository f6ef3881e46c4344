package dev.ferry.dialect.sqlite;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A restore into a SQLite file that does not exist yet writes a hidden sibling,
 * {@code .<name>.ferry-partial-<host>-<pid>-<start>-<random>}, and publishes it under the target's
 * name only after the commit, with a hard link (which fails rather than replace a file that appeared
 * meanwhile). A restore killed at any moment (kill -9, power loss) so leaves no file that looks like
 * the database, only the hidden partial and its journal; the next restore beside it deletes those of
 * processes on this host that are gone and ignores the rest.
 */
final class NewDatabaseFile {
    static final String MARKER = ".ferry-partial-";
    private static final Pattern OWNER = Pattern.compile("([0-9a-f]{8})-(\\d+)-(\\d+)-[0-9a-f]{8}(-journal)?");

    private final Path target;
    private final Path partial;

    private NewDatabaseFile(Path target, Path partial) {
        this.target = target;
        this.partial = partial;
    }

    /** A new partial file beside {@code target}, after removing the stale ones of dead processes. */
    static NewDatabaseFile beside(Path target) {
        removeStale(target);
        ProcessIdentity self = ProcessIdentity.current();
        String name = "." + target.getFileName() + MARKER + hostTag(self.host()) + "-" + self.pid() + "-"
                + (self.startMillis() == null ? 0 : self.startMillis()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new NewDatabaseFile(target, target.resolveSibling(name));
    }

    Path partial() {
        return partial;
    }

    /** Publishes the committed, closed partial file as the target. */
    /**
     * A zero-length file that appeared at the target meanwhile is an empty database (SQLite creates one
     * when a client merely connects, e.g. a migration refused by the target lock this restore holds):
     * the restored file replaces it, atomically, as a restore into that empty file would have filled it.
     */
    private boolean replaceEmpty() {
        try {
            if (Files.size(target) != 0 || Files.exists(journal(target))) {
                return false;
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(journal(partial));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void publish() {
        try {
            try {
                Files.createLink(target, partial);
                Files.delete(partial);
            } catch (UnsupportedOperationException noHardLinks) {
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(journal(partial));
        } catch (FileAlreadyExistsException e) {
            if (replaceEmpty()) {
                return;
            }
            discard();
            throw new FerryException(ErrorCode.TARGET_NOT_EMPTY, "SQLite database file " + target + " was created by another"
                    + " process during the restore; nothing was changed. Restore again into an empty or new file.", e);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO_FAILED, "The restore into " + partial + " was committed, but it could not be"
                    + " renamed to " + target + ": " + e.getMessage() + ". Rename it by hand, or restore again.", e);
        }
    }

    /** Deletes the partial file and its journal (after a rollback). */
    void discard() {
        try {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(journal(partial));
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO_FAILED, "The restore was rolled back, but its partial file " + partial
                    + " could not be deleted: " + e.getMessage() + ". Delete it by hand.", e);
        }
    }

    private static void removeStale(Path target) {
        String prefix = "." + target.getFileName() + MARKER;
        String host = hostTag(ProcessIdentity.current().host());
        try (var siblings = Files.list(target.toAbsolutePath().getParent())) {
            for (Path p : (Iterable<Path>) siblings::iterator) {
                String name = p.getFileName().toString();
                Matcher m = OWNER.matcher(name.startsWith(prefix) ? name.substring(prefix.length()) : "");
                if (m.matches() && m.group(1).equals(host) && !owner(m).isAlive()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a stale partial file is hidden, never mistaken for the database, and never blocks a restore
        }
    }

    private static ProcessIdentity owner(Matcher m) {
        long start = Long.parseLong(m.group(3));
        return new ProcessIdentity("", Long.parseLong(m.group(2)), start == 0 ? null : start);
    }

    private static String hostTag(String host) {
        return String.format(Locale.ROOT, "%08x", host.hashCode());
    }

    private static Path journal(Path file) {
        return file.resolveSibling(file.getFileName() + "-journal");
    }
}
