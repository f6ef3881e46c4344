package dev.ferry.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What initdb made for one binaries release, kept in the cache directory: the first start of a
 * release saves its fresh data directory there, and later starts copy it instead of running initdb
 * again (initdb writes and syncs ~40 MB: seconds on a busy machine, where a copy takes a fraction).
 * The name holds the archive's SHA-256, so binaries that claim one version but differ never share a
 * template, and Ferry's fixed initdb settings (C locale, UTF-8, user postgres, trust).
 */
final class InitdbTemplate {
    private static final String SETTINGS = "C-UTF8";
    private static final Set<String> NOT_COPIED = Set.of("epg-lock", "postmaster.pid", "postmaster.opts");
    private static final Map<URI, String> DIGESTS = new ConcurrentHashMap<>();

    private final Path directory;

    private InitdbTemplate(Path directory) {
        this.directory = directory;
    }

    static InitdbTemplate of(Path cacheDirectory, PostgresBinaries binaries) {
        String digest = DIGESTS.computeIfAbsent(binaries.archive(), uri -> sha256(binaries));
        return new InitdbTemplate(cacheDirectory.resolve("initdb-" + binaries.version() + "-" + SETTINGS + "-"
                + digest.substring(0, 16)));
    }

    /** Copies the template into {@code dataDirectory} (which must not exist yet); false if there is no template. */
    boolean copyTo(Path dataDirectory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        copy(directory, dataDirectory);
        return true;
    }

    /**
     * Saves a data directory that initdb just made as the template: copied aside, then renamed into
     * place in one step, so a concurrent start sees a whole template or none. Only a cache: a failure
     * leaves the next start to run initdb again.
     */
    void saveFrom(Path dataDirectory) {
        Path partial = directory.resolveSibling(directory.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            Files.createDirectories(directory.getParent());
            copy(dataDirectory, partial);
            Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            ServerFiles.deleteQuietly(partial);
        }
    }

    /** A recursive copy keeping permissions (PostgreSQL insists on a 0700 data directory). */
    private static void copy(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.copy(dir, to.resolve(from.relativize(dir)), StandardCopyOption.COPY_ATTRIBUTES);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!NOT_COPIED.contains(file.getFileName().toString())) {
                        Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("Cannot copy " + from + ": " + e.getFile() + " already exists", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(PostgresBinaries binaries) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(binaries.open(), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read PostgreSQL binaries " + binaries.archive() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
