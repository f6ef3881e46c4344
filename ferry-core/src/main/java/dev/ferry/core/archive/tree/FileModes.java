package dev.ferry.core.archive.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Permission bits as three octal digits, read and applied where the file system has them; times. */
final class FileModes {
    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private FileModes() {
    }

    /** The mode of {@code file} (not following links), or null on a file system without POSIX permissions. */
    static String read(Path file) throws IOException {
        try {
            PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return format(a.permissions());
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    static String format(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (int i = 0; i < BITS.length; i++) {
            if (permissions.contains(BITS[i])) {
                mode |= 1 << i;
            }
        }
        return String.format(Locale.ROOT, "0%03o", mode);
    }

    static Set<PosixFilePermission> parse(String mode) {
        int bits = Integer.parseInt(mode, 8);
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BITS.length; i++) {
            if ((bits & (1 << i)) != 0) {
                out.add(BITS[i]);
            }
        }
        return out;
    }

    /** Applies mode and time to a file or directory just written (never to a link). */
    static void apply(Path file, String mode, Instant mtime) throws IOException {
        if (mtime != null) {
            Files.setLastModifiedTime(file, FileTime.from(mtime));
        }
        if (mode != null) {
            try {
                Files.setPosixFilePermissions(file, parse(mode));
            } catch (UnsupportedOperationException e) {
                // a file system without permissions keeps its defaults
            }
        }
    }
}
