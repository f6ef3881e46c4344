package dev.ferry.cli;

import dev.ferry.migrate.MigrationSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The automatic backup taken before a migrate or undo changes anything. */
final class BackupOptions {
    @Option(names = "--backup-dir", paramLabel = "DIR", defaultValue = "ferry-backups",
            description = "Where pre-migration backups go (default: ${DEFAULT-VALUE}).")
    Path backupDir;

    @Option(names = "--keep-backups", paramLabel = "N", defaultValue = "5",
            description = "How many of this database's pre-migration backups to keep there (default: ${DEFAULT-VALUE}).")
    int keep;

    @Option(names = "--no-backup", description = "Do not back up first (then a failure on MariaDB/MySQL cannot be undone by a restore).")
    boolean noBackup;

    MigrationSettings apply(MigrationSettings settings) {
        return settings.withBackup(!noBackup).withBackupDirectory(backupDir).withKeepBackups(keep);
    }
}
