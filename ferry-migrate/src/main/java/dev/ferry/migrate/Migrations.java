package dev.ferry.migrate;

import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.ops.ProgressListener;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The library entry point for an app that migrates its database at start-up. Immutable: each
 * {@code with...} returns a new instance.
 * <pre>
 * Migrations migrations = Migrations.configure("jdbc:sqlite:app.db", "classpath:db/ferry").withBackupDirectory(Path.of("backups"));
 * migrations.migrate();            // or: migrations.ensureUpToDate();
 * </pre>
 */
public final class Migrations {
    private final MigrationSettings settings;
    private final ProgressListener progress;

    private Migrations(MigrationSettings settings, ProgressListener progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** @param location a directory of modules, or {@code classpath:db/ferry} */
    public static Migrations configure(String jdbcUrl, String location) {
        return configure(ConnectionSpec.of(jdbcUrl), location);
    }

    public static Migrations configure(ConnectionSpec database, String location) {
        return new Migrations(MigrationSettings.of(database, location), ProgressListener.NONE);
    }

    public static Migrations configure(MigrationSettings settings) {
        return new Migrations(settings, ProgressListener.NONE);
    }

    public Migrations withBackupDirectory(Path dir) {
        return new Migrations(settings.withBackupDirectory(dir), progress);
    }

    public Migrations withoutBackup() {
        return new Migrations(settings.withBackup(false), progress);
    }

    public Migrations withLockTimeout(Duration timeout) {
        return new Migrations(settings.withLockTimeout(timeout), progress);
    }

    /** After the lock timeout, keep retrying with back-off instead of failing. */
    public Migrations withWaitForLock() {
        return new Migrations(settings.withWaitForLock(true), progress);
    }

    public Migrations withProgress(ProgressListener listener) {
        return new Migrations(settings, listener);
    }

    public MigrationSettings settings() {
        return settings;
    }

    /** Applies every pending migration; see {@link Migrate}. */
    public MigrateResult migrate() {
        return new Migrate(settings, progress).run();
    }

    /** The state per module, and an exit code for health checks; see {@link Status}. */
    public StatusReport status() {
        return new Status(settings).run();
    }

    /**
     * Returns quietly if the database is up to date; otherwise throws a {@link FerryException} whose
     * code says why (pending: exit 3, drift: 4, failed migration: 5) and whose message is one plain
     * sentence, instead of the app failing later on a missing column.
     */
    public void ensureUpToDate() {
        StatusReport report = status();
        if (report.code() != null) {
            throw new FerryException(report.code(), report.summary());
        }
    }

    /** Undoes down to {@code module:version}, or the last migration if {@code target} is null; see {@link Undo}. */
    public MigrateResult undo(String target) {
        return new Undo(settings, target, progress).run();
    }

    /** Clears failure records and accepts edited scripts; see {@link Repair}. */
    public RepairResult repair() {
        return new Repair(settings, progress).run();
    }

    /** Compares the live schema with what the applied migrations produce; with {@code fix}, repairs it; see {@link Doctor}. */
    public DoctorReport doctor(boolean fix) {
        return new Doctor(settings, fix, progress).run();
    }
}
