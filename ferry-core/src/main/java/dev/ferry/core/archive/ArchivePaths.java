package dev.ferry.core.archive;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Resolves the names a manifest gives to files inside the archive directory, accepting only plain
 * regular files reached without links: a name cannot leave the directory ({@code ..}, absolute
 * paths, NUL), a symbolic link is never followed (not in any component), and a pipe or device is
 * never opened (reading a FIFO would block forever). The archive directory itself may be a link.
 */
final class ArchivePaths {
    /** One path component of an archive file name: no separators, dots only inside. */
    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private ArchivePaths() {
    }

    /** True for names made of safe components separated by '/', e.g. {@code data/t00001-c00000.rows.zst}. */
    static boolean isPlainName(String relative) {
        if (relative == null || relative.isEmpty()) {
            return false;
        }
        for (String part : relative.split("/", -1)) {
            if (!COMPONENT.matcher(part).matches() || part.equals("..") || part.contains("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The regular file {@code relative} inside {@code root}, or null if nothing is there.
     *
     * @throws dev.ferry.core.error.FerryException ARCHIVE_CORRUPT for an unsafe name, a link, or a non-regular file
     */
    static Path regularFileOrNull(Path root, String relative) {
        if (!isPlainName(relative)) {
            throw ArchiveReader.corrupt("it names an unsafe path '" + printable(relative) + "'", null);
        }
        Path file = root;
        for (String part : relative.split("/")) {
            file = file.resolve(part);
            if (Files.isSymbolicLink(file)) {
                throw ArchiveReader.corrupt(relative + " is a symbolic link; archives never contain links and Ferry"
                        + " does not follow them", null);
            }
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw ArchiveReader.corrupt(relative + " is not a regular file", null);
        }
        return file;
    }

    /** A name fit for a one-line message: control characters shown as \\uXXXX, at most 200 characters. */
    static String printable(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 200; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
