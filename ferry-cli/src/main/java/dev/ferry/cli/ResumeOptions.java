package dev.ferry.cli;

import dev.ferry.ops.TargetOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A restore's lock timeout, checkpoints and resumption. */
final class ResumeOptions {
    @Mixin
    TargetLockOption lock;

    @Option(names = "--no-single-transaction", description = {"Commit each table with a checkpoint instead of writing",
            "everything in one transaction (PostgreSQL, SQLite), so that a killed restore can be continued with --resume.",
            "MariaDB/MySQL restores are always checkpointed (in their staging database)."})
    boolean noSingleTransaction;

    @Option(names = "--resume", description = {"Continue a half-restored target from its checkpoints: tables already",
            "finished are not loaded again, and the end is proven as usual. The archive must be the same; implies",
            "--no-single-transaction."})
    boolean resume;

    TargetOptions options() {
        return TargetOptions.DEFAULTS.withLockTimeout(lock.lockTimeout).withSingleTransaction(!noSingleTransaction && !resume)
                .withResume(resume);
    }
}
