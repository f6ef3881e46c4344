package dev.ferry.migrate;

import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.ops.ProgressListener;
import java.nio.file.Path;

/** A migrator in its own JVM, for the lock tests: {@code url user location backupDir}; exit 0 when it has migrated. */
public final class MigratorProcess {
    private MigratorProcess() {
    }

    public static void main(String[] args) {
        ConnectionSpec db = new ConnectionSpec(args[0], args[1].isEmpty() ? null : args[1], null);
        MigrationSettings settings = MigrationSettings.of(db, args[2]).withBackupDirectory(Path.of(args[3]));
        MigrateResult result = new Migrate(settings, new ProgressListener() {
            @Override
            public void note(String message) {
                System.out.println(message);
            }
        }).run();
        System.out.println("applied " + result.steps().size());
        System.exit(0);
    }
}
