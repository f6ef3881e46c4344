package dev.ferry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Sample file trees for the tests, and a full description (type, mode, time, SHA-256) to compare two trees. */
final class FileTrees {
    private FileTrees() {
    }

    /** An app's media directory: nested folders, modes, times with nanoseconds, an empty file, links inside. */
    static Path media(Path dir) throws IOException {
        Path media = dir.resolve("media");
        Files.createDirectories(media.resolve("part/images/2026"));
        Files.createDirectories(media.resolve("attachments/empty-dir"));
        file(media.resolve("part/images/2026/bolt.png"), "PNG bolt image bytes ".repeat(3000), "rw-r--r--", "2026-03-01T10:00:00.123456789Z");
        file(media.resolve("part/images/thumb.png"), "thumbnail", "rw-r-----", "2025-01-01T00:00:00Z");
        file(media.resolve("attachments/datasheet-confidential.pdf"), "%PDF confidential-datasheet-text", "r--r--r--", "2024-05-05T05:05:05.5Z");
        file(media.resolve("attachments/empty.txt"), "", "rw-------", "2023-01-01T00:00:00Z");
        file(media.resolve("run.sh"), "#!/bin/sh\necho hi\n", "rwxr-xr-x", "2022-02-02T02:02:02Z");
        Files.createSymbolicLink(media.resolve("part/latest.png"), Path.of("images/2026/bolt.png"));
        Files.setLastModifiedTime(media.resolve("attachments/empty-dir"), FileTime.from(Instant.parse("2021-01-01T00:00:00Z")));
        return media;
    }

    static void file(Path file, String content, String mode, String mtime) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(mtime)));
    }

    /** Every entry below {@code root}, sorted: path, type, mode, time (files and directories), SHA-256 or link target. */
    static List<String> describe(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root)).sorted().map(p -> {
                try {
                    String rel = root.relativize(p).toString();
                    if (Files.isSymbolicLink(p)) {
                        return rel + " link " + Files.readSymbolicLink(p);
                    }
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                    String time = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toString();
                    return Files.isDirectory(p) ? rel + " dir " + mode + " " + time
                            : rel + " file " + mode + " " + time + " " + sha256(p);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
