package dev.ferry.core.archive.tree;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.IoErrors;
import dev.ferry.core.archive.Manifest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Restores one secret file with owner-only permissions (0600): checked, staged in a temporary file
 * created 0600 beside the target, then renamed into place; a replaced file is kept aside until the
 * restore commits. The same {@link MoveJournal} as the trees makes it all or nothing with them.
 */
public final class SecretRestore {
    private static final String OWNER_ONLY = "rw-------";

    private final ArchiveReader archive;
    private final Manifest.SecretEntry entry;
    private final Path target;
    private final boolean overwrite;
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private Path staged;

    public SecretRestore(ArchiveReader archive, Manifest.SecretEntry entry, Path target, boolean overwrite) {
        this.archive = archive;
        this.entry = entry;
        this.target = target.toAbsolutePath().normalize();
        this.overwrite = overwrite;
    }

    public Manifest.SecretEntry entry() {
        return entry;
    }

    public Path target() {
        return target;
    }

    public List<String> check() {
        List<String> conflicts = new ArrayList<>();
        if (!Files.isDirectory(target.getParent())) {
            conflicts.add("directory " + target.getParent() + " (for secret '" + entry.name() + "') does not exist");
        } else if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            conflicts.add(target + " is a directory; Ferry does not replace a directory with a secret file");
        } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !overwrite) {
            conflicts.add(target + " exists (pass --overwrite to replace it)");
        }
        return conflicts;
    }

    public void stage(MoveJournal journal) {
        staged = target.resolveSibling("." + target.getFileName() + ".ferry-partial-" + id);
        journal.temporary(staged);
        try (FileChannel channel = FileChannel.open(staged, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                ownerOnly())) {
            OutputStream out = Channels.newOutputStream(channel);
            SecretFile.copy(archive, entry, out);
            channel.force(true);
        } catch (IOException e) {
            throw IoErrors.wrap(e, "staging secret file '" + entry.name() + "' in", staged);
        }
    }

    public void publish(MoveJournal journal) {
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Path aside = target.resolveSibling("." + target.getFileName() + ".ferry-replaced-" + id);
                journal.temporary(aside);
                journal.move(target, aside);
            }
            journal.move(staged, target);
        } catch (IOException e) {
            throw IoErrors.wrap(e, "moving secret file '" + entry.name() + "' to", target);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        boolean posix = Files.getFileAttributeView(Path.of("."), java.nio.file.attribute.PosixFileAttributeView.class) != null;
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY))}
                : new FileAttribute<?>[0];
    }
}
