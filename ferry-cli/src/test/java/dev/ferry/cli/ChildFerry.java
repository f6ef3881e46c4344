package dev.ferry.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real ferry.jar in a child process, killed with SIGKILL ({@link Process#destroyForcibly}) after
 * a delay unless it finished first: what a kill -9, an OOM killer or a pulled plug does to Ferry.
 *
 * @param killed   true if the process was still running at the delay and was killed
 * @param exitCode the exit code (137 or similar when killed)
 * @param output   standard output and error
 * @param millis   how long the process ran
 */
record ChildFerry(boolean killed, int exitCode, String output, long millis) {
    private static final long NEVER = TimeUnit.MINUTES.toMillis(3);

    /** Runs to the end (at most three minutes). */
    static ChildFerry run(String... args) throws IOException, InterruptedException {
        ChildFerry done = killAfter(NEVER, args);
        if (done.killed) {
            throw new AssertionError("ferry.jar did not finish in 3 minutes: " + String.join(" ", args));
        }
        return done;
    }

    /** Starts ferry.jar and kills it after {@code delayMillis} unless it finished first. */
    static ChildFerry killAfter(long delayMillis, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile("ferry-child-", ".log");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            boolean finished = p.waitFor(delayMillis, TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly();
                p.waitFor();
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return new ChildFerry(!finished, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), millis);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static List<String> command(String... args) {
        Path jar = Path.of("target", "ferry.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: run the package phase first");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }
}
