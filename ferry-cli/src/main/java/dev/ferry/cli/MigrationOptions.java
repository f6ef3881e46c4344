package dev.ferry.cli;

import dev.ferry.migrate.MigrationSettings;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every migration command shares: the database, the migration set, the history table and the lock. */
final class MigrationOptions {
    @Option(names = "--url", required = true, paramLabel = "JDBC-URL", description = "The database to migrate.")
    String url;

    @Option(names = "--migrations", required = true, paramLabel = "DIR",
            description = "The migration set: a directory with one folder per module (core, plugins), or classpath:PATH.")
    String migrations;

    @Option(names = "--history-table", paramLabel = "NAME", defaultValue = MigrationSettings.DEFAULT_HISTORY_TABLE,
            description = "Ferry's history table (default: ${DEFAULT-VALUE}).")
    String historyTable;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait while another process migrates, e.g. 30s, 5m (default: ${DEFAULT-VALUE}).")
    Duration lockTimeout;

    @Option(names = "--wait", description = "After the lock timeout, keep retrying with back-off (up to 30 s between tries)"
            + " instead of failing: for containers that start while another replica migrates.")
    boolean waitForLock;

    @Mixin
    ConnectionOptions connection;

    /** Settings with the pre-migration backup off; {@link BackupOptions#apply} adds it where a command backs up. */
    MigrationSettings settings() {
        return MigrationSettings.of(connection.spec(url), migrations).withHistoryTable(historyTable)
                .withLockTimeout(lockTimeout).withWaitForLock(waitForLock).withBackup(false)
                .withBackupDirectory(Path.of("ferry-backups"));
    }
}
