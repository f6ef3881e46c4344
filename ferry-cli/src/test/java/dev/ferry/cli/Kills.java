package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded kill -9 runs of one ferry command on one engine. The command is first run to the end to
 * measure it; each kill then falls at a random moment of its own slice of the time after the JVM's
 * start-up, so the runs together cover every phase (schema, data, constraints, proof, publish). The
 * seed is printed and named in every failure; {@code -Dfaults.seed=S} replays a run,
 * {@code -Dfaults.runs=N} sets the kills per command and engine (default 3). Each line of
 * {@code target/faults-report.txt} is one command and engine: kills, how many fell after the end.
 */
final class Kills {
    static final int RUNS = Integer.getInteger("faults.runs", 3);
    static final long SEED = Long.getLong("faults.seed", new SecureRandom().nextLong());
    private static long startup = -1;

    private final String name;
    private final Random random;
    private final long firstRun;
    private long measured;
    private final List<Long> delays = new ArrayList<>();
    private List<String> command;
    private int completed;
    private int killed;

    private Kills(String name, List<String> command, long measured) {
        this.name = name;
        this.command = command;
        this.measured = measured;
        this.firstRun = measured;
        this.random = new Random(SEED ^ name.hashCode());
    }

    /** Runs {@code command} to the end once (it must succeed) to measure it. */
    static Kills start(String operation, FaultEngine engine, List<String> command) throws IOException, InterruptedException {
        String name = operation + " " + engine.name().toLowerCase(Locale.ROOT);
        System.out.println("faults: " + name + " seed " + SEED + " (-Dfaults.seed=" + SEED + " replays it)");
        ChildFerry full = ChildFerry.run(command.toArray(String[]::new));
        assertThat(full.exitCode()).as(name + ": " + full.output()).isZero();
        return new Kills(name, command, full.millis());
    }

    /** The command of the next kills and of the re-run (e.g. a new target after one completed). */
    void command(List<String> next) {
        this.command = next;
    }

    /** A killed run found its operation complete (and proven) after all. */
    void completed() {
        completed++;
    }

    interface Check {
        void after(ChildFerry run) throws Exception;
    }

    /** Kills the command {@link #RUNS} times and checks the state after each kill. */
    void each(Check check) throws Exception {
        long start = startup();
        for (int i = 0; i < RUNS; i++) {
            long span = Math.max(1, measured - start);
            long delay = start + (long) (span * (i + random.nextDouble()) / RUNS);
            delays.add(delay);
            ChildFerry run = ChildFerry.killAfter(delay, command.toArray(String[]::new));
            if (run.killed()) {
                killed++;
            } else {
                measured = Math.min(measured, run.millis());
            }
            try {
                check.after(run);
            } catch (AssertionError | Exception e) {
                throw new AssertionError(describe() + ": after the kill at " + delay + " ms (killed: " + run.killed() + ", output: "
                        + run.output().strip() + "): " + e.getMessage(), e);
            }
        }
    }

    /** Runs the command again over whatever the killed runs left: it must succeed. */
    void rerun() throws IOException, InterruptedException {
        ChildFerry again = ChildFerry.run(command.toArray(String[]::new));
        assertThat(again.exitCode()).as(describe() + ": the re-run after the kills failed: " + again.output()).isZero();
        String line = String.format(Locale.ROOT, "%s: %d runs killed at %s ms of a %d ms run, %d of them found complete (or finished"
                + " first); all survived; re-run ok in %d ms; seed %d%n", name, RUNS, delays, firstRun, completed,
                again.millis(), SEED);
        System.out.print("faults: " + line);
        Files.writeString(Path.of("target", "faults-report.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private String describe() {
        return name + " (seed " + SEED + ", -Dfaults.seed=" + SEED + " replays it; kills at " + delays + " ms of a " + measured + " ms run)";
    }

    /** How long the JVM takes to start and run a trivial command: no kill before it is of interest. */
    private static synchronized long startup() throws IOException, InterruptedException {
        if (startup < 0) {
            startup = ChildFerry.run("--version").millis();
        }
        return startup;
    }
}
