package dev.ferry.core.archive.tree;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a directory depth first, each directory's entries sorted by name, never following links: the
 * order {@link TreeRules} requires of an index. Memory: the names of one directory per level.
 */
final class TreeWalk {
    /** Receives each entry; {@code path} is relative to the root, {@code /}-separated. */
    interface Visitor {
        /** Returns whether to descend (directories only). */
        boolean visit(String path, Path file, BasicFileAttributes attributes) throws IOException;
    }

    private TreeWalk() {
    }

    static void walk(Path root, Visitor visitor) throws IOException {
        walk(root, "", visitor);
    }

    private static void walk(Path dir, String prefix, Visitor visitor) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                names.add(child.getFileName().toString());
            }
        }
        names.sort(String::compareTo);
        for (String name : names) {
            Path child = dir.resolve(name);
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (visitor.visit(path, child, attributes) && attributes.isDirectory()) {
                walk(child, path, visitor);
            }
        }
    }
}
