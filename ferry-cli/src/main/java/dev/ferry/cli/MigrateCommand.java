package dev.ferry.cli;

import dev.ferry.migrate.Migrate;
import dev.ferry.migrate.MigrateResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Apply pending migrations of every module, in requirement order, after a backup.",
                "One process at a time: a second one waits for the lock. A failure is rolled back (PostgreSQL, SQLite) or"
                        + " answered with the exact ferry restore command for the backup taken before (MariaDB/MySQL)."},
        footer = {"", "Examples:",
                "  ferry migrate --url jdbc:sqlite:app.db --migrations db/migrations",
                "  ferry migrate --url jdbc:postgresql://127.0.0.1/app --user app --password-env PGPASSWORD --migrations db/migrations --wait",
                "", "Exit codes: 0 migrated or nothing to do, 1 failure (connection, lock timeout, edited script, invalid set),"
                        + " 5 a migration failed (now or recorded earlier and not yet resolved)."})
final class MigrateCommand implements Callable<Integer> {
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
        MigrateResult result = new Migrate(lock.apply(backup.apply(migration.settings())), ConsoleProgress.create(output)).run();
        MigrationOutput.print(System.out, result, output, "applied");
        return 0;
    }
}
