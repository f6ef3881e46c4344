package dev.ferry.cli;

import dev.ferry.migrate.Repair;
import dev.ferry.migrate.RepairResult;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Repair the migration history, never the schema or data.",
                "Removes the records of failed and interrupted migrations (after you restored the backup or fixed the"
                        + " database by hand) and accepts the current checksum of applied scripts that were edited harmlessly."},
        footer = {"", "Example:", "  ferry repair --url jdbc:mariadb://127.0.0.1/app --user root --migrations db/migrations"})
final class RepairCommand implements Callable<Integer> {
    @Mixin
    MigrationOptions migration;

    @Mixin
    LockOptions lock;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        RepairResult result = new Repair(lock.apply(migration.settings()), ConsoleProgress.create(output)).run();
        if (output.json) {
            Json.print(System.out, Map.of("actions", result.actions()));
        } else {
            System.out.println(result.actions().isEmpty() ? "Nothing to repair." : "Repaired: " + String.join("; ", result.actions()) + ".");
        }
        return 0;
    }
}
