package dev.ferry.cli;

import dev.ferry.migrate.MigrationSettings;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every migration command shares: the database, the migration set and the history table. */
final class MigrationOptions {
    @Option(names = "--url", required = true, paramLabel = "JDBC-URL", description = "The database to migrate.")
    String url;

    @Option(names = "--migrations", required = true, paramLabel = "DIR",
            description = "The migration set: a directory with one folder per module (core, plugins), or classpath:PATH.")
    String migrations;

    @Option(names = "--history-table", paramLabel = "NAME", defaultValue = MigrationSettings.DEFAULT_HISTORY_TABLE,
            description = "Ferry's history table (default: ${DEFAULT-VALUE}).")
    String historyTable;

    @Mixin
    ConnectionOptions connection;

    /**
     * Settings with the pre-migration backup off; {@link BackupOptions#apply} adds it where a command
     * backs up, and {@link LockOptions#apply} the lock waiting where a command takes the lock.
     */
    MigrationSettings settings() {
        return MigrationSettings.of(connection.spec(url), migrations).withHistoryTable(historyTable).withBackup(false)
                .withBackupDirectory(Path.of("ferry-backups"));
    }
}
