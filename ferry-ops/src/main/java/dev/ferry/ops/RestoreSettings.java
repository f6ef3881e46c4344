package dev.ferry.ops;

import dev.ferry.core.archive.crypto.Passphrase;
import dev.ferry.core.spi.ConnectionSpec;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to restore where. Build it with {@link #of} and the {@code with...} methods.
 *
 * @param clean      drop what the target already holds (inside the same all-or-nothing unit) instead of
 *                   refusing a non-empty target
 * @param strict     refuse a restore into another engine that would store any column's values in another
 *                   representation (text for dates, JSON for arrays...), before writing anything
 * @param jobs       tables loaded at once, where the target allows it (MariaDB/MySQL; PostgreSQL through a
 *                   staging schema); at least 1
 * @param schema     {@link SchemaMode#CREATE} the archive's schema in an empty target, or load into the
 *                   tables the app already created ({@link SchemaMode#EXISTING}, after a preflight check)
 * @param passphrase the passphrase of an encrypted archive; null for a plain one
 * @param files      where the archive's file trees and secrets go ({@link FileTargets#NONE}: nowhere)
 */
public record RestoreSettings(Path archive, ConnectionSpec target, boolean clean, boolean strict, int jobs,
                              SchemaMode schema, Passphrase passphrase, FileTargets files) {

    /** Where the restored tables come from. */
    public enum SchemaMode {
        /** Ferry creates the archive's schema (translated for another engine) in an empty target. */
        CREATE,
        /** The app created the tables (its own migrations); Ferry checks them against the archive and loads rows. */
        EXISTING
    }

    public RestoreSettings {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(target, "target");
        schema = schema == null ? SchemaMode.CREATE : schema;
        files = files == null ? FileTargets.NONE : files;
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
    }

    /** A plain archive, its database only, into an empty target of any engine. */
    public static RestoreSettings of(Path archive, ConnectionSpec target) {
        return new RestoreSettings(archive, target, false, false, 1, SchemaMode.CREATE, null, FileTargets.NONE);
    }

    public RestoreSettings withClean(boolean value) {
        return new RestoreSettings(archive, target, value, strict, jobs, schema, passphrase, files);
    }

    public RestoreSettings withStrict(boolean value) {
        return new RestoreSettings(archive, target, clean, value, jobs, schema, passphrase, files);
    }

    public RestoreSettings withJobs(int value) {
        return new RestoreSettings(archive, target, clean, strict, value, schema, passphrase, files);
    }

    public RestoreSettings withSchema(SchemaMode value) {
        return new RestoreSettings(archive, target, clean, strict, jobs, value, passphrase, files);
    }

    public RestoreSettings withPassphrase(Passphrase value) {
        return new RestoreSettings(archive, target, clean, strict, jobs, schema, value, files);
    }

    public RestoreSettings withFiles(FileTargets value) {
        return new RestoreSettings(archive, target, clean, strict, jobs, schema, passphrase, value);
    }
}
