package dev.ferry.core.archive.tree;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One line of a tree's index: a directory, a regular file or a symbolic link, by its path relative
 * to the tree ({@code /}-separated). Files carry size and SHA-256 of their content, which follows
 * the previous file's in the tree's content stream.
 *
 * @param type   {@code dir}, {@code file} or {@code link}; readers refuse anything else
 * @param mode   the nine permission bits in octal ({@code 0644}); null where the file system has none
 * @param mtime  modification time (files and directories)
 * @param target a link's target, as stored in the link
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TreeItem(String path, String type, Long size, String mode, Instant mtime, String sha256, String target) {
    public static final String DIR = "dir";
    public static final String FILE = "file";
    public static final String LINK = "link";

    public boolean isDir() {
        return DIR.equals(type);
    }

    public boolean isFile() {
        return FILE.equals(type);
    }

    public boolean isLink() {
        return LINK.equals(type);
    }

    static TreeItem dir(String path, String mode, Instant mtime) {
        return new TreeItem(path, DIR, null, mode, mtime, null, null);
    }

    static TreeItem file(String path, long size, String mode, Instant mtime, String sha256) {
        return new TreeItem(path, FILE, size, mode, mtime, sha256, null);
    }

    static TreeItem link(String path, String target) {
        return new TreeItem(path, LINK, null, null, null, null, target);
    }

    /** The size of a file, 0 for anything else. */
    long bytes() {
        return size == null ? 0 : size;
    }
}
