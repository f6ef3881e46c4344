package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the resumable-restore tests share: the engine pairings they run on, and backups and restores
 * through the CLI, in this JVM or as the real {@code ferry.jar} in a child JVM that a test kills.
 */
final class ResumeFixture {
    private ResumeFixture() {
    }

    enum Engine {
        SQLITE(ScratchDatabase::sqlite, ScratchDatabase::sqlite, List.of("--no-single-transaction")),
        /** With --jobs 2: a checkpointed restore still takes the one-connection path, not the staging schema. */
        POSTGRESQL(ScratchDatabase::postgres, ScratchDatabase::postgres, List.of("--no-single-transaction", "--jobs", "2")),
        /** Always checkpointed, in its staging database. */
        MARIADB(ScratchDatabase::mariadb, ScratchDatabase::mariadb, List.of()),
        /** Converted rows: resumed tables are proven against the hashes their checkpoints recorded. */
        SQLITE_TO_POSTGRESQL(ScratchDatabase::sqlite, ScratchDatabase::postgres, List.of("--no-single-transaction"));

        final Supplier<ScratchDatabase> source;
        final Supplier<ScratchDatabase> target;
        final List<String> restoreFlags;

        Engine(Supplier<ScratchDatabase> source, Supplier<ScratchDatabase> target, List<String> restoreFlags) {
            this.source = source;
            this.target = target;
            this.restoreFlags = restoreFlags;
        }
    }

    /**
     * The real ferry.jar restoring {@code archive} in a child JVM, interpreted ({@code -Xint}) so that it
     * is slow enough to be caught mid-way; its output goes to {@code log}.
     */
    static Process startRestore(Engine engine, Path archive, ScratchDatabase target, Path log, String... extra)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xint", "-Xmx256m", "-jar", Path.of("target", "ferry.jar").toAbsolutePath().toString(), "restore",
                "--from", archive.toString(), "--to", target.spec().url(), "-q"));
        command.addAll(user(target));
        command.addAll(engine.restoreFlags);
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static CliRun restore(Path archive, ScratchDatabase target, String... extra) {
        List<String> args = new ArrayList<>(List.of("restore", "--from", archive.toString(), "--to", target.spec().url()));
        args.addAll(user(target));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Backs {@code source} up to {@code archive} (with {@code extra} options); the backup must succeed. */
    static Path backup(ScratchDatabase source, Path archive, String... extra) {
        List<String> args = new ArrayList<>(List.of("backup", "--from", source.spec().url(), "--to", archive.toString(), "-q"));
        args.addAll(user(source));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.all()).isZero();
        return archive;
    }

    private static List<String> user(ScratchDatabase db) {
        return db.spec().user() == null ? List.of() : List.of("--user", db.spec().user());
    }
}
