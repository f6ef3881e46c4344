package dev.ferry.cli;

import dev.ferry.migrate.MigrateResult;
import dev.ferry.migrate.Undo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "undo", mixinStandardHelpOptions = true,
        description = {"Undo migrations with their U scripts, in reverse dependency order, after a backup.",
                "Without --to, the last migration applied. Migrations of other modules that need what is undone go too;"
                        + " if any of them has no undo script, nothing is undone."},
        footer = {"", "Examples:",
                "  ferry undo --url jdbc:sqlite:app.db --migrations db/migrations",
                "  ferry undo --url jdbc:sqlite:app.db --migrations db/migrations --to core:2",
                "", "Exit codes: 0 undone or nothing to do, 1 failure, 5 an undo script failed."})
final class UndoCommand implements Callable<Integer> {
    @Option(names = "--to", paramLabel = "MODULE:VERSION",
            description = "Return this module to this version (core:0 undoes all of core and what needs it).")
    String to;

    @Mixin
    MigrationOptions migration;

    @Mixin
    LockOptions lock;

    @Mixin
    BackupOptions backup;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        MigrateResult result = new Undo(lock.apply(backup.apply(migration.settings())), to, ConsoleProgress.create(output)).run();
        MigrationOutput.print(System.out, result, output, "undone");
        return 0;
    }
}
