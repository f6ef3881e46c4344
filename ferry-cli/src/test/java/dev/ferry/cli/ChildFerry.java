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

    /** A line of the child's output and when it first appeared, in milliseconds after the start. */
    record Line(String text, long millis) {
    }

    /** A watched run: how it ended, its output line by line as it appeared, and whether the marker appeared. */
    record Watched(ChildFerry run, List<Line> lines, boolean markerSeen) {
    }

    /**
     * Starts ferry.jar and watches its output (polled every 2 ms), noting when each line appeared; kills
     * it {@code delayMillis} after the first line starting with {@code marker}, unless it finishes first.
     * With a null marker it runs to the end (at most three minutes).
     */
    static Watched watch(String marker, long delayMillis, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile("ferry-child-", ".log");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            List<Line> lines = new ArrayList<>();
            long killAt = Long.MAX_VALUE;
            long deadline = start + TimeUnit.MILLISECONDS.toNanos(NEVER);
            while (p.isAlive() && System.nanoTime() < Math.min(killAt, deadline)) {
                if (killAt == Long.MAX_VALUE && readLines(log, lines, start) && marker != null
                        && lines.stream().anyMatch(l -> l.text().startsWith(marker))) {
                    killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
                }
                Thread.sleep(killAt == Long.MAX_VALUE ? 2 : 1);
            }
            boolean killed = p.isAlive();
            if (killed) {
                p.destroyForcibly();
            }
            p.waitFor();
            readLines(log, lines, start);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            ChildFerry run = new ChildFerry(killed, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), millis);
            return new Watched(run, lines, killAt != Long.MAX_VALUE);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Adds the complete lines of {@code log} not seen yet; true if there were new ones. */
    private static boolean readLines(Path log, List<Line> lines, long start) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        int complete = text.lastIndexOf('\n');
        if (complete < 0) {
            return false;
        }
        String[] all = text.substring(0, complete).split("\n", -1);
        long now = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        for (int i = lines.size(); i < all.length; i++) {
            lines.add(new Line(all[i], now));
        }
        return all.length > 0;
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
