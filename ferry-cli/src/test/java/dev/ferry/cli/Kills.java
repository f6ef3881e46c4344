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
 * Seeded kill -9 runs of one ferry command on one engine. The command is first run to the end with its
 * progress lines on, to find its phases ("Creating schema", "Loading data", "Adding indexes and
 * constraints", "Proving", ...) and how long each lasts; the last one runs until the process ends, so
 * it includes the commit or publish. Kill number i then targets phase i (cycling), at a random moment
 * within it: by default one kill per phase, so every phase is hit. A command that prints fewer than
 * two phases (migrate) is killed at random moments of its own slices of the run time instead. The seed
 * is printed and named in every failure; {@code -Dfaults.seed=S} replays a run, {@code -Dfaults.runs=N}
 * sets the kills per command and engine (default: one per phase, at least 3). Each line of
 * {@code target/faults-report.txt} is one command and engine: kills with their phases, how many fell
 * after the end.
 */
final class Kills {
    private static final Integer RUNS_WANTED = Integer.getInteger("faults.runs");
    static final long SEED = Long.getLong("faults.seed", new SecureRandom().nextLong());
    private static long startup = -1;

    /** A phase of the command: the start of its progress line, and when it began and ended (ms after start). */
    record Phase(String marker, long from, long to) {
    }

    private final String name;
    private final Random random;
    private final long firstRun;
    private final List<Phase> phases;
    private final int runs;
    private long measured;
    private final List<String> kills = new ArrayList<>();
    private List<String> command;
    private int completed;
    private int killed;

    private Kills(String name, List<String> command, long measured, List<Phase> phases) {
        this.name = name;
        this.command = command;
        this.measured = measured;
        this.firstRun = measured;
        this.phases = phases;
        this.runs = RUNS_WANTED != null ? RUNS_WANTED : Math.max(3, phases.size());
        this.random = new Random(SEED ^ name.hashCode());
    }

    /** Runs {@code command} to the end once (it must succeed) to measure it and find its phases. */
    static Kills start(String operation, FaultEngine engine, List<String> command) throws IOException, InterruptedException {
        String name = operation + " " + engine.name().toLowerCase(Locale.ROOT);
        System.out.println("faults: " + name + " seed " + SEED + " (-Dfaults.seed=" + SEED + " replays it)");
        ChildFerry.Watched full = ChildFerry.watch(null, 0, loud(command));
        assertThat(full.run().exitCode()).as(name + ": " + full.run().output()).isZero();
        return new Kills(name, command, full.run().millis(), phases(full));
    }

    /** Phase lines are the progress lines ending in "..."; each lasts until the next one, the last until the end. */
    private static List<Phase> phases(ChildFerry.Watched run) {
        List<ChildFerry.Line> starts = run.lines().stream().filter(l -> l.text().endsWith("...")).toList();
        List<Phase> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            String text = starts.get(i).text();
            String marker = text.contains(" (") ? text.substring(0, text.indexOf(" (")) : text.substring(0, text.length() - 3);
            long to = i + 1 < starts.size() ? starts.get(i + 1).millis() : run.run().millis();
            out.add(new Phase(marker, starts.get(i).millis(), Math.max(to, starts.get(i).millis() + 1)));
        }
        return out;
    }

    /** The command with its progress lines on (without -q), so the watcher sees the phases. */
    private static String[] loud(List<String> command) {
        return command.stream().filter(a -> !a.equals("-q")).toArray(String[]::new);
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

    /** Kills the command once per phase (or {@code -Dfaults.runs} times) and checks the state after each kill. */
    void each(Check check) throws Exception {
        for (int i = 0; i < runs; i++) {
            ChildFerry run = phases.size() >= 2 ? killInPhase(phases.get(i % phases.size())) : killInSlice(i);
            if (run.killed()) {
                killed++;
            } else {
                measured = Math.min(measured, run.millis());
            }
            try {
                check.after(run);
            } catch (AssertionError | Exception e) {
                throw new AssertionError(describe() + ": after the kill " + kills.get(kills.size() - 1) + " (killed: "
                        + run.killed() + ", output: " + run.output().strip() + "): " + e.getMessage(), e);
            }
        }
    }

    /** Kills at a random moment of {@code phase}, measured from when its progress line appears. */
    private ChildFerry killInPhase(Phase phase) throws IOException, InterruptedException {
        long delay = (long) (random.nextDouble() * (phase.to() - phase.from()));
        ChildFerry.Watched run = ChildFerry.watch(phase.marker(), delay, loud(command));
        kills.add("'" + phase.marker() + "'+" + delay + "ms" + (run.markerSeen() ? "" : " (phase not reached)"));
        return run.run();
    }

    /** Kills at a random moment of the i-th of {@link #runs} equal slices of the run after the JVM's start-up. */
    private ChildFerry killInSlice(int i) throws IOException, InterruptedException {
        long start = startup();
        long span = Math.max(1, measured - start);
        long delay = start + (long) (span * (i + random.nextDouble()) / runs);
        kills.add(delay + "ms");
        return ChildFerry.killAfter(delay, command.toArray(String[]::new));
    }

    /** Runs the command again over whatever the killed runs left: it must succeed. */
    void rerun() throws IOException, InterruptedException {
        ChildFerry again = ChildFerry.run(command.toArray(String[]::new));
        assertThat(again.exitCode()).as(describe() + ": the re-run after the kills failed: " + again.output()).isZero();
        String line = String.format(Locale.ROOT, "%s: %d runs killed at %s of a %d ms run (%d phases), %d of them found complete"
                + " (or finished first); all survived; re-run ok in %d ms; seed %d%n", name, runs, kills, firstRun, phases.size(),
                completed, again.millis(), SEED);
        System.out.print("faults: " + line);
        Files.writeString(Path.of("target", "faults-report.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private String describe() {
        return name + " (seed " + SEED + ", -Dfaults.seed=" + SEED + " replays it; kills at " + kills + " of a " + measured + " ms run)";
    }

    /** How long the JVM takes to start and run a trivial command: no kill before it is of interest. */
    private static synchronized long startup() throws IOException, InterruptedException {
        if (startup < 0) {
            startup = ChildFerry.run("--version").millis();
        }
        return startup;
    }
}
