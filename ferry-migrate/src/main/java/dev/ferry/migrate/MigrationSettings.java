package dev.ferry.migrate;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.ConnectionSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a migration command needs. Immutable; validated on construction, all problems at once.
 *
 * @param database       the database to migrate
 * @param location       the migration set: a directory, or {@code classpath:db/ferry}
 * @param backupDirectory where the automatic pre-migration backups go
 * @param keepBackups    how many of this database's pre-migration backups to keep in that directory
 * @param backup         false to skip the pre-migration backup ({@code --no-backup})
 * @param lockTimeout    how long to wait for another migrator to finish
 * @param waitForLock    keep retrying with back-off after the lock timeout instead of failing ({@code --wait})
 * @param staleLockAfter SQLite: how old the heartbeat of a lock held from another host must be before it counts as abandoned
 * @param historyTable   the name of Ferry's history table
 * @param classLoader    loads Java migrations and {@code classpath:} locations
 */
public record MigrationSettings(ConnectionSpec database, String location, Path backupDirectory, int keepBackups,
                                boolean backup, Duration lockTimeout, boolean waitForLock, Duration staleLockAfter,
                                String historyTable, ClassLoader classLoader) {
    public static final String DEFAULT_HISTORY_TABLE = "ferry_migration_history";

    public MigrationSettings {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(backupDirectory, "backupDirectory");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(staleLockAfter, "staleLockAfter");
        classLoader = classLoader == null ? MigrationSettings.class.getClassLoader() : classLoader;
        List<String> problems = new ArrayList<>();
        if (keepBackups < 1) {
            problems.add("keep at least 1 pre-migration backup (got " + keepBackups + ")");
        }
        if (lockTimeout.isNegative()) {
            problems.add("the lock timeout cannot be negative");
        }
        if (staleLockAfter.toMillis() < 1000) {
            problems.add("the stale lock limit must be at least 1 s");
        }
        if (historyTable == null || !historyTable.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            problems.add("the history table name must be a plain identifier, not '" + historyTable + "'");
        }
        if (!problems.isEmpty()) {
            throw new FerryException(ErrorCode.USAGE, String.join("; ", problems));
        }
    }

    /** Defaults: backups in ./ferry-backups keeping 5, wait up to 60 s for the lock, history table ferry_migration_history. */
    public static MigrationSettings of(ConnectionSpec database, String location) {
        return new MigrationSettings(database, location, Path.of("ferry-backups"), 5, true, Duration.ofSeconds(60), false,
                Duration.ofSeconds(30), DEFAULT_HISTORY_TABLE, null);
    }

    public MigrationSettings withBackupDirectory(Path dir) {
        return new MigrationSettings(database, location, dir, keepBackups, backup, lockTimeout, waitForLock, staleLockAfter,
                historyTable, classLoader);
    }

    public MigrationSettings withKeepBackups(int n) {
        return new MigrationSettings(database, location, backupDirectory, n, backup, lockTimeout, waitForLock, staleLockAfter,
                historyTable, classLoader);
    }

    public MigrationSettings withBackup(boolean enabled) {
        return new MigrationSettings(database, location, backupDirectory, keepBackups, enabled, lockTimeout, waitForLock,
                staleLockAfter, historyTable, classLoader);
    }

    public MigrationSettings withLockTimeout(Duration timeout) {
        return new MigrationSettings(database, location, backupDirectory, keepBackups, backup, timeout, waitForLock,
                staleLockAfter, historyTable, classLoader);
    }

    public MigrationSettings withWaitForLock(boolean wait) {
        return new MigrationSettings(database, location, backupDirectory, keepBackups, backup, lockTimeout, wait,
                staleLockAfter, historyTable, classLoader);
    }

    public MigrationSettings withStaleLockAfter(Duration stale) {
        return new MigrationSettings(database, location, backupDirectory, keepBackups, backup, lockTimeout, waitForLock,
                stale, historyTable, classLoader);
    }

    public MigrationSettings withHistoryTable(String name) {
        return new MigrationSettings(database, location, backupDirectory, keepBackups, backup, lockTimeout, waitForLock,
                staleLockAfter, name, classLoader);
    }

    public MigrationSettings withClassLoader(ClassLoader loader) {
        return new MigrationSettings(database, location, backupDirectory, keepBackups, backup, lockTimeout, waitForLock,
                staleLockAfter, historyTable, loader);
    }
}
