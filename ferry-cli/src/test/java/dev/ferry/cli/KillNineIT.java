package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.cli.FaultEngine.Db;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.value.ContentHash;
import dev.ferry.ops.Fingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 of the real ferry.jar at seeded random moments of backup, restore, transfer and merge import
 * on every engine. After each kill: the source is unchanged (fingerprint); the target is as it was or complete
 * and proven; no archive that looks complete exists unless it verifies; and at the end a re-run of the
 * same command, over whatever the killed runs left, succeeds and leaves nothing of theirs behind.
 * Kills per command and engine: {@code -Dfaults.runs=N} (default 3); seed: {@code -Dfaults.seed=S}.
 */
class KillNineIT {
    static final int ITEMS = Integer.getInteger("faults.items", 10_000);
    /** Items of the merge's source and target: a merge inserts row by row, so it is kept smaller. */
    static final int MERGE_ITEMS = Integer.getInteger("faults.mergeItems", 2_000);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FaultEngine.class)
    void backup(FaultEngine engine) throws Exception {
        try (Db source = engine.source(dir, ITEMS)) {
            Map<String, ContentHash> before = fingerprint(source);
            Path archive = dir.resolve("archive");
            List<String> command = command(List.of("backup", "--from", source.url()), engine.userOption(source),
                    List.of("--to", archive.toString(), "-q"));
            Kills kills = Kills.start("backup", engine, command);
            deleteTree(archive);
            kills.each(killed -> {
                assertThat(fingerprint(source)).as("the source is unchanged").isEqualTo(before);
                if (Files.exists(archive)) {
                    assertVerifies(archive, source, engine);
                    kills.completed();
                    deleteTree(archive);
                }
            });
            kills.rerun();
            assertVerifies(archive, source, engine);
            assertThat(fingerprint(source)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(FaultEngine.class)
    void restore(FaultEngine engine) throws Exception {
        try (Db source = engine.source(dir, ITEMS)) {
            Path archive = dir.resolve("archive");
            CliRun backup = CliRun.of(command(List.of("backup", "--from", source.url()), engine.userOption(source),
                    List.of("--to", archive.toString(), "-q")).toArray(String[]::new));
            assertThat(backup.exitCode()).as(backup.all()).isZero();
            killIntoTargets("restore", engine, source,
                    target -> command(List.of("restore", "--from", archive.toString(), "--to", target.url()), engine.userOption(target),
                            List.of("-q")),
                    target -> verifiesAgainst(archive, target, engine));
        }
    }

    @ParameterizedTest
    @EnumSource(FaultEngine.class)
    void transfer(FaultEngine engine) throws Exception {
        try (Db source = engine.source(dir, ITEMS)) {
            killIntoTargets("transfer", engine, source,
                    target -> command(List.of("transfer", "--from", source.url(), "--to", target.url()),
                            engine.userOption(source, "--from-user", target, "--to-user"), List.of("-q")),
                    target -> CliRun.of(command(List.of("diff", source.url(), target.url()), engine.userOption(source), List.of("-q"))
                            .toArray(String[]::new)).exitCode() == 0);
        }
    }

    /**
     * {@code restore --merge} of a partial export (a location subtree with its items, orders and users)
     * into a copy of the same app that already holds its own rows: after each kill the target is as it
     * was or holds exactly one more merged copy (the merge is one transaction on every engine); the
     * re-run merges once more.
     */
    @ParameterizedTest
    @EnumSource(FaultEngine.class)
    void mergeImport(FaultEngine engine) throws Exception {
        try (Db source = engine.source(dir, MERGE_ITEMS); Db target = engine.source(dir, MERGE_ITEMS)) {
            Path partial = dir.resolve("partial");
            CliRun backup = CliRun.of(command(List.of("backup", "--from", source.url()), engine.userOption(source),
                    List.of("--to", partial.toString(), "--root", "plugin_inventory_location:id <= 3", "--with-children", "-q"))
                    .toArray(String[]::new));
            assertThat(backup.exitCode()).as(backup.all()).isZero();
            Map<String, ContentHash> sourceBefore = fingerprint(source);
            Map<String, ContentHash> start = fingerprint(target);
            Kills kills = Kills.start("merge", engine, command(List.of("restore", "--from", partial.toString(), "--to", target.url(),
                    "--merge", "--match", "auth_user:username"), engine.userOption(target), List.of("-q")));
            List<Map<String, ContentHash>> states = new ArrayList<>(List.of(fingerprint(target)));
            Map<String, Long> oneMerge = rowsAdded(start, states.get(0));
            assertThat(oneMerge.values()).as("the measured merge added rows").anyMatch(n -> n > 0);
            kills.each(killed -> {
                Map<String, ContentHash> now = fingerprint(target);
                Map<String, ContentHash> before = states.get(states.size() - 1);
                if (now.equals(before)) {
                    return;
                }
                assertThat(rowsAdded(before, now)).as("a killed merge adds all of its rows or none").isEqualTo(oneMerge);
                kills.completed();
                states.add(now);
            });
            kills.rerun();
            assertThat(rowsAdded(states.get(states.size() - 1), fingerprint(target))).as("the re-run merged once more")
                    .isEqualTo(oneMerge);
            assertThat(fingerprint(source)).as("the source is unchanged").isEqualTo(sourceBefore);
        }
    }

    /** Rows per table in {@code after} beyond those in {@code before}. */
    private static Map<String, Long> rowsAdded(Map<String, ContentHash> before, Map<String, ContentHash> after) {
        Map<String, Long> out = new java.util.TreeMap<>();
        after.forEach((table, hash) -> out.put(table, hash.rows() - (before.containsKey(table) ? before.get(table).rows() : 0)));
        return out;
    }

    interface IntoTarget<T> {
        T apply(Db target) throws Exception;
    }

    /**
     * Kills a command that writes into a target: after each kill the source is unchanged and the target
     * holds nothing a user could see, unless it is complete and proven (then the next runs go into a new
     * one); the re-run succeeds and removes what the killed runs left.
     */
    private void killIntoTargets(String operation, FaultEngine engine, Db source, IntoTarget<List<String>> commandFor,
            IntoTarget<Boolean> complete) throws Exception {
        Map<String, ContentHash> before = fingerprint(source);
        List<Db> targets = new ArrayList<>(List.of(engine.empty(dir, "target")));
        try {
            Kills kills = Kills.start(operation, engine, commandFor.apply(targets.get(0)));
            assertThat(complete.apply(targets.get(0))).as("the measured run is complete and proven").isTrue();
            targets.add(engine.empty(dir, "target1"));
            kills.command(commandFor.apply(last(targets)));
            kills.each(killed -> {
                assertThat(fingerprint(source)).as("the source is unchanged").isEqualTo(before);
                Db target = last(targets);
                List<String> left = engine.leftovers(target);
                if (complete.apply(target)) {
                    kills.completed();
                    targets.add(engine.empty(dir, "target" + targets.size()));
                    kills.command(commandFor.apply(last(targets)));
                } else {
                    assertThat(left).as("a killed " + operation + " leaves the target as it was").isEmpty();
                }
            });
            kills.rerun();
            assertThat(complete.apply(last(targets))).as("the re-run is complete and proven").isTrue();
            assertThat(engine.abandoned(last(targets))).as("the re-run removed what the killed runs left").isEmpty();
            assertThat(fingerprint(source)).isEqualTo(before);
        } finally {
            for (Db t : targets) {
                t.close();
            }
        }
    }

    private static Db last(List<Db> dbs) {
        return dbs.get(dbs.size() - 1);
    }

    static List<String> command(List<String> a, List<String> b, List<String> c) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    static Map<String, ContentHash> fingerprint(Db db) {
        return new Fingerprint(new ConnectionSpec(db.url(), db.user(), null), List.of()).run();
    }

    static void assertVerifies(Path archive, Db source, FaultEngine engine) {
        CliRun whole = CliRun.of("verify", archive.toString(), "-q");
        assertThat(whole.exitCode()).as("an archive that exists is whole: " + whole.all()).isZero();
        assertThat(verifiesAgainst(archive, source, engine)).as("the archive holds the source").isTrue();
    }

    static boolean verifiesAgainst(Path archive, Db db, FaultEngine engine) {
        CliRun against = CliRun.of(command(List.of("verify", archive.toString(), "--against", db.url()), engine.userOption(db),
                List.of("-q")).toArray(String[]::new));
        return against.exitCode() == 0;
    }

    static void deleteTree(Path root) throws java.io.IOException {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
